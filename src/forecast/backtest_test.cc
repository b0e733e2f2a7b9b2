#include "forecast/backtest.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "forecast/forecast_summary.h"
#include "forecast/history_loader.h"
#include "forecast/synthetic_history.h"

namespace jr::forecast {
namespace {

SyntheticSpec GrowingRegion() {
  SyntheticSpec spec;
  spec.municipalities = 5;
  spec.months = 84;
  spec.yearly_trend = 1.08;
  spec.groups = {{"ambulant", 25, 0.15, 0.6, 90000, 0.5},
                 {"verblijf", 3, 0.06, 0.3, 600000, 0.3},
                 {"ggz", 8, 0.1, 0.5, 150000, 0.4}};
  return spec;
}

TEST(BacktestTest, ModelDataIsForecastBetterThanNaiveWithCalibratedBands) {
  History h = SyntheticHistory(GrowingRegion());
  using namespace std::chrono;
  BacktestOptions o;
  o.runs = 200;
  auto r = Backtest(h, 2023y / 1 / 1, o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->start_month, 2023 * 12);
  ASSERT_EQ(r->rows.size(), 6u);
  EXPECT_EQ(r->rows.back().municipality, kRegion);
  // Totals of the region row are the sums of the municipalities.
  Money actual;
  for (size_t i = 0; i + 1 < r->rows.size(); ++i) actual += r->rows[i].actual;
  EXPECT_EQ(actual, r->rows.back().actual);
  // On data from the model itself, with growth, the forecast beats last year.
  EXPECT_LT(r->wape_forecast, r->wape_naive);
  EXPECT_LT(std::abs(r->error_year_forecast), std::abs(r->error_year_naive));
  // The nominal 80% band covers most, not all, municipality-months.
  EXPECT_GE(r->coverage_p10_p90, 0.6);
  EXPECT_LE(r->coverage_p10_p90, 0.97);
  EXPECT_GT(r->entity_months, 0);
  // The baselines are there and add up (each row rounded to the cent: at most half a
  // cent off per municipality).
  Money ets, drift;
  for (size_t i = 0; i + 1 < r->rows.size(); ++i) {
    ets += r->rows[i].ets;
    drift += r->rows[i].seasonal_drift;
  }
  EXPECT_LE(std::abs(ets.cents() - r->rows.back().ets.cents()), 3);
  EXPECT_LE(std::abs(drift.cents() - r->rows.back().seasonal_drift.cents()), 3);
  EXPECT_GT(r->wape_ets, 0);
  EXPECT_LT(r->wape_ets, 0.5);
  EXPECT_GT(r->wape_seasonal_drift, 0);
  EXPECT_LT(r->wape_seasonal_drift, 0.5);
  EXPECT_EQ(r->data_end_month, 2024 * 12 + 11);  // 84 months from January 2018
}

// Issue 14's accuracy target on two small synthetic regions with other dynamics than
// the demo, 12 months ahead at every cut-off from 2021-12 to 2024-06 (first months
// 2022-01 to 2024-07) every half year: WAPE below all three other methods at every
// cut-off, and the P10-P90 band covering 70-90% of municipality-months on average over
// the six cut-offs. At a single cut-off the test allows 65-95%: a coverage over 144
// municipality-months that share one year's shocks is itself uncertain by about +-6
// points, and the region with the strong season measures 69% and 94% at two of its
// cut-offs (docs/forecast.md, "Accuracy"). The figures are printed (the table in
// README.md and docs/forecast.md).
struct AccuracyRegion {
  const char* name;
  SyntheticSpec spec;
};

std::vector<AccuracyRegion> AccuracyRegions() {
  // Growing 8% a year, mild season, durations with a long tail (Weibull shape 0.7).
  // Twelve municipalities (144 municipality-months a cut-off, so the coverage is
  // measured to a few points), data from 2015 so the caseload is settled by 2022.
  SyntheticSpec growth;
  growth.first_year = 2015;
  growth.municipalities = 12;
  growth.months = 126;  // 2015-01 .. 2025-06
  growth.yearly_trend = 1.08;
  growth.season_amplitude = 0.1;
  growth.seed = 11;
  growth.groups = {{"ambulant", 7, 0.12, 0.6, 90000, 0.5, 0.7},
                   {"ggz", 2, 0.08, 0.5, 150000, 0.4, 0.7},
                   {"verblijf", 0.7, 0.05, 0.3, 600000, 0.3, 0.7}};
  // Shrinking 3% a year, strong season, durations bunched around the mean (shape 2).
  SyntheticSpec shrink = growth;
  shrink.yearly_trend = 0.97;
  shrink.season_amplitude = 0.35;
  shrink.seed = 12;
  for (SyntheticGroup& g : shrink.groups) g.duration_shape = 2.0;
  return {{"groei 8%, lange staart", growth}, {"krimp 3%, sterk seizoen", shrink}};
}

TEST(BacktestTest, AccuracyTargetOnSyntheticRegionsWithOtherDynamics) {
  using namespace std::chrono;
  const std::vector<Date> cutoffs = {2022y / 1 / 1, 2022y / 7 / 1, 2023y / 1 / 1,
                                     2023y / 7 / 1, 2024y / 1 / 1, 2024y / 7 / 1};
  for (const AccuracyRegion& region : AccuracyRegions()) {
    History h = SyntheticHistory(region.spec);
    BacktestOptions o;
    o.runs = 200;
    o.threads = 2;
    double coverage = 0;  // mean over the cut-offs
    for (Date cutoff : cutoffs) {
      auto r = Backtest(h, cutoff, o);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      std::printf(
          "%s | %s | WAPE %.1f%% naief %.1f%% ETS %.1f%% seizoen+drift %.1f%% | "
          "P10-P90 %.0f%% | jaarfout %.1f%%\n",
          region.name, FormatDate(cutoff).c_str(), 100 * r->wape_forecast,
          100 * r->wape_naive, 100 * r->wape_ets, 100 * r->wape_seasonal_drift,
          100 * r->coverage_p10_p90, 100 * r->error_year_forecast);
      EXPECT_LT(r->wape_forecast, r->wape_naive)
          << region.name << " " << FormatDate(cutoff);
      EXPECT_LT(r->wape_forecast, r->wape_ets)
          << region.name << " " << FormatDate(cutoff);
      EXPECT_LT(r->wape_forecast, r->wape_seasonal_drift)
          << region.name << " " << FormatDate(cutoff);
      EXPECT_GE(r->coverage_p10_p90, 0.65) << region.name << " " << FormatDate(cutoff);
      EXPECT_LE(r->coverage_p10_p90, 0.95) << region.name << " " << FormatDate(cutoff);
      coverage += r->coverage_p10_p90 / cutoffs.size();
    }
    EXPECT_GE(coverage, 0.70) << region.name;
    EXPECT_LE(coverage, 0.90) << region.name;
  }
}

// The data run from 2018-01 to 2024-12: 12 months from 2024-01 end in the last month,
// from 2024-02 they run one month past it.
TEST(BacktestTest, RefusesAHorizonPastTheLastCompleteMonth) {
  History h = SyntheticHistory(GrowingRegion());
  using namespace std::chrono;
  BacktestOptions o;
  o.runs = 5;
  EXPECT_TRUE(Backtest(h, 2024y / 1 / 1, o).ok());
  auto r = Backtest(h, 2024y / 2 / 1, o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("2025-01"), std::string::npos)
      << r.status().message();
  EXPECT_NE(
      r.status().message().find("laatste volledige maand met declaraties is 2024-12"),
      std::string::npos)
      << r.status().message();
}

// A last month with less than half the cost of the three before is still coming in.
TEST(BacktestTest, LastCompleteMonthSkipsAPartlyDeclaredLastMonth) {
  History h;
  h.assignments.resize(1);
  for (int m = 100; m < 110; ++m) h.months.push_back({0, m, 1000, 100});
  EXPECT_EQ(LastCompleteMonth(h), 109);
  h.months.push_back({0, 110, 499, 50});  // 499 < 0.5 x 1000
  EXPECT_EQ(LastCompleteMonth(h), 109);
  h.months.back().cost_cents = 500;
  EXPECT_EQ(LastCompleteMonth(h), 110);
  EXPECT_EQ(LastCompleteMonth(History{}), -1);
}

TEST(BacktestTest, FailsWithoutDataAfterTheCutoff) {
  History h = SyntheticHistory(GrowingRegion());
  using namespace std::chrono;
  auto r = Backtest(h, 2026y / 1 / 1);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("peildatum"), std::string::npos);
}

}  // namespace
}  // namespace jr::forecast
