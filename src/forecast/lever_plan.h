// LeverPlan: levers resolved against a Calibration into per-month, per-municipality
// tables the simulation reads. An empty plan (no levers) is the baseline.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "forecast/calibration.h"
#include "forecast/lever.h"

namespace jr::forecast {

class LeverPlan {
 public:
  // The baseline: every factor 1, no overrides. REQUIRES: months >= 0.
  LeverPlan(const Calibration& c, int months);

  // Adds the levers in order. Factors of several levers multiply; a later
  // re-indication probability replaces an earlier one; residential shares combine as
  // 1 - (1 - a)(1 - b). Dutch error naming the lever and the unknown group, product or
  // municipality.
  static Result<LeverPlan> Resolve(const Calibration& c, int months,
                                   const std::vector<Lever>& levers);

  // Month m is relative to the first forecast month (0 .. months-1); months outside
  // give the baseline value.
  double Inflow(int m, int muni, Route r) const {
    return At(inflow_, m, muni, static_cast<int>(r), kRoutes);
  }
  double Duration(int m, int muni, int g) const {
    return At(duration_, m, muni, g, groups_);
  }
  double Volume(int m, int muni, int g) const { return At(volume_, m, muni, g, groups_); }
  double Tariff(int m, int muni, int g) const { return At(tariff_, m, muni, g, groups_); }
  // Re-indication probability override, or < 0 for the calibrated one.
  double Reindication(int m, int muni, int g) const {
    return In(m) ? reindication_[Index(m, muni, g, groups_)] : -1.0;
  }
  bool Removed(int m, int muni, int product) const {
    return In(m) && removed_[Index(m, muni, product, products_)] != 0;
  }
  double ResidentialShift(int m, int muni) const {
    return In(m) ? shift_[m * munis_ + muni] : 0;
  }
  // Capacity levers (capacity.h) in month m and municipality muni.
  bool NeeTenzij(int m, int muni) const {
    return In(m) && nee_tenzij_[m * munis_ + muni];
  }
  bool TeamBudgets(int m, int muni) const {
    return In(m) && team_budgets_[m * munis_ + muni];
  }
  // Review amount in cents (< 0: no extra review) and the refused share (< 0: the
  // committee's observed share).
  double ReviewAbove(int m, int muni) const {
    return In(m) ? review_above_[m * munis_ + muni] : -1.0;
  }
  double ReviewRefused(int m, int muni) const {
    return In(m) ? review_refused_[m * munis_ + muni] : -1.0;
  }
  int residential_group() const { return residential_; }
  int outpatient_group() const { return outpatient_; }
  bool empty() const { return empty_; }

 private:
  static constexpr int kRoutes = kRouteCount;
  bool In(int m) const { return m >= 0 && m < months_; }
  size_t Index(int m, int muni, int k, int width) const {
    return (static_cast<size_t>(m) * munis_ + muni) * width + k;
  }
  double At(const std::vector<double>& v, int m, int muni, int k, int width) const {
    return In(m) ? v[Index(m, muni, k, width)] : 1.0;
  }

  int months_ = 0, munis_ = 0, groups_ = 0, products_ = 0;
  std::vector<double> inflow_, duration_, volume_, tariff_, reindication_, shift_;
  std::vector<uint8_t> removed_;
  std::vector<uint8_t> nee_tenzij_, team_budgets_;  // [m][muni]
  std::vector<double> review_above_, review_refused_;
  int residential_ = -1, outpatient_ = -1;
  bool empty_ = true;
};

}  // namespace jr::forecast
