#include "agenda/measures_run.h"

namespace jr {

Result<MeasuresRun> RunMeasures(const MeasuresOptions& options) {
  auto portfolio = LoadMeasurePortfolio(options.file);
  if (!portfolio.ok()) return portfolio.status();
  MeasuresRun run{std::move(portfolio).value(), {}};
  run.portfolio.target_gap = options.target_gap;
  if (options.rank_correlation)
    run.portfolio.rank_correlation = *options.rank_correlation;
  auto result = SimulateSavings(run.portfolio, options.simulation);
  if (!result.ok()) return result.status();
  run.result = std::move(result).value();
  return run;
}

}  // namespace jr
