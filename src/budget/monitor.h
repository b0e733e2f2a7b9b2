// The budget monitor (DESIGN.md §2.5): the target path of seed 004 beside realised
// and forecast cost, and the caps of the three financial scenarios with the gap to
// them, for the region and per municipality.
//
// Scenario caps per year t:
//   1  the old state budget for youth care (`rijksbudget` of year t);
//   2  realised cost of year t-1 x (1 + indexation); when t-1 has no realisation, the
//      cap of t-1 x (1 + indexation); for the first year the realisation of the year
//      before comes from the config (`realisatie_voorgaand_jaar`) or the store;
//   3  the annual cost of the target path.
// The cost compared with a cap is the realised cost (config, else store), else the
// forecast; gap = cost - cap (positive = over the cap).
// Per municipality: a cap is split by the key of that year (to the cent); the cost is
// the municipality's own realised cost from the store plus its key share of the fixed
// regional costs when the region's cost came from the store, else the key share of
// the region's cost.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "budget/budget_config.h"
#include "budget/realised_costs.h"
#include "budget/target_path.h"
#include "region/region.h"

namespace jr {

inline constexpr int kScenarios = 3;

enum class CostBasis { kNone, kRealised, kForecast };
// "realisatie", "prognose" or "" for people and machines alike.
const char* CostBasisName(CostBasis b);

struct MonitorInput {
  BudgetConfig config;
  RealisedCosts store;             // empty when there is no store
  const Region* region = nullptr;  // null: no municipality rows. Not owned.
  std::string key;                 // key for municipality shares; empty = config.key
};

struct MonitorRow {
  PathRow path;
  std::optional<Money> realised;  // config, else store
  bool realised_from_store = false;
  std::optional<Money> forecast;
  CostBasis basis = CostBasis::kNone;
  std::optional<Money> cost;      // realised, else forecast
  std::optional<Money> path_gap;  // cost - annual cost of the path
  std::array<std::optional<Money>, kScenarios> cap;
  std::array<std::optional<Money>, kScenarios> gap;  // cost - cap
};

struct MunicipalityRow {
  int year = 0;
  std::string code;
  double share = 0;  // of the key in that year
  std::array<std::optional<Money>, kScenarios> cap;
  std::optional<Money> cost;
  bool cost_from_store = false;  // own realised cost; else the key share of the region's
  std::array<std::optional<Money>, kScenarios> gap;
};

struct MonitorResult {
  std::vector<MonitorRow> years;                // one per config year
  std::vector<MunicipalityRow> municipalities;  // per year, per active municipality
};

// The computation alone (pure; RunMonitor in monitor_run.h reads the inputs).
// REQUIRES: input.config as returned by ParseBudgetConfig. Fails (Dutch) when a
// municipality lacks the key in a year.
Result<MonitorResult> ComputeMonitor(const MonitorInput& input);

}  // namespace jr
