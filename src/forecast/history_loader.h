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

}  // namespace jr::forecast
