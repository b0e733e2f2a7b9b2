#include "forecast/baselines.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace jr::forecast {
namespace {

// A season that sums to zero over the year (log scale).
constexpr double kSeason[12] = {0.10,  0.05,  0.02, -0.03, -0.06, -0.12,
                                -0.20, -0.10, 0.04, 0.08,  0.07,  0.15};

// log y_t = level + trend t + season(t mod 12), months 0 .. n-1 (no noise).
double LogValue(double level, double trend, int t) {
  return level + trend * t + kSeason[t % 12];
}

std::vector<double> Series(double level, double trend, int n) {
  std::vector<double> y;
  for (int t = 0; t < n; ++t) y.push_back(std::exp(LogValue(level, trend, t)));
  return y;
}

// Without noise and with phi = 1 the start state (trend from the first two years'
// means, level and season from the line through them) is the true state, every
// one-step error is 0, and the forecast is the series continued exactly, whatever
// alpha, beta and gamma are. The grid holds phi = 1, and any phi < 1 leaves an error of
// (1 - phi) x trend in some months, so the fit picks phi = 1. The tolerance (1e-9 on
// the log scale) is rounding over 48 months of updates.
TEST(BaselinesTest, EtsRecoversLevelTrendAndSeason) {
  const double level = std::log(250000.0), trend = 0.006;  // ~7.5% a year
  std::vector<double> y = Series(level, trend, 48);
  auto fit = FitEts(y, 18);
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  EXPECT_EQ(fit->params.phi, 1.0);
  EXPECT_LT(fit->sse, 1e-18);
  ASSERT_EQ(fit->forecast.size(), 18u);
  for (int h = 1; h <= 18; ++h) {
    EXPECT_NEAR(std::log(fit->forecast[h - 1]), LogValue(level, trend, 47 + h), 1e-9)
        << "h=" << h;
  }
}

// A flat series with season: the trend starts and stays 0, so any phi fits it exactly.
TEST(BaselinesTest, EtsWithGivenParametersKeepsAFlatSeason) {
  std::vector<double> y = Series(std::log(1000.0), 0, 36);
  auto fit = EtsForecast(y, 12, {0.3, 0.1, 0.1, 0.9});
  ASSERT_TRUE(fit.ok());
  EXPECT_LT(fit->sse, 1e-18);
  for (int h = 1; h <= 12; ++h) {
    EXPECT_NEAR(fit->forecast[h - 1], std::exp(std::log(1000.0) + kSeason[(35 + h) % 12]),
                1e-6);
  }
}

TEST(BaselinesTest, EtsTakesEmptyMonthsAsOnePercentOfTheMean) {
  std::vector<double> y(24, 100.0);
  y[5] = 0;  // mean 2395 / 24; the log of 0 is not defined
  auto fit = FitEts(y, 3);
  ASSERT_TRUE(fit.ok());
  for (double f : fit->forecast) EXPECT_TRUE(std::isfinite(f) && f > 0) << f;
}

// Last year 120 per month except March (240), the year before 100 per month except
// March (200): totals 1560 and 1300, growth 1.2. Month h of the next year is last
// year's month times 1.2: 144, 144, 288, ...; the year after times 1.44.
TEST(BaselinesTest, SeasonalNaiveWithDriftByHand) {
  std::vector<double> y(24, 100.0);
  y[2] = 200;
  for (int t = 12; t < 24; ++t) y[t] = 120;
  y[14] = 240;
  auto f = SeasonalNaiveDrift(y, 15);
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->size(), 15u);
  EXPECT_NEAR((*f)[0], 144, 1e-9);
  EXPECT_NEAR((*f)[1], 144, 1e-9);
  EXPECT_NEAR((*f)[2], 288, 1e-9);
  EXPECT_NEAR((*f)[11], 144, 1e-9);
  EXPECT_NEAR((*f)[12], 172.8, 1e-9);  // 120 x 1.44
  EXPECT_NEAR((*f)[14], 345.6, 1e-9);  // 240 x 1.44
}

TEST(BaselinesTest, SeasonalNaiveWithDriftWithoutThePreviousYearHasNoGrowth) {
  std::vector<double> y(24, 0.0);
  for (int t = 12; t < 24; ++t) y[t] = 50;
  auto f = SeasonalNaiveDrift(y, 2);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ((*f)[0], 50);
}

TEST(BaselinesTest, BaselinesNeedTwoYears) {
  std::vector<double> y(23, 1.0);
  EXPECT_FALSE(FitEts(y, 1).ok());
  auto d = SeasonalNaiveDrift(y, 1);
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("24"), std::string::npos);
}

}  // namespace
}  // namespace jr::forecast
