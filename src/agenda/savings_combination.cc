#include "agenda/savings_combination.h"

#include <cassert>
#include <vector>

namespace jr {

double CombineOnBase(double base, std::span<const double> savings) {
  assert(base > 0);
  double untouched = 1.0;
  for (double s : savings) untouched *= 1.0 - s / base;
  return base * (1.0 - untouched);
}

std::optional<Distribution> SavingDistribution(const Measure& m, int year) {
  auto it = m.savings.find(year);
  if (it == m.savings.end()) return std::nullopt;
  const Bandwidth& b = it->second;
  return Distribution(m.distribution, b.min, b.mode, b.max);
}

double ExpectedSaving(const Measure& m, int year) {
  auto mean = [&m](int y) {
    auto d = SavingDistribution(m, y);
    return d ? d->Mean() : 0.0;
  };
  return (1 - m.p_fail - m.p_slip) * mean(year) + m.p_slip * mean(year - 1);
}

double AnalyticMeanSaving(const MeasurePortfolio& p, int year) {
  std::vector<std::vector<double>> by_base(p.bases.size());
  for (const Measure& m : p.measures) {
    by_base[p.BaseIndex(m.base)].push_back(ExpectedSaving(m, year));
  }
  double total = 0;
  for (size_t b = 0; b < p.bases.size(); ++b) {
    total += CombineOnBase(p.bases[b].amount.at(year), by_base[b]);
  }
  return total;
}

double NaiveMeanSaving(const MeasurePortfolio& p, int year) {
  double total = 0;
  for (const Measure& m : p.measures) total += ExpectedSaving(m, year);
  return total;
}

}  // namespace jr
