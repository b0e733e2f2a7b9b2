// jeugdregio monitor: the budget monitor (DESIGN.md §2.5) — the savings-target path of
// a begroting.toml beside realised cost, and the caps of financial scenarios 1-3 for
// the region and per municipality.
#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "budget/monitor.h"
#include "budget/monitor_tables.h"
#include "budget/table_sections.h"
#include "cli/command.h"

namespace jr::cli {
namespace {

constexpr const char* kConfigName = "begroting.toml";

struct MonitorOptions {
  std::string config;   // input; empty = ResolveConfigFile
  std::string db;       // realised cost and municipalities; skipped when the file is missing
  std::string key;      // key for municipality shares; empty = the config's
  std::string view = "all";  // path | scenarios | municipalities | all
  OutputFormat format = OutputFormat::kTable;
};

void Run(const MonitorOptions& o) {
  const std::string config = ResolveConfigFile(o.config, kConfigName, o.db);
  auto cfg = LoadBudgetConfig(config);
  if (!cfg.ok()) Fail(cfg.status());
  MonitorInput in{.config = *cfg, .key = o.key};
  std::optional<Region> region;
  std::string source;
  if (std::filesystem::exists(o.db)) {
    auto store = OpenExisting(o.db);
    auto r = store->LoadRegion();
    if (!r.ok()) Fail(r.status());
    region = std::move(r).value();
    auto costs = LoadRealisedCosts(*store, *region, cfg->include_fixed_costs,
                                   cfg->include_local_costs);
    if (!costs.ok()) Fail(costs.status());
    in.store = std::move(costs).value();
    if (!region->municipalities().empty()) in.region = &*region;
    source = fmt::format(
        "Realisatie zonder waarde in {} komt uit {}: gedeclareerde zorg{}{}.", config, o.db,
        cfg->include_fixed_costs ? " + vaste regionale kosten" : "",
        cfg->include_local_costs ? " + lokale kosten" : "");
  } else {
    source = fmt::format("Geen database {}: realisatie alleen uit {}, geen gemeenten.", o.db,
                         config);
  }
  auto result = RunMonitor(in);
  if (!result.ok()) Fail(result.status());
  std::vector<Section> sections;
  if (o.view == "path" || o.view == "all") {
    sections.push_back({"path", PathTable(*result)});
    sections.back().table.notes.push_back(source);
  }
  if (o.view == "scenarios" || o.view == "all") sections.push_back({"scenarios", ScenarioTable(*result)});
  if ((o.view == "municipalities" || o.view == "all") && in.region != nullptr) {
    sections.push_back({"municipalities",
                        MunicipalityScenarioTable(*result, *region, o.key.empty() ? cfg->key : o.key)});
  }
  if (sections.empty()) {
    Fail(Status::Error(fmt::format("geen gemeenten: database {} ontbreekt of is leeg", o.db)));
  }
  std::cout << RenderSections(sections, o.format) << std::flush;
}

void Register(CLI::App& app) {
  auto o = std::make_shared<MonitorOptions>();
  auto* c = app.add_subcommand(
      "monitor", "begrotingsmonitor: taakstellingspad, realisatie en scenario's 1-3");
  AddConfigOption(c, &o->config, kConfigName);
  AddDbOption(c, &o->db);
  c->add_option("--key", o->key, "sleutel voor de verdeling over gemeenten (standaard uit de config)");
  AddViewOption(c, &o->view, {"path", "scenarios", "municipalities", "all"});
  AddFormatOption(c, &o->format);
  c->callback([o] { Run(*o); });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
