// The measures' entry point (DESIGN.md §2.6), the one pipeline the CLI
// (`jeugdregio measures`), the report and the server use: read maatregelen.toml and
// run the Monte Carlo over the savings bandwidths against the savings target.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "agenda/measure_portfolio.h"
#include "agenda/savings_simulation.h"
#include "core/money.h"
#include "core/status.h"

namespace jr {

struct MeasuresOptions {
  std::string file;  // maatregelen.toml (required)
  // Savings needed per year, as a value: the caller reads it (budget's
  // LoadSavingsTarget of the same file); empty = no target.
  std::map<int, Money> target_gap;
  std::optional<double> rank_correlation;  // overrides the file's `rangcorrelatie`
  SimulationOptions simulation;            // runs, seed and threads
};

struct MeasuresRun {
  MeasurePortfolio portfolio;  // as read, with the options' target and correlation
  SimulationResult result;
};

// Reads options.file and simulates. Dutch errors naming file, line and key for the
// file; SimulateSavings' errors. Thread-safe; uses options.simulation.threads threads.
Result<MeasuresRun> RunMeasures(const MeasuresOptions& options);

}  // namespace jr
