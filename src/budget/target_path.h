// The savings-target path of seed 004 ("financieel kader met tabel").
#pragma once

#include <optional>
#include <vector>

#include "budget/budget_year.h"
#include "core/money.h"

namespace jr {

struct PathRow {
  int year = 0;
  Money budget;
  Money amendment;
  Money target;
  Money annual_cost;                        // budget + amendment + target
  std::optional<Money> state_contribution;  // unknown stays unknown
  Money cost_to_region;  // annual cost - state contribution (unknown = 0)
};

// The path, one row per input year, in input order:
//   annual_cost_t = budget_t + amendment_t + target_t
//   budget_{t+1}  = annual_cost_t, unless year t+1 gives its own budget (rebasing)
//   cost_to_region_t = annual_cost_t - state_contribution_t
// REQUIRES: years non-empty, consecutive, and years[0].budget set (ParseBudgetConfig
// checks this).
std::vector<PathRow> ComputeTargetPath(const std::vector<BudgetYear>& years);

}  // namespace jr
