// Monte Carlo over the measures' savings bandwidths (DESIGN.md §2.6).
//
// Generator: every draw is the block (entity, run, year) of the savings stream under
// the seed (core/random_stream.h): entity is the measure's index, or (number of measures
// + cluster index) for a cluster's common factor. A run's numbers therefore do not depend
// on which thread computes it, nor on how many threads there are. Path: per run and year,
// each measure draws u ~ U(0,1) (with a rank correlation rho_s > 0 within a cluster: a
// Gaussian copula with one common factor per cluster, Pearson rho = 2 sin(pi rho_s / 6),
// so Spearman's rho of the draws equals rho_s) and its saving is the distribution's
// quantile of u; savings then combine per base (CombineOnBase) and add over bases.
// Accumulator: runs are grouped in fixed chunks of 1,024; each chunk's sums are added
// in chunk order, so also floating-point totals are the same for any thread count.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "agenda/measure_portfolio.h"
#include "core/money.h"
#include "core/status.h"

namespace jr {

struct SimulationOptions {
  int64_t runs = 10000;  // Monte Carlo runs (>= 1)
  uint64_t seed = 1;     // seed of the random stream
  int threads = 1;       // worker threads (>= 1); results do not depend on it
};

// Combined and naive savings in one year, in euros.
struct YearSavings {
  int year = 0;
  double mean = 0, p10 = 0, p50 = 0, p90 = 0;  // combined (overlap accounted for)
  double naive_mean = 0, naive_p10 = 0, naive_p50 = 0, naive_p90 = 0;  // plain sum
  double analytic_mean = 0;         // combined mean if the measures were independent
  std::optional<Money> target_gap;  // savings needed (portfolio's target_gap)
  std::optional<double> p_target;   // P(combined saving >= target gap)
  // Per measure (portfolio order): Cov(T, S_i) / Var(T), T the combined saving. For
  // the naive sum these add up to 1; with overlap they add up to about 1. 0 when
  // Var(T) = 0.
  std::vector<double> variance_share;
  std::vector<double> measure_mean;  // per measure: simulated mean saving
};

struct SimulationResult {
  int64_t runs = 0;
  uint64_t seed = 0;
  double pearson_correlation = 0;  // copula parameter used within clusters
  std::vector<YearSavings> years;  // portfolio years, ascending
};

// Runs the simulation. Fails (Dutch) when runs < 1 or threads < 1.
// Thread-safe: reads `p` only; uses up to options.threads threads.
Result<SimulationResult> SimulateSavings(const MeasurePortfolio& p,
                                         const SimulationOptions& options);

}  // namespace jr
