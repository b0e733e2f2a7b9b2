// Statistical baselines for the backtest (issue 14 item 6): what an analyst would try
// on a municipality's monthly cost before trusting a microsimulation.
//
// - ETS: exponential smoothing with damped additive trend and additive season
//   (period 12) on log monthly cost, the parameters chosen on a small grid by the sum
//   of squared one-step errors (Hyndman & Athanasopoulos, "Forecasting: principles and
//   practice", 8.3, ETS(A,Ad,A)).
// - Seasonal naive with drift: last year's same month times last year's growth (the
//   last 12 months' total over the 12 months before).
//
// Both take the months of history in order (oldest first, the last one the month
// before the first forecast month) and give `horizon` forecasts.
#pragma once

#include <vector>

#include "core/status.h"

namespace jr::forecast {

inline constexpr int kSeasonMonths = 12;

struct EtsParams {
  double alpha = 0.2;  // level
  double beta = 0.05;  // trend
  double gamma = 0.1;  // season
  double phi = 0.98;   // damping of the trend (1 = not damped)
};

struct EtsFit {
  EtsParams params;
  double sse = 0;                // one-step squared errors on the log scale
  std::vector<double> forecast;  // exp of the log forecast (the median if the log
                                 // errors are symmetric), `horizon` values
};

// Forecast of ETS(A,Ad,A) on log(series) with the given parameters. Needs at least 24
// months. The state starts from the first two years: trend = (mean of year 2 - mean of
// year 1) / 12, level one month before the first = mean of year 1 - 6.5 x trend,
// season = month minus that line. A month <= 0 is taken as 1% of the series' mean
// (the log of nothing is not defined; small municipalities have empty months).
Result<EtsFit> EtsForecast(const std::vector<double>& series, int horizon,
                           const EtsParams& params);

// EtsForecast with the parameters of the grid alpha {0.05, 0.1, 0.2, 0.3, 0.5, 0.8},
// beta {0.01, 0.05, 0.1, 0.2} (beta <= alpha), gamma {0.01, 0.05, 0.1, 0.3}, phi
// {0.8, 0.9, 0.95, 0.98, 1} with the least one-step squared error (the first of equals).
Result<EtsFit> FitEts(const std::vector<double>& series, int horizon);

// Seasonal naive with drift: forecast for h = 1.. is series[n - 12 + (h-1) % 12] x
// g^ceil(h/12), g = sum of the last 12 months / sum of the 12 before (1 when that is
// 0). Needs at least 24 months.
Result<std::vector<double>> SeasonalNaiveDrift(const std::vector<double>& series,
                                               int horizon);

}  // namespace jr::forecast
