// Backtest: calibrate on the data before a cut-off, forecast the months after it, and
// compare with what was declared — next to the naive method (the same month a year
// earlier, times the tariff indexation) and two statistical baselines per municipality
// on its monthly cost (baselines.h): ETS with damped trend and season on log cost, and
// the seasonal naive with drift.
//
// WAPE (weighted absolute percentage error) = sum |forecast - actual| / sum actual,
// over municipality-months; the forecast's point value is the mean of the runs. The
// P10-P90 band covers a municipality-month when P10 <= actual <= P90.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "forecast/calibration.h"
#include "forecast/history.h"
#include "store/store.h"

namespace jr::forecast {

struct BacktestOptions {
  int months = 12;                 // months forecast after the cut-off
  int runs = 200;                  // replications
  uint64_t seed = 1;               // master seed
  int threads = 1;                 // worker threads; does not change the result
  CalibrationOptions calibration;  // as for a forecast
};

struct BacktestRow {
  std::string municipality;  // CBS code, or kRegion for the region
  std::string name;
  Money actual;    // declared over the months
  Money forecast;  // mean of the runs
  Money naive;
  Money ets;
  Money seasonal_drift;      // seasonal naive with drift
  double wape_forecast = 0;  // over the municipality's months (region: all)
  double wape_naive = 0;
  double wape_ets = 0;
  double wape_seasonal_drift = 0;
  double coverage_p10_p90 = 0;  // share of its months inside the band
};

struct BacktestResult {
  int start_month = 0;  // MonthIndex of the first month forecast
  int months = 0;
  int runs = 0;
  std::vector<BacktestRow> rows;  // municipalities by code, then the region
  double wape_forecast = 0;       // region level, over all municipality-months
  double wape_naive = 0;
  double wape_ets = 0;
  double wape_seasonal_drift = 0;
  double coverage_p10_p90 = 0;     // share of all municipality-months inside the band
  double error_year_forecast = 0;  // (forecast - actual) / actual, region total
  double error_year_naive = 0;
  double error_year_ets = 0;
  double error_year_seasonal_drift = 0;
  int data_end_month = 0;  // MonthIndex of the last complete month of data
  int64_t entity_months = 0;
};

// Dutch error when calibration fails, the horizon runs past the last complete month
// of data (LastCompleteMonth; a partly declared month would look like a fall in cost),
// there are fewer than 24 months of declarations before the cut-off (the baselines
// need two years), or none in the year before it.
Result<BacktestResult> Backtest(const History& history, Date cutoff,
                                const BacktestOptions& options = {});
// The backtest on the store's history around `cutoff`; errors of the store as they are.
Result<BacktestResult> RunBacktest(const Store& store, Date cutoff,
                                   const BacktestOptions& options = {});
// Backtests at several cut-offs on one load of the store's history, in the order
// given; the first error stops.
Result<std::vector<BacktestResult>> RunBacktests(const Store& store,
                                                 const std::vector<Date>& cutoffs,
                                                 const BacktestOptions& options = {});

}  // namespace jr::forecast
