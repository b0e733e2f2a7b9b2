// The forecast's yearly totals beside the target path of the budget monitor
// (DESIGN.md §2.5, §2.7): is the forecast cost within the path?
#pragma once

#include <map>
#include <vector>

#include "budget/target_path.h"
#include "core/money.h"
#include "core/table.h"

namespace jr {

// The region's forecast of one year: care cost (mean and P10/P90 over the
// replications) and how many of its months the forecast covers.
struct ForecastYear {
  Money mean, p10, p90;
  int months = 12;
};

// One row per year in both the path and the forecast: the path's annual cost, the
// forecast (care plus `fixed[year]`, the fixed regional costs, when given), and the
// gap (forecast mean - annual cost; positive = above the path). Years the forecast
// covers only partly are marked in the "months" column. Empty when nothing overlaps.
Table PathForecastTable(const std::vector<PathRow>& path,
                        const std::map<int, ForecastYear>& forecast,
                        const std::map<int, Money>& fixed);

}  // namespace jr
