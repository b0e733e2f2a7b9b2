#include "forecast/baselines.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace jr::forecast {
namespace {

constexpr int kMinMonths = 2 * kSeasonMonths;

Status TooShort(size_t n) {
  return Status::Error("te weinig maanden voor de basislijn: " + std::to_string(n) +
                       ", minstens " + std::to_string(kMinMonths) + " nodig");
}

double Mean(const std::vector<double>& v, size_t from, size_t count) {
  return std::accumulate(v.begin() + from, v.begin() + from + count, 0.0) / count;
}

}  // namespace

Result<EtsFit> EtsForecast(const std::vector<double>& series, int horizon,
                           const EtsParams& p) {
  const size_t n = series.size();
  if (n < kMinMonths) return TooShort(n);
  const double mean = Mean(series, 0, n);
  const double floor = mean > 0 ? 0.01 * mean : 1.0;
  std::vector<double> y(n);
  for (size_t t = 0; t < n; ++t) y[t] = std::log(std::max(series[t], floor));

  const int m = kSeasonMonths;
  const double y1 = Mean(y, 0, m), y2 = Mean(y, m, m);
  double trend = (y2 - y1) / m;
  double level = y1 - 6.5 * trend;  // level at t = -1: the line's value there
  // season[t % m] holds s_{t-m} when month t is processed.
  std::vector<double> season(m);
  for (int j = 0; j < m; ++j) season[j] = y[j] - (level + (j + 1) * trend);

  EtsFit fit;
  fit.params = p;
  for (size_t t = 0; t < n; ++t) {
    double& s = season[t % m];
    const double predicted_level = level + p.phi * trend;
    const double error = y[t] - (predicted_level + s);
    fit.sse += error * error;
    const double new_level = p.alpha * (y[t] - s) + (1 - p.alpha) * predicted_level;
    trend = p.beta * (new_level - level) + (1 - p.beta) * p.phi * trend;
    s = p.gamma * (y[t] - predicted_level) + (1 - p.gamma) * s;
    level = new_level;
  }
  fit.forecast.reserve(horizon);
  double damped = 0, power = 1;
  for (int h = 1; h <= horizon; ++h) {
    power *= p.phi;
    damped += power;
    fit.forecast.push_back(std::exp(level + damped * trend + season[(n + h - 1) % m]));
  }
  return fit;
}

Result<EtsFit> FitEts(const std::vector<double>& series, int horizon) {
  if (series.size() < kMinMonths) return TooShort(series.size());
  EtsFit best;
  bool first = true;
  for (double alpha : {0.05, 0.1, 0.2, 0.3, 0.5, 0.8}) {
    for (double beta : {0.01, 0.05, 0.1, 0.2}) {
      if (beta > alpha) continue;
      for (double gamma : {0.01, 0.05, 0.1, 0.3}) {
        for (double phi : {0.8, 0.9, 0.95, 0.98, 1.0}) {
          // Only the error is needed while searching: forecast no months.
          auto fit = EtsForecast(series, 0, {alpha, beta, gamma, phi});
          if (!fit.ok()) return fit.status();
          if (first || fit->sse < best.sse) {
            best = std::move(fit).value();
            first = false;
          }
        }
      }
    }
  }
  return EtsForecast(series, horizon, best.params);
}

Result<std::vector<double>> SeasonalNaiveDrift(const std::vector<double>& series,
                                               int horizon) {
  const size_t n = series.size();
  if (n < kMinMonths) return TooShort(n);
  const double last = Mean(series, n - kSeasonMonths, kSeasonMonths);
  const double before = Mean(series, n - 2 * kSeasonMonths, kSeasonMonths);
  const double growth = before > 0 ? last / before : 1.0;
  std::vector<double> out;
  out.reserve(horizon);
  for (int h = 1; h <= horizon; ++h) {
    const int years = (h + kSeasonMonths - 1) / kSeasonMonths;
    out.push_back(series[n - kSeasonMonths + (h - 1) % kSeasonMonths] *
                  std::pow(growth, years));
  }
  return out;
}

}  // namespace jr::forecast
