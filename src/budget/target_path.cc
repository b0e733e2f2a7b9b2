#include "budget/target_path.h"

#include <cassert>

namespace jr {

std::vector<PathRow> ComputeTargetPath(const std::vector<BudgetYear>& years) {
  assert(!years.empty() && years.front().budget.has_value());
  std::vector<PathRow> rows;
  rows.reserve(years.size());
  Money carried;
  for (const BudgetYear& y : years) {
    PathRow r;
    r.year = y.year;
    r.budget = y.budget.value_or(carried);
    r.amendment = y.amendment;
    r.target = y.target;
    r.annual_cost = r.budget + r.amendment + r.target;
    r.state_contribution = y.state_contribution;
    r.cost_to_region = r.annual_cost - y.state_contribution.value_or(Money());
    carried = r.annual_cost;
    rows.push_back(r);
  }
  return rows;
}

}  // namespace jr
