#include "forecast/forecast_run.h"

#include <gtest/gtest.h>

#include "forecast/synthetic_history.h"

namespace jr::forecast {
namespace {

// Six years of synthetic history (2018-2023), forecast from January 2024.
Calibration Calibrated() {
  auto c = Calibrate(SyntheticHistory({}), Date{std::chrono::year(2024) / 1 / 1});
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return std::move(c).value();
}

ForecastOptions Options() {
  ForecastOptions o;
  o.months = 24;
  o.runs = 40;
  o.seed = 3;
  return o;
}

// A lever that halves every tariff from January 2025: it changes costs, not the
// caseload.
Lever HalfTariffFrom2025() {
  Lever l;
  l.name = "halve tarieven";
  l.start_month = 2025 * 12;
  l.tariff_change = {{kAllGroups, -0.5}};
  return l;
}

const SummaryRow& RegionYear(const std::vector<SummaryRow>& rows, int year) {
  for (const SummaryRow& r : rows) {
    if (r.period == year && r.municipality == kRegion && r.group == kAllGroups) return r;
  }
  ADD_FAILURE() << "no region row for " << year;
  return rows.front();
}

TEST(ForecastRun, BaselineHasNoEffectAndYearsAddUpTheMonths) {
  auto f = forecast::Run(Calibrated(), Options());
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_TRUE(f->effect.empty());
  EXPECT_GT(f->entity_months, 0);
  EXPECT_EQ(f->calibration.start_month, 2024 * 12);
  // Means are linear: a year's mean cost is the sum of its months' mean costs.
  for (int year : {2024, 2025}) {
    double months = 0;
    for (const SummaryRow& r : f->monthly) {
      if (r.period / 12 == year && r.municipality == kRegion && r.group == kAllGroups) {
        months += r.cost.mean;
      }
    }
    EXPECT_NEAR(RegionYear(f->yearly, year).cost.mean, months, 1e-6 * months) << year;
  }
}

TEST(ForecastRun, LeversShareTheBaselinesRandomNumbers) {
  const Calibration c = Calibrated();
  auto base = forecast::Run(c, Options());
  ForecastOptions o = Options();
  o.levers = {HalfTariffFrom2025()};
  auto with = forecast::Run(c, o);
  ASSERT_TRUE(base.ok() && with.ok());
  // The same caseload is simulated twice: once without, once with the lever.
  EXPECT_EQ(with->entity_months, 2 * base->entity_months);
  // Nothing changes before the lever starts; from then on costs are half.
  const double first = RegionYear(base->yearly, 2024).cost.mean;
  EXPECT_EQ(RegionYear(with->yearly, 2024).cost.mean, first);
  EXPECT_NEAR(RegionYear(with->effect, 2024).cost.mean, 0, 1e-9 * first);
  const double before = RegionYear(base->yearly, 2025).cost.mean;
  EXPECT_NEAR(RegionYear(with->yearly, 2025).cost.mean, before / 2, 1e-6 * before);
  EXPECT_NEAR(RegionYear(with->effect, 2025).cost.mean, -before / 2, 1e-6 * before);
}

TEST(ForecastRun, SameResultForAnyThreadCount) {
  const Calibration c = Calibrated();
  ForecastOptions one = Options();
  ForecastOptions three = Options();
  three.threads = 3;
  auto a = forecast::Run(c, one);
  auto b = forecast::Run(c, three);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->monthly.size(), b->monthly.size());
  for (size_t i = 0; i < a->monthly.size(); ++i) {
    EXPECT_EQ(a->monthly[i].cost.p90, b->monthly[i].cost.p90) << i;
  }
}

TEST(ForecastRun, WithoutMonthlyTheYearsAreTheSame) {
  const Calibration c = Calibrated();
  ForecastOptions yearly_only = Options();
  yearly_only.monthly = false;
  auto a = forecast::Run(c, Options());
  auto b = forecast::Run(c, yearly_only);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_FALSE(a->monthly.empty());
  EXPECT_TRUE(b->monthly.empty());
  ASSERT_EQ(a->yearly.size(), b->yearly.size());
  for (size_t i = 0; i < a->yearly.size(); ++i) {
    EXPECT_EQ(a->yearly[i].cost.mean, b->yearly[i].cost.mean) << i;
    EXPECT_EQ(a->yearly[i].cost.p10, b->yearly[i].cost.p10) << i;
  }
}

TEST(ForecastRun, ReportsProgressPerStep) {
  ForecastOptions o = Options();
  o.levers = {HalfTariffFrom2025()};
  int baseline = 0, levers = 0;
  auto f = forecast::Run(Calibrated(), o, [&](ForecastStep step, int, int total) {
    EXPECT_EQ(total, o.runs);
    ++(step == ForecastStep::kBaseline ? baseline : levers);
  });
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(baseline, o.runs);
  EXPECT_EQ(levers, o.runs);
}

TEST(ForecastRun, ALeverOnAnUnknownGroupIsRefused) {
  ForecastOptions o = Options();
  Lever l = HalfTariffFrom2025();
  l.tariff_change = {{"onbekend", -0.5}};
  o.levers = {l};
  auto f = forecast::Run(Calibrated(), o);
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("onbekend"), std::string::npos)
      << f.status().message();
}

}  // namespace
}  // namespace jr::forecast
