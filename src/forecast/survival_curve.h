// SurvivalCurve: the distribution of an assignment's duration in whole months,
// estimated with Kaplan-Meier from completed and still-running (right-censored)
// assignments, and sampled by inversion.
//
// Duration counts calendar months: an assignment active in months s..s+d-1 lasts d
// months (d >= 1). Beyond the last month with enough observations at risk the curve
// continues with a constant monthly hazard (the tail), so every duration is finite.
// A plain value; thread-compatible, and its const members are thread-safe.
#pragma once

#include <vector>

namespace jr::forecast {

// One observed duration: `months` >= 1 when `ended`; when censored, the assignment
// was still running after `months` >= 0 observed months (its duration is > months).
struct DurationObservation {
  int months = 0;
  bool ended = false;
};

struct SurvivalOptions {
  int max_months = 240;  // the curve is tabulated up to here, the tail beyond
  int min_at_risk = 20;  // months with fewer at risk are pooled into the tail hazard
  double min_tail_hazard = 1.0 / 120;  // floor of the tail hazard (mean tail <= 10 years)
};

class SurvivalCurve {
 public:
  SurvivalCurve() = default;
  // Kaplan-Meier estimate. With no observations the curve is a constant hazard of
  // `options.min_tail_hazard`.
  static SurvivalCurve Estimate(const std::vector<DurationObservation>& observations,
                                const SurvivalOptions& options = {});
  // A curve with a constant monthly hazard (geometric durations); for tests and
  // synthetic data. REQUIRES: 0 < hazard <= 1.
  static SurvivalCurve Geometric(double hazard, int max_months = 240);

  // P(duration > months). Survival(0) = 1.
  double Survival(int months) const;
  // Mean duration in months (area under the curve, tail included).
  double MeanMonths() const;
  // Smallest d with Survival(d) <= 0.5.
  int MedianMonths() const;
  double tail_hazard() const { return tail_hazard_; }

  // The duration d >= 1 with Survival(d) <= u < Survival(d - 1), for u in (0, 1):
  // monotone (a larger u gives a shorter or equal duration).
  int Sample(double u) const;
  // As Sample, conditional on duration > `age` (an assignment already running for
  // `age` months): d > age with Survival(d) <= u * Survival(age).
  int SampleGiven(int age, double u) const;

 private:
  static constexpr int kGuideSize = 256;
  // Fills guide_ from survival_ (called by the factories).
  void BuildGuide();

  // survival_[k] = P(duration > k), k = 0..size-1, survival_[0] = 1.
  std::vector<double> survival_{1.0};
  double tail_hazard_ = 1.0 / 120;
  // Guide table for sampling: guide_[j] = first k >= 1 with survival_[k] <= (j + 1) /
  // kGuideSize (size() when none), so a search for a target in bucket j starts there
  // and scans a few entries. Empty: plain binary search.
  std::vector<int> guide_;
};

}  // namespace jr::forecast
