#include "forecast/backtest.h"

#include <gtest/gtest.h>

#include "forecast/forecast_summary.h"
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
