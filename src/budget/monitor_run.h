// The budget monitor's entry point (DESIGN.md §2.5), the one pipeline the CLI
// (`jeugdregio monitor`), the report and the server use: read begroting.toml, the
// region and the realised costs from the store, and compute the monitor.
#pragma once

#include <optional>
#include <string>

#include "budget/budget_config.h"
#include "budget/monitor.h"
#include "core/status.h"
#include "region/region.h"

namespace jr {

class Store;

struct MonitorOptions {
  std::string config_file;  // begroting.toml (required)
  std::string key;          // key for municipality shares; empty = the config's `sleutel`
};

struct MonitorRun {
  BudgetConfig config;           // as read from options.config_file
  std::string key;               // the key the municipality shares were made with
  std::optional<Region> region;  // the store's region; nullopt without a store
  // Region rows per config year; municipality rows only when the store's region has
  // municipalities.
  MonitorResult result;
};

// Reads options.config_file; with a `store`, also its region and realised costs
// (LoadRealisedCosts with the config's `realisatie_uit_database` choices) for the
// years the config gives no realisation. `store` may be null: realised cost then only
// from the config, and no municipality rows. Dutch errors of the config (file, line,
// key), the store, or ComputeMonitor. Reads `store` only; not thread-safe on it.
Result<MonitorRun> RunMonitor(const Store* store, const MonitorOptions& options);

}  // namespace jr
