// jeugdregio monitor: the budget monitor (DESIGN.md §2.5) — the savings-target path of
// a begroting.toml beside realised cost, and the caps of financial scenarios 1-3 for
// the region and per municipality.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "budget/monitor_run.h"
#include "budget/monitor_tables.h"
#include "cli/command.h"
#include "core/table.h"
#include "store/store.h"

namespace jr::cli {
namespace {

constexpr const char* kConfigName = "begroting.toml";

struct MonitorFlags {
  std::string config;  // input; empty = ResolveConfigFile
  std::string db;   // realised cost and municipalities; skipped when the file is missing
  std::string key;  // key for municipality shares; empty = the config's
  std::string view = "all";  // path | scenarios | municipalities | all
  OutputFormat format = OutputFormat::kTable;
};

void Run(const MonitorFlags& o) {
  const std::string config = ResolveConfigFile(o.config, kConfigName, o.db);
  std::unique_ptr<Store> store;
  if (DatabaseExists(o.db)) store = OpenExisting(o.db);
  auto run = RunMonitor(store.get(), {.config_file = config, .key = o.key});
  if (!run.ok()) Fail(run.status());
  const MonitorResult& result = run->result;
  std::string source;
  if (store != nullptr) {
    source = fmt::format(
        "Realisatie zonder waarde in {} komt uit {}: gedeclareerde zorg{}{}.", config,
        o.db, run->config.include_fixed_costs ? " + vaste regionale kosten" : "",
        run->config.include_local_costs ? " + lokale kosten" : "");
  } else {
    source = fmt::format("Geen database {}: realisatie alleen uit {}, geen gemeenten.",
                         o.db, config);
  }
  std::vector<Section> sections;
  if (o.view == "path" || o.view == "all") {
    sections.push_back({"path", PathTable(result)});
    sections.back().table.notes.push_back(source);
  }
  if (o.view == "scenarios" || o.view == "all")
    sections.push_back({"scenarios", ScenarioTable(result)});
  if ((o.view == "municipalities" || o.view == "all") && !result.municipalities.empty()) {
    sections.push_back(
        {"municipalities", MunicipalityScenarioTable(result, *run->region, run->key)});
  }
  LabelTables(sections, DatasetLabel(o.db), o.format);
  if (sections.empty()) {
    Fail(Status::Error(
        fmt::format("geen gemeenten: database {} ontbreekt of is leeg", o.db)));
  }
  std::cout << RenderSections(sections, o.format) << std::flush;
}

void Register(CLI::App& app) {
  auto o = std::make_shared<MonitorFlags>();
  auto* c = app.add_subcommand(
      "monitor", "begrotingsmonitor: taakstellingspad, realisatie en scenario's 1-3");
  AddConfigOption(c, &o->config, kConfigName);
  AddDbOption(c, &o->db);
  c->add_option("--key", o->key,
                "sleutel voor plafond 2 en 3 per gemeente (standaard: aandeel in de "
                "realisatie van het basisjaar)");
  AddViewOption(c, &o->view, {"path", "scenarios", "municipalities", "all"});
  AddFormatOption(c, &o->format);
  c->callback([o] { Run(*o); });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
