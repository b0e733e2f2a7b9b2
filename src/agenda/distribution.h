// Distribution: a bounded distribution of a measure's savings in one year, given as a
// bandwidth (min, mode, max), sampled by its quantile function so that a uniform, or
// a copula's correlated uniform, maps to a draw. Thread-safe: const after construction;
// constructing PERT distributions from several threads is safe too.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace jr {

enum class DistributionKind { kUniform, kTriangular, kPert };

// "uniform", "driehoek"/"triangular", "pert"; nullopt otherwise.
std::optional<DistributionKind> ParseDistributionKind(std::string_view name);
const char* DistributionName(DistributionKind k);

class Distribution {
 public:
  // REQUIRES: min <= mode <= max. With min == max every draw is min.
  Distribution(DistributionKind kind, double min, double mode, double max);

  // The value with P(X <= value) = u, for u in (0, 1). Uniform and triangular are
  // exact; PERT interpolates linearly in a table of 4,097 quantiles of its Beta
  // distribution (the interpolation error is noticeable only in the outer 1/4096 of
  // either tail).
  double Quantile(double u) const;
  double Mean() const;
  double Variance() const;

  DistributionKind kind() const { return kind_; }
  double min() const { return min_; }
  double mode() const { return mode_; }
  double max() const { return max_; }

 private:
  DistributionKind kind_;
  double min_, mode_, max_;
  // PERT only: quantiles of Beta(alpha, beta) on [0, 1] at u = k / (n - 1). Shared,
  // immutable, by every PERT distribution of the same shape (one table stays in cache).
  std::shared_ptr<const std::vector<double>> table_;
};

}  // namespace jr
