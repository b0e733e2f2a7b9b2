// ForecastSummary: the accumulation step — mean and quantiles over the replications
// of a SimulationResult, per month or year, per municipality (or the region) and per
// product group (or all groups). Aggregates are summed within each replication before
// the quantiles are taken, so a region P90 is the P90 of region totals.
#pragma once

#include <string>
#include <vector>

#include "forecast/calibration.h"
#include "forecast/simulation.h"

namespace jr::forecast {

inline constexpr const char* kRegion =
    "REGIO";  // municipality of region rows (as settle)

struct Distribution {
  double mean = 0;
  double p10 = 0;
  double p50 = 0;
  double p90 = 0;
};

// Mean and P10/P50/P90 (linear interpolation between order statistics) of `values`.
// Reorders `values`. REQUIRES: !values.empty().
Distribution Summarise(std::vector<double>& values);

struct SummaryRow {
  int period = 0;            // MonthIndex (monthly) or year (yearly)
  int months = 0;            // months of the horizon in the period
  std::string municipality;  // CBS code, or kRegion
  std::string group;         // product group, or kAllGroups
  Distribution cost;         // cents
  Distribution active;       // assignments active (yearly: mean per month)
  Distribution started;      // new assignments (incl. re-indications)
};

enum class Period { kMonth, kYear };

// Rows ordered by period, municipality (codes, then the region) and group (names,
// then all groups).
std::vector<SummaryRow> Summarize(const Calibration& c, const SimulationResult& r,
                                  Period p);

// The effect of levers: per replication `with` minus `baseline` (same seed), then the
// distribution, for the same rows as Summarize. REQUIRES: same shape.
std::vector<SummaryRow> Difference(const Calibration& c, const SimulationResult& with,
                                   const SimulationResult& baseline, Period p);

}  // namespace jr::forecast
