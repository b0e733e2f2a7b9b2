#include "forecast/survival_curve.h"

#include <algorithm>
#include <cmath>

namespace jr::forecast {

SurvivalCurve SurvivalCurve::Estimate(
    const std::vector<DurationObservation>& observations,
    const SurvivalOptions& options) {
  const int k_max = options.max_months;
  // ended[k]: durations ending at k; censored[k]: still running after k months.
  std::vector<double> ended(k_max + 2, 0), censored(k_max + 2, 0);
  for (const DurationObservation& o : observations) {
    int k = std::clamp(o.months, 0, k_max + 1);
    if (o.ended && o.months >= 1) {
      ended[k] += 1;
    } else if (!o.ended) {
      censored[k] += 1;
    }
  }
  // at_risk(k) = number with duration >= k that were observed for k months: events
  // at >= k plus censored at >= k (censored at c means known to exceed c).
  std::vector<double> at_risk(k_max + 3, 0);
  for (int k = k_max + 1; k >= 1; --k)
    at_risk[k] = at_risk[k + 1] + ended[k] + censored[k];

  SurvivalCurve curve;
  curve.survival_.assign(1, 1.0);
  int k = 1;
  for (; k <= k_max && at_risk[k] >= options.min_at_risk; ++k) {
    double h = ended[k] / at_risk[k];
    curve.survival_.push_back(curve.survival_.back() * (1 - h));
  }
  // Tail: pooled hazard over the months with few at risk (events / exposure months).
  double events = 0, exposure = 0;
  for (int j = k; j <= k_max + 1; ++j) {
    events += ended[j];
    exposure += at_risk[j];
  }
  double tail = exposure > 0 ? events / exposure : 0;
  curve.tail_hazard_ = std::clamp(tail, options.min_tail_hazard, 1.0);
  curve.BuildGuide();
  return curve;
}

SurvivalCurve SurvivalCurve::Geometric(double hazard, int max_months) {
  SurvivalCurve curve;
  curve.survival_.assign(1, 1.0);
  for (int k = 1; k <= max_months; ++k)
    curve.survival_.push_back(std::pow(1 - hazard, k));
  curve.tail_hazard_ = hazard;
  curve.BuildGuide();
  return curve;
}

void SurvivalCurve::BuildGuide() {
  guide_.assign(kGuideSize, 0);
  int k = 1;
  const int size = static_cast<int>(survival_.size());
  for (int j = kGuideSize - 1; j >= 0; --j) {  // bounds fall, so k rises
    const double bound = static_cast<double>(j + 1) / kGuideSize;
    while (k < size && survival_[k] > bound) ++k;
    guide_[j] = k;
  }
}

double SurvivalCurve::Survival(int months) const {
  if (months <= 0) return 1.0;
  int last = static_cast<int>(survival_.size()) - 1;
  if (months <= last) return survival_[months];
  return survival_[last] * std::pow(1 - tail_hazard_, months - last);
}

double SurvivalCurve::MeanMonths() const {
  double mean = 0;
  for (double s : survival_) mean += s;  // sum over k = 0..last of P(D > k)
  // Tail: sum over k > last of S(last) (1-h)^(k-last) = S(last) (1-h) / h.
  mean += survival_.back() * (1 - tail_hazard_) / tail_hazard_;
  return mean;
}

int SurvivalCurve::MedianMonths() const { return Sample(0.5); }

int SurvivalCurve::Sample(double u) const { return SampleGiven(0, u); }

int SurvivalCurve::SampleGiven(int age, double u) const {
  age = std::max(age, 0);
  double target = u * Survival(age);
  int last = static_cast<int>(survival_.size()) - 1;
  if (age < last && survival_[last] <= target) {
    // survival_ is non-increasing: first index > age with survival_ <= target.
    if (!guide_.empty()) {
      int j = std::min(kGuideSize - 1, static_cast<int>(target * kGuideSize));
      int k = std::max(guide_[j], age + 1);
      while (survival_[k] > target) ++k;  // ends: survival_[last] <= target
      return k;
    }
    auto it = std::lower_bound(survival_.begin() + age + 1, survival_.end(), target,
                               [](double s, double t) { return s > t; });
    return static_cast<int>(it - survival_.begin());
  }
  // In the tail: S(last + j) = S(last) q^j <= target.
  int from = std::max(age, last);
  double s_from = Survival(from);
  if (tail_hazard_ >= 1.0) return from + 1;
  double q = 1 - tail_hazard_;
  int j = static_cast<int>(std::ceil(std::log(target / s_from) / std::log(q)));
  return from + std::max(j, 1);
}

}  // namespace jr::forecast
