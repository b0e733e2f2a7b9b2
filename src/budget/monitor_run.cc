#include "budget/monitor_run.h"

#include "budget/realised_costs.h"
#include "store/store.h"

namespace jr {

Result<MonitorRun> RunMonitor(const Store* store, const MonitorOptions& options) {
  MonitorRun run;
  auto config = LoadBudgetConfig(options.config_file);
  if (!config.ok()) return config.status();
  run.config = std::move(config).value();
  run.key = options.key.empty() ? run.config.key : options.key;
  MonitorInput in{.config = run.config, .key = run.key};
  if (store != nullptr) {
    auto region = store->LoadRegion();
    if (!region.ok()) return region.status();
    run.region = std::move(region).value();
    auto costs = LoadRealisedCosts(*store, *run.region, run.config.include_fixed_costs,
                                   run.config.include_local_costs);
    if (!costs.ok()) return costs.status();
    in.store = std::move(costs).value();
    if (!run.region->municipalities().empty()) in.region = &*run.region;
  }
  auto result = ComputeMonitor(in);
  if (!result.ok()) return result.status();
  run.result = std::move(result).value();
  return run;
}

}  // namespace jr
