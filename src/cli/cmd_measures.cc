// jeugdregio measures: Monte Carlo over the savings bandwidths of the measures
// (DESIGN.md §2.6): per year P10/P50/P90 of the combined saving beside the naive sum,
// the chance of closing the target gap, and each measure's share of the spread.
// The bases, the bandwidths and the target (through the `begroting` file the config
// names, read by budget/) are all in the TOML files; --db only serves to find them in
// the demo folder.
#include <fmt/format.h>

#include <iostream>
#include <optional>

#include "agenda/measures_run.h"
#include "agenda/savings_tables.h"
#include "budget/savings_target.h"
#include "cli/command.h"
#include "core/table.h"

namespace jr::cli {
namespace {

constexpr const char* kConfigName = "maatregelen.toml";

struct MeasuresFlags {
  std::string config;    // input; empty = ResolveConfigFile
  std::string db;        // only to find the demo folder (ResolveConfigFile)
  int64_t runs = 10000;  // Monte Carlo runs
  uint64_t seed = 1;     // master seed
  int threads = 0;       // 0 = all cores
  std::optional<double> rank_correlation;  // overrides the config's rangcorrelatie
  std::string view = "all";                // savings | measures | all
  OutputFormat format = OutputFormat::kTable;
};

void Run(const MeasuresFlags& o) {
  const std::string config = ResolveConfigFile(o.config, kConfigName, o.db);
  auto target = LoadSavingsTarget(config);
  if (!target.ok()) Fail(target.status());
  auto r = RunMeasures(
      {.file = config,
       .target_gap = std::move(target).value(),
       .rank_correlation = o.rank_correlation,
       .simulation = {
           .runs = o.runs, .seed = o.seed, .threads = ResolveThreads(o.threads)}});
  if (!r.ok()) Fail(r.status());
  std::vector<Section> sections;
  if (o.view != "measures") sections.push_back({"savings", SavingsYearTable(r->result)});
  if (o.view != "savings")
    sections.push_back({"measures", MeasureShareTable(r->portfolio, r->result)});
  LabelTables(sections, DatasetLabel(o.db), o.format);
  std::cout << RenderSections(sections, o.format) << std::flush;
}

void Register(CLI::App& app) {
  auto o = std::make_shared<MeasuresFlags>();
  auto* c = app.add_subcommand(
      "measures",
      "maatregelen: Monte Carlo over de bandbreedtes, met overlap en taakstelling");
  AddConfigOption(c, &o->config, kConfigName);
  AddDbOption(c, &o->db);
  c->add_option("--runs", o->runs, "aantal Monte Carlo-runs")
      ->check(CLI::Range(int64_t{1}, int64_t{100000000}))
      ->capture_default_str();
  AddSeedOption(c, &o->seed);
  AddThreadsOption(c, &o->threads);
  c->add_option("--rank-correlation", o->rank_correlation,
                "rangcorrelatie binnen een cluster (vervangt die uit de config)")
      ->check(CLI::Range(0.0, 0.99));
  AddViewOption(c, &o->view, {"savings", "measures", "all"});
  AddFormatOption(c, &o->format);
  c->callback([o] { Run(*o); });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
