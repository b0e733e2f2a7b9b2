#include "agenda/distribution.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <map>
#include <mutex>
#include <utility>

namespace jr {
namespace {

constexpr int kTableSize = 4097;
constexpr int kGrid = 1 << 15;

// PERT shape parameters (the "lambda = 4" PERT).
void PertShape(double min, double mode, double max, double& alpha, double& beta) {
  double range = max - min;
  alpha = 1 + 4 * (mode - min) / range;
  beta = 1 + 4 * (max - mode) / range;
}

// Quantiles of Beta(alpha, beta) at u = k / (kTableSize - 1), from its CDF integrated
// by the trapezoid rule on kGrid intervals. REQUIRES: alpha, beta >= 1.
std::vector<double> BetaQuantiles(double alpha, double beta) {
  std::vector<double> cdf(kGrid + 1, 0.0);
  auto pdf = [&](double x) { return std::pow(x, alpha - 1) * std::pow(1 - x, beta - 1); };
  double prev = pdf(0.0);
  for (int i = 1; i <= kGrid; ++i) {
    double f = pdf(static_cast<double>(i) / kGrid);
    cdf[i] = cdf[i - 1] + 0.5 * (prev + f) / kGrid;
    prev = f;
  }
  const double total = cdf[kGrid];
  std::vector<double> q(kTableSize);
  int j = 0;
  for (int k = 0; k < kTableSize; ++k) {
    double u = total * k / (kTableSize - 1);
    while (j < kGrid && cdf[j + 1] < u) ++j;
    if (j >= kGrid) {
      q[k] = 1.0;
      continue;
    }
    double span = cdf[j + 1] - cdf[j];
    double t = span > 0 ? (u - cdf[j]) / span : 0.0;
    q[k] = (j + std::clamp(t, 0.0, 1.0)) / kGrid;
  }
  q.front() = 0.0;
  q.back() = 1.0;
  return q;
}

// The table of a shape, computed once per process: PERT bandwidths with the mode at the
// same relative place share it (e.g. all with the mode in the middle: Beta(3, 3)).
std::shared_ptr<const std::vector<double>> SharedBetaQuantiles(double alpha,
                                                               double beta) {
  static std::mutex mu;
  static std::map<std::pair<double, double>, std::shared_ptr<const std::vector<double>>>
      cache;
  std::lock_guard<std::mutex> lock(mu);
  auto& table = cache[{alpha, beta}];
  if (table == nullptr) {
    table = std::make_shared<const std::vector<double>>(BetaQuantiles(alpha, beta));
  }
  return table;
}

}  // namespace

std::optional<DistributionKind> ParseDistributionKind(std::string_view name) {
  if (name == "uniform") return DistributionKind::kUniform;
  if (name == "driehoek" || name == "triangular") return DistributionKind::kTriangular;
  if (name == "pert") return DistributionKind::kPert;
  return std::nullopt;
}

const char* DistributionName(DistributionKind k) {
  switch (k) {
    case DistributionKind::kUniform:
      return "uniform";
    case DistributionKind::kTriangular:
      return "driehoek";
    case DistributionKind::kPert:
      return "pert";
  }
  return "";
}

Distribution::Distribution(DistributionKind kind, double min, double mode, double max)
    : kind_(kind), min_(min), mode_(mode), max_(max) {
  assert(min <= mode && mode <= max);
  if (kind_ == DistributionKind::kPert && max_ > min_) {
    double a, b;
    PertShape(min_, mode_, max_, a, b);
    table_ = SharedBetaQuantiles(a, b);
  }
}

double Distribution::Quantile(double u) const {
  const double range = max_ - min_;
  if (range <= 0) return min_;
  switch (kind_) {
    case DistributionKind::kUniform:
      return min_ + u * range;
    case DistributionKind::kTriangular: {
      double fc = (mode_ - min_) / range;
      if (u < fc) return min_ + std::sqrt(u * range * (mode_ - min_));
      return max_ - std::sqrt((1 - u) * range * (max_ - mode_));
    }
    case DistributionKind::kPert: {
      double x = u * (kTableSize - 1);
      int k = std::clamp(static_cast<int>(x), 0, kTableSize - 2);
      double t = x - k;
      const std::vector<double>& q = *table_;
      return min_ + range * (q[k] + t * (q[k + 1] - q[k]));
    }
  }
  return min_;
}

double Distribution::Mean() const {
  switch (kind_) {
    case DistributionKind::kUniform:
      return (min_ + max_) / 2;
    case DistributionKind::kTriangular:
      return (min_ + mode_ + max_) / 3;
    case DistributionKind::kPert:
      return (min_ + 4 * mode_ + max_) / 6;
  }
  return min_;
}

double Distribution::Variance() const {
  const double range = max_ - min_;
  if (range <= 0) return 0;
  switch (kind_) {
    case DistributionKind::kUniform:
      return range * range / 12;
    case DistributionKind::kTriangular:
      return (min_ * min_ + mode_ * mode_ + max_ * max_ - min_ * mode_ - min_ * max_ -
              mode_ * max_) /
             18;
    case DistributionKind::kPert: {
      double a, b;
      PertShape(min_, mode_, max_, a, b);
      return a * b / ((a + b) * (a + b) * (a + b + 1)) * range * range;
    }
  }
  return 0;
}

}  // namespace jr
