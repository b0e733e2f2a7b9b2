// SyntheticHistory: care data generated from known model parameters, for tests of the
// calibration (does it recover them?), the backtest and the benchmarks. Deterministic
// in its seed (counter-based random numbers).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "forecast/history.h"

namespace jr::forecast {

struct SyntheticGroup {
  std::string name;              // product group (cost bucket), also the product code
  double inflow_per_month = 10;  // new assignments per municipality per month
  double end_hazard = 0.15;      // monthly probability that an assignment ends
  double reindication = 0.5;     // probability of a follow-up in the same group
  int64_t cost_cents = 100000;   // cost per active month in the first year's prices
  double cost_spread = 0.0;      // assignments' cost varies uniformly by +- this share
  // Weibull shape of the duration (1: geometric with `end_hazard`; < 1 many short
  // and a long tail, > 1 durations bunched around the mean); the mean stays about
  // 1 / end_hazard months.
  double duration_shape = 1.0;
};

struct SyntheticSpec {
  int first_year = 2018;        // data from January of this year
  int months = 72;              // months of data
  int municipalities = 3;       // GM9001, GM9002, ...
  double young_people = 5000;   // per municipality, every year
  double yearly_trend = 1.0;    // inflow factor per year
  double season_amplitude = 0;  // inflow x (1 + this x cos(2 pi (month - 1) / 12)),
                                // month 1 = January (the peak)
  double indexation = 0.03;     // yearly tariff indexation
  uint64_t seed = 7;
  std::vector<SyntheticGroup> groups = {{"ambulant", 10, 0.15, 0.5, 100000, 0.0}};
};

// One product per group ("45/<name>", unit hour, tariff 100 euro in the first year,
// indexed yearly); volume x tariff = the assignment's monthly cost. Assignments still
// running at the end of the data are open-ended.
History SyntheticHistory(const SyntheticSpec& spec);

}  // namespace jr::forecast
