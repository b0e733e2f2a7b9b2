// The budget monitor (DESIGN.md §2.5): the target path of seed 004 beside realised
// and forecast cost, and the caps of the three financial scenarios with the gap to
// them, for the region and per municipality.
//
// Scenario caps per year t:
//   1  the old state budget for youth care (`rijksbudget` of year t);
//   2  a fixed base: the realisation of the base year (the year before the first) of
//      the municipalities in the region in the first year, x (1 + indexatie) in the
//      first year, then x (1 + indexatie_per_jaar) per year (default 0). It does not
//      follow later overruns. The base comes from the config
//      (`realisatie_voorgaand_jaar`) or the store; municipalities that left the region
//      before the first year are not in it;
//   3  the annual cost of the target path.
// The cost compared with a cap is the realised cost (config, else store), else the
// forecast; gap = cost - cap (positive = over the cap).
// Per municipality, each cap on the same base as the cost: cap 1 by the municipality's
// own state budget for youth (key rijksbijdrage), caps 2 and 3 by its share of the
// base year's realisation (or by a chosen key). The cost is the municipality's own
// realised cost from the store plus its share of the fixed regional costs by the
// fixed-cost key (inwoners, as in settle's own use) when the region's cost came from
// the store, else its share of the region's cost.
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
// The key of each municipality's share of the fixed regional costs (as settle's own
// use, DESIGN §2.4).
inline constexpr const char* kFixedCostKey = "inwoners";

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
  // Base year's realisation from the store, of the municipalities of the first year.
  std::optional<int> base_year;
  std::optional<Money> base_total;
  // How the caps were shared over municipalities, in Dutch for the tables:
  // "aandeel in de realisatie 2018" or "verdeelsleutel 'inwoners'"; cap 1.
  std::string share_basis;
  std::string cap1_basis;
};

// The computation alone (pure; RunMonitor in monitor_run.h reads the inputs).
// REQUIRES: input.config as returned by ParseBudgetConfig. Fails (Dutch) when a
// municipality lacks the key in a year.
Result<MonitorResult> ComputeMonitor(const MonitorInput& input);

}  // namespace jr
