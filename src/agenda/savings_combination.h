// How savings of measures combine (DESIGN.md §2.6): measures on the same base overlap,
// measures on different bases add.
#pragma once

#include <span>

#include "agenda/measure_portfolio.h"

namespace jr {

// Combined saving of measures on one base: base x (1 - prod(1 - s_i / base)).
// Each measure takes its share of what the others left over, so the result never
// exceeds the base and is at most the naive sum of the s_i.
// REQUIRES: base > 0 and 0 <= s_i <= base.
double CombineOnBase(double base, std::span<const double> savings);

// The expected combined saving of the portfolio in `year` when the measures are
// independent: sum over bases of base x (1 - prod(1 - E[s_i] / base)) (the expectation
// of a product of independent factors is the product of their expectations), E[s_i]
// as ExpectedSaving (failing and slipping included).
double AnalyticMeanSaving(const MeasurePortfolio& p, int year);
// The naive expectation: the sum of the measures' expected savings (ExpectedSaving).
double NaiveMeanSaving(const MeasurePortfolio& p, int year);

// The distribution of measure `m`'s saving in `year` when it delivers on time, or
// nullopt when it saves nothing that year.
std::optional<Distribution> SavingDistribution(const Measure& m, int year);
// The expected saving of `m` in `year` with its chances of failing and slipping:
// (1 - p_fail - p_slip) x E[s_year] + p_slip x E[s_{year-1}].
double ExpectedSaving(const Measure& m, int year);

}  // namespace jr
