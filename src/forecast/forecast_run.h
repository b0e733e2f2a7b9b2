// forecast::Run: the one forecast pipeline, used by `jeugdregio forecast`, the server's
// forecast page and the report: calibrate on the data before a cut-off, resolve the
// levers, simulate the baseline (and, with levers, the same runs with them), and
// summarise per month and year. `calibrate` uses its first step (Calibrate(store, ...)),
// the backtest (backtest.h) its second.
//
// Pure apart from the store read; the server calibrates once and forecasts per request
// with Run(Calibration, ...). Results are the same for any thread count.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "forecast/calibration.h"
#include "forecast/capacity.h"
#include "forecast/forecast_summary.h"
#include "forecast/lever.h"
#include "store/store.h"

namespace jr::forecast {

struct ForecastOptions {
  // Data before its month calibrate and the forecast starts in StartMonthOf(cutoff).
  // Read by Run(store, ...) only (a Calibration knows its start).
  Date cutoff{};
  int months = 36;            // horizon (>= 1)
  int runs = 200;             // replications (>= 1)
  uint64_t seed = 1;          // master seed of every random draw
  int threads = 1;            // worker threads (>= 1); the result does not depend on it
  std::vector<Lever> levers;  // policy levers; empty = the baseline only
  // Also summarise per month (ForecastResult::monthly; empty when false). The monthly
  // quantiles cost about as much as a third of the simulation: off where unused.
  bool monthly = true;
  CalibrationOptions calibration;  // read by Run(store, ...) only
  // Run(store, ...) refuses (Dutch error) a start later than the month after the last
  // complete month of data (LastCompleteMonth): nothing would be running and the
  // forecast would show zeros. `jeugdregio forecast` sets it; the report, which starts
  // in the January after its last year, does not.
  bool refuse_after_data_end = false;
};

// Which simulation a progress report is about.
enum class ForecastStep { kBaseline, kLevers };
// Called after each finished replication with the step and (done, total), from worker
// threads but never concurrently.
using ForecastProgress = std::function<void(ForecastStep step, int done, int total)>;

struct ForecastResult {
  Calibration calibration;          // the parameters it ran on (names for tables)
  std::vector<SummaryRow> yearly;   // with the levers when there are any, else baseline
  std::vector<SummaryRow> monthly;  // the same per month (options.monthly)
  std::vector<SummaryRow> effect;   // per year, with levers minus baseline; empty
                                    // without levers
  int64_t entity_months = 0;        // assignment-months simulated, all simulations
  // Per provider and lot, and per team: when the ceiling (budget) runs out (with the
  // levers when there are any); capacity_baseline: the same without levers (only
  // with levers). Empty when the store has no contracts and teams.
  CapacitySummary capacity;
  CapacitySummary capacity_baseline;
};

// Calibrates on the store's data before `cutoff` (the history the calibration looks
// back on). Dutch error from the store or the calibration.
Result<Calibration> Calibrate(const Store& store, Date cutoff,
                              const CalibrationOptions& options = {});

// Forecasts from `calibration` (moved into the result). Dutch error when a lever
// names an unknown group, product or municipality. REQUIRES: months, runs, threads >= 1.
Result<ForecastResult> Run(Calibration calibration, const ForecastOptions& options,
                           const ForecastProgress& progress = {});
// Calibrate(store, options.cutoff, options.calibration), then Run.
Result<ForecastResult> Run(const Store& store, const ForecastOptions& options,
                           const ForecastProgress& progress = {});

}  // namespace jr::forecast
