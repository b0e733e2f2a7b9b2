#include "forecast/calibration.h"

#include <gtest/gtest.h>

#include <cmath>

#include "forecast/synthetic_history.h"

namespace jr::forecast {
namespace {

TEST(CalibrationTest, StartMonthIsTheMonthOfAFirstDayElseTheNext) {
  using namespace std::chrono;
  EXPECT_EQ(StartMonthOf(2024y / 1 / 1), 2024 * 12);
  EXPECT_EQ(StartMonthOf(2024y / 1 / 15), 2024 * 12 + 1);
}

TEST(CalibrationTest, RecoversTheParametersTheDataWasGeneratedWith) {
  SyntheticSpec spec;
  spec.municipalities = 4;
  spec.months = 72;
  spec.indexation = 0.03;
  spec.groups = {{"ambulant", 20, 0.15, 0.6, 90000, 0.5}, {"verblijf", 4, 0.05, 0.3, 600000, 0.2}};
  History h = SyntheticHistory(spec);
  using namespace std::chrono;
  auto c = Calibrate(h, 2024y / 1 / 1);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->groups.size(), 2u);
  ASSERT_EQ(c->municipalities.size(), 4u);
  EXPECT_NEAR(c->indexation, 0.03, 0.002);
  for (const SyntheticGroup& g : spec.groups) {
    int gi = c->GroupIndex(g.name);
    ASSERT_GE(gi, 0);
    const GroupParams& gp = c->groups[gi];
    // Inflow of the region (4 municipalities), mean of 12 months: within 4 standard errors.
    double expected = 4 * g.inflow_per_month;
    EXPECT_NEAR(gp.inflow_per_month, expected, 4 * std::sqrt(expected / 12)) << g.name;
    EXPECT_NEAR(gp.trend, 1.0, 0.15) << g.name;
    // Geometric durations: mean 1 / hazard.
    EXPECT_NEAR(gp.duration.MeanMonths(), 1 / g.end_hazard, 0.12 / g.end_hazard) << g.name;
    EXPECT_NEAR(gp.reindication, g.reindication, 0.05) << g.name;
    EXPECT_NEAR(gp.follow[gi], 1.0, 1e-12) << g.name;
    // Cost per month in base-year (2024) prices: the first year's cost indexed 6 years.
    double base_cost = g.cost_cents * std::pow(1.03, 6);
    const ProductParams& p = c->products[c->ProductIndex(g.name)];
    EXPECT_NEAR(p.mean_cost, base_cost, 0.06 * base_cost) << g.name;
    EXPECT_GT(p.monthly_cost.back(), p.monthly_cost.front()) << g.name;
  }
  // Every running assignment at the cut-off is in the caseload, none that ended.
  int running = 0;
  for (const Assignment& a : h.assignments) {
    if (a.start < 2024y / 1 / 1 && !a.end) ++running;
  }
  int in_caseload = 0;
  for (const RunningAssignment& r : c->running) in_caseload += r.ended ? 0 : 1;
  EXPECT_EQ(in_caseload, running);
}

TEST(CalibrationTest, IgnoresDataAfterTheCutoff) {
  SyntheticSpec spec;
  History h = SyntheticHistory(spec);
  using namespace std::chrono;
  auto early = Calibrate(h, 2020y / 1 / 1);
  ASSERT_TRUE(early.ok());
  History cut = h;
  cut.months.clear();
  for (const AssignmentMonth& m : h.months) {
    if (m.month < 2020 * 12) cut.months.push_back(m);
  }
  auto again = Calibrate(cut, 2020y / 1 / 1);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(early->products[0].monthly_cost, again->products[0].monthly_cost);
  EXPECT_EQ(early->running.size(), again->running.size());
}

TEST(CalibrationTest, FailsWithoutData) {
  History h;
  using namespace std::chrono;
  auto c = Calibrate(h, 2024y / 1 / 1);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("geen gemeenten"), std::string::npos);
}

}  // namespace
}  // namespace jr::forecast
