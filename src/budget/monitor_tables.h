// Tables of the budget monitor for people (Dutch labels) and machines (JSON/CSV keys),
// shared by the CLI, the report and the server.
#pragma once

#include "budget/monitor.h"
#include "core/table.h"
#include "region/region.h"

namespace jr {

// The target path beside realised/forecast cost. Keys: year, budget_cents,
// amendment_cents, target_cents, annual_cost_cents, state_contribution_cents,
// cost_to_region_cents, realised_cents, realised_source, forecast_cents, gap_cents.
Table PathTable(const MonitorResult& r);
// Per year the caps of scenarios 1-3 and the gap of the cost to each. Keys: year,
// cost_basis, cost_cents, cap1_cents, gap1_cents, cap2_cents, gap2_cents, cap3_cents,
// gap3_cents.
Table ScenarioTable(const MonitorResult& r);
// The same per municipality (names from `region`). Keys: year, municipality, name,
// share, cost_cents, cost_source, cap1_cents, gap1_cents, ... gap3_cents.
Table MunicipalityScenarioTable(const MonitorResult& r, const Region& region,
                                const std::string& key);

}  // namespace jr
