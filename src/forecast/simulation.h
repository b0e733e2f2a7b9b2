// Simulation: N replications of the caseload, month by month for H months, from the
// assignments running at the cut-off (see calibration.h for the model).
//
// Every random draw is keyed (seed, replication, entity, draw) (entity_key.h), and
// each replication is computed whole by one thread, so the result is identical for any
// thread count. Runs with the same seed and different lever plans share their random
// numbers: their difference is the levers' effect with little noise.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "forecast/calibration.h"
#include "forecast/capacity.h"
#include "forecast/lever_plan.h"

namespace jr::forecast {

struct SimulationOptions {
  int months = 36;    // horizon H, from Calibration::start_month
  int runs = 100;     // replications N
  uint64_t seed = 1;  // master seed of all random numbers
  int threads = 1;    // worker threads (>= 1); does not change the result
  // Draw each replication's parameters from their sampling distribution: inflow
  // levels and trends, a duration factor and the re-indication probability per
  // group, the yearly indexation, and a factor of mean 1 per municipality-month for
  // the declarations' month-to-month spread (Calibration::month_noise). Off: every
  // replication runs on the calibrated values (only a run's own randomness).
  bool parameter_uncertainty = true;
  // Called after each finished replication with (done, total), from worker threads
  // but never concurrently; may be empty.
  std::function<void(int, int)> progress;
};

// Per replication, month, municipality and group (layout [run][month][muni][group]).
struct SimulationResult {
  int start_month = 0;
  int months = 0;
  int runs = 0;
  int municipalities = 0;
  int groups = 0;
  std::vector<double> cost;     // cents (unrounded)
  std::vector<int32_t> active;  // assignments active in the month
  std::vector<int32_t>
      started;                // assignments started in the month (incl. re-indications)
  int64_t entity_months = 0;  // assignment-months simulated, all runs
  CapacityResult capacity;    // per provider and team (empty without capacity)

  size_t Index(int run, int month, int muni, int group) const {
    return ((static_cast<size_t>(run) * months + month) * municipalities + muni) *
               groups +
           group;
  }
};

// REQUIRES: plan built for `c` with at least options.months months; runs >= 1.
SimulationResult Simulate(const Calibration& c, const LeverPlan& plan,
                          const SimulationOptions& options);

}  // namespace jr::forecast
