// jeugdregio agenda: progress of the development agenda (DESIGN.md §2.6) as of a date,
// the savings against the target with a one-year slip, overdue milestones, and the
// agenda's cost shared pro rata over the municipalities.
#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "agenda/agenda.h"
#include "agenda/agenda_progress.h"
#include "agenda/agenda_tables.h"
#include "budget/table_sections.h"
#include "cli/command.h"

namespace jr::cli {
namespace {

constexpr const char* kConfigName = "agenda.toml";

struct AgendaOptions {
  std::string config;  // input; empty = ResolveConfigFile
  std::string as_of;   // date the state is judged at; empty = the config's `datum`
  std::string db;      // region and keys for sharing; skipped when the file is missing
  std::string key;     // key for sharing; empty = the config's
  std::string view = "all";  // items | clusters | years | overdue | sharing | all
  OutputFormat format = OutputFormat::kTable;
};

// The sharing table, or nullopt (with a note on stderr) when there is no region.
std::optional<Table> Sharing(const AgendaOptions& o, const Agenda& a) {
  if (a.shared_cost.cents() == 0) return std::nullopt;
  if (!std::filesystem::exists(o.db)) {
    std::cerr << fmt::format("Geen database {}: verdeling over gemeenten overgeslagen.\n", o.db);
    return std::nullopt;
  }
  auto store = OpenExisting(o.db);
  auto region = store->LoadRegion();
  if (!region.ok()) Fail(region.status());
  auto t = CostShareTable(a, *region, o.key.empty() ? a.share_key : o.key);
  if (!t.ok()) Fail(t.status());
  return std::move(t).value();
}

void Run(const AgendaOptions& o) {
  const std::string config = ResolveConfigFile(o.config, kConfigName, o.db);
  auto agenda = LoadAgenda(config);
  if (!agenda.ok()) Fail(agenda.status());
  Date as_of = agenda->date;
  if (!o.as_of.empty()) {
    auto d = ParseDate(o.as_of);
    if (!d.ok()) Fail(Status::Error(d.status().message(), {"", 0, 0, "--as-of"}));
    as_of = *d;
  }
  AgendaProgress p = EvaluateAgenda(*agenda, as_of);
  auto want = [&](const char* v) { return o.view == v || o.view == "all"; };
  std::vector<Section> sections;
  if (want("items")) sections.push_back({"items", AgendaItemTable(p)});
  if (want("clusters")) sections.push_back({"clusters", AgendaClusterTable(p)});
  if (want("years")) sections.push_back({"years", AgendaYearTable(p)});
  if (want("overdue")) sections.push_back({"overdue", OverdueTable(p)});
  if (want("sharing")) {
    if (auto t = Sharing(o, *agenda)) sections.push_back({"sharing", *t});
  }
  if (sections.empty()) Fail(Status::Error("niets te tonen: geen verdeling of geen database"));
  std::cout << RenderSections(sections, o.format) << std::flush;
}

void Register(CLI::App& app) {
  auto o = std::make_shared<AgendaOptions>();
  auto* c = app.add_subcommand(
      "agenda", "ontwikkelagenda: voortgang, taakstelling, vertraging en verdeling van de kosten");
  AddConfigOption(c, &o->config, kConfigName);
  c->add_option("--as-of", o->as_of, "peildatum JJJJ-MM-DD (standaard: 'datum' uit de config)");
  AddDbOption(c, &o->db);
  c->add_option("--key", o->key, "sleutel voor de verdeling (standaard uit de config)");
  AddViewOption(c, &o->view, {"items", "clusters", "years", "overdue", "sharing", "all"});
  AddFormatOption(c, &o->format);
  c->callback([o] { Run(*o); });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
