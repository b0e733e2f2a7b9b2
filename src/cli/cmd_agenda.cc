// jeugdregio agenda: progress of the development agenda (DESIGN.md §2.6) as of a date,
// the savings against the target with a one-year slip, overdue milestones, and the
// agenda's cost shared pro rata over the municipalities.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <optional>

#include "agenda/agenda_run.h"
#include "agenda/agenda_tables.h"
#include "budget/savings_target.h"
#include "cli/command.h"
#include "core/table.h"
#include "store/store.h"

namespace jr::cli {
namespace {

constexpr const char* kConfigName = "agenda.toml";

struct AgendaFlags {
  std::string config;  // input; empty = ResolveConfigFile
  std::string as_of;   // date the state is judged at; empty = the config's `datum`
  std::string db;      // region and keys for sharing; skipped when the file is missing
  std::string key;     // key for sharing; empty = the config's
  std::string view = "all";  // items | clusters | years | overdue | sharing | all
  OutputFormat format = OutputFormat::kTable;
};

void Run(const AgendaFlags& o) {
  const std::string config = ResolveConfigFile(o.config, kConfigName, o.db);
  AgendaOptions options{.file = config, .key = o.key};
  if (!o.as_of.empty()) {
    auto d = ParseDate(o.as_of);
    if (!d.ok()) Fail(Status::Error(d.status().message(), {"", 0, 0, "--as-of"}));
    options.as_of = *d;
  }
  auto target = LoadSavingsTarget(config);
  if (!target.ok()) Fail(target.status());
  options.target_gap = std::move(target).value();
  auto want = [&](const char* v) { return o.view == v || o.view == "all"; };
  options.share = want("sharing");
  std::optional<Region> region;
  if (options.share && DatabaseExists(o.db)) {
    auto r = OpenExisting(o.db)->LoadRegion();
    if (!r.ok()) Fail(r.status());
    region = std::move(r).value();
  }
  auto run = RunAgenda(region ? &*region : nullptr, options);
  if (!run.ok()) Fail(run.status());
  const AgendaProgress& p = run->progress;
  std::vector<Section> sections;
  if (want("items")) sections.push_back({"items", AgendaItemTable(p)});
  if (want("clusters")) sections.push_back({"clusters", AgendaClusterTable(p)});
  if (want("years")) sections.push_back({"years", AgendaYearTable(p)});
  if (want("overdue")) sections.push_back({"overdue", OverdueTable(p)});
  if (options.share && run->agenda->shared_cost.cents() != 0 && !region) {
    std::cerr << fmt::format("Geen database {}: verdeling over gemeenten overgeslagen.\n",
                             o.db);
  }
  if (run->sharing) {
    sections.push_back({"sharing", CostShareTable(*run->agenda, run->sharing->weights,
                                                  run->sharing->parts, *region)});
  }
  LabelTables(sections, DatasetLabel(o.db), o.format);
  if (sections.empty())
    Fail(Status::Error("niets te tonen: geen verdeling of geen database"));
  std::cout << RenderSections(sections, o.format) << std::flush;
}

void Register(CLI::App& app) {
  auto o = std::make_shared<AgendaFlags>();
  auto* c = app.add_subcommand(
      "agenda",
      "ontwikkelagenda: voortgang, taakstelling, vertraging en verdeling van de kosten");
  AddConfigOption(c, &o->config, kConfigName);
  c->add_option("--as-of", o->as_of,
                "peildatum JJJJ-MM-DD (standaard: 'datum' uit de config)");
  AddDbOption(c, &o->db);
  c->add_option("--key", o->key, "sleutel voor de verdeling (standaard uit de config)");
  AddViewOption(c, &o->view, {"items", "clusters", "years", "overdue", "sharing", "all"});
  AddFormatOption(c, &o->format);
  c->callback([o] { Run(*o); });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
