// Loads the History of a forecast from the store.
#pragma once

#include "core/status.h"
#include "forecast/history.h"
#include "store/store.h"

namespace jr::forecast {

// Months of history a calibration looks back before its cut-off (the longest window)
// plus a margin: the `from_month` to load for a cut-off.
inline constexpr int kCalibrationHistoryMonths = 72;

// Region, products, tariffs, all assignments, and the declared cost and volume per
// assignment and month for months >= `from_month` (a MonthIndex; 0 = all).
// Errors of the store are returned as they are.
Result<History> LoadHistory(const Store& store, int from_month = 0);

// The last complete month of declarations in `h` (a MonthIndex), or -1 when it has no
// declared cost. That is the last month with declared cost, unless its cost is below
// half the mean of the three months before it: then its declarations are still coming
// in and the month before is the last complete one.
int LastCompleteMonth(const History& h);

}  // namespace jr::forecast
