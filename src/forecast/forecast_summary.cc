#include "forecast/forecast_summary.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "forecast/lever.h"

namespace jr::forecast {
namespace {

// Per replication totals of one measure per (period, municipality + region, group + all).
class Cube {
 public:
  Cube(const SimulationResult& r, Period p)
      : runs_(r.runs), munis_(r.municipalities + 1), groups_(r.groups + 1) {
    for (int m = 0; m < r.months; ++m) {
      int period = p == Period::kMonth ? r.start_month + m : (r.start_month + m) / 12;
      if (periods_.empty() || periods_.back() != period) {
        periods_.push_back(period);
        months_.push_back(0);
      }
      months_.back() += 1;
      period_of_.push_back(static_cast<int>(periods_.size()) - 1);
    }
    values_.assign(static_cast<size_t>(runs_) * periods_.size() * munis_ * groups_, 0.0);
  }

  // Adds `get(index)` of every cell of `r`, divided by `per` months when averaging.
  template <typename Get>
  void Fill(const SimulationResult& r, Get get, bool average, double sign = 1.0) {
    for (int run = 0; run < r.runs; ++run) {
      for (int m = 0; m < r.months; ++m) {
        int pi = period_of_[m];
        double scale = sign / (average ? months_[pi] : 1);
        for (int mu = 0; mu < r.municipalities; ++mu) {
          for (int g = 0; g < r.groups; ++g) {
            double v = get(r.Index(run, m, mu, g)) * scale;
            At(run, pi, mu, g) += v;
            At(run, pi, mu, groups_ - 1) += v;
            At(run, pi, munis_ - 1, g) += v;
            At(run, pi, munis_ - 1, groups_ - 1) += v;
          }
        }
      }
    }
  }

  Distribution Of(int period, int muni, int group) const {
    std::vector<double> v(runs_);
    for (int run = 0; run < runs_; ++run)
      v[run] = values_[Index(run, period, muni, group)];
    return Summarise(v);
  }

  const std::vector<int>& periods() const { return periods_; }
  const std::vector<int>& months() const { return months_; }

 private:
  size_t Index(int run, int period, int muni, int group) const {
    return ((static_cast<size_t>(run) * periods_.size() + period) * munis_ + muni) *
               groups_ +
           group;
  }
  double& At(int run, int period, int muni, int group) {
    return values_[Index(run, period, muni, group)];
  }

  int runs_, munis_, groups_;
  std::vector<int> periods_, months_, period_of_;
  std::vector<double> values_;
};

std::vector<SummaryRow> Rows(const Calibration& c, const SimulationResult& a,
                             const SimulationResult* baseline, Period p) {
  Cube cost(a, p), active(a, p), started(a, p);
  auto fill = [&](const SimulationResult& r, double sign) {
    cost.Fill(
        r, [&](size_t i) { return r.cost[i]; }, false, sign);
    active.Fill(
        r, [&](size_t i) { return static_cast<double>(r.active[i]); }, p == Period::kYear,
        sign);
    started.Fill(
        r, [&](size_t i) { return static_cast<double>(r.started[i]); }, false, sign);
  };
  fill(a, 1.0);
  if (baseline) fill(*baseline, -1.0);
  std::vector<SummaryRow> rows;
  const int munis = a.municipalities, groups = a.groups;
  for (size_t pi = 0; pi < cost.periods().size(); ++pi) {
    for (int mu = 0; mu <= munis; ++mu) {
      for (int g = 0; g <= groups; ++g) {
        SummaryRow row;
        row.period = cost.periods()[pi];
        row.months = cost.months()[pi];
        row.municipality = mu < munis ? c.municipalities[mu] : kRegion;
        row.group = g < groups ? c.groups[g].name : kAllGroups;
        row.cost = cost.Of(static_cast<int>(pi), mu, g);
        row.active = active.Of(static_cast<int>(pi), mu, g);
        row.started = started.Of(static_cast<int>(pi), mu, g);
        rows.push_back(std::move(row));
      }
    }
  }
  return rows;
}

double Quantile(const std::vector<double>& sorted, double q) {
  double pos = q * (sorted.size() - 1);
  size_t lo = static_cast<size_t>(std::floor(pos));
  size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

}  // namespace

Distribution Summarise(std::vector<double>& values) {
  std::sort(values.begin(), values.end());
  Distribution d;
  d.mean = std::accumulate(values.begin(), values.end(), 0.0) / values.size();
  d.p10 = Quantile(values, 0.1);
  d.p50 = Quantile(values, 0.5);
  d.p90 = Quantile(values, 0.9);
  return d;
}

std::vector<SummaryRow> Summarize(const Calibration& c, const SimulationResult& r,
                                  Period p) {
  return Rows(c, r, nullptr, p);
}

std::vector<SummaryRow> Difference(const Calibration& c, const SimulationResult& with,
                                   const SimulationResult& baseline, Period p) {
  return Rows(c, with, &baseline, p);
}

}  // namespace jr::forecast
