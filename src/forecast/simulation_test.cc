#include "forecast/simulation.h"

#include <gtest/gtest.h>

#include <cmath>

#include "forecast/forecast_summary.h"
#include "forecast/lever.h"
#include "forecast/lever_plan.h"
#include "forecast/synthetic_history.h"
#include "forecast/test_region.h"

namespace jr::forecast {
namespace {

// A hand-made calibration: one municipality, the given groups, one product each with
// a fixed cost, no seasons, no indexation.
Calibration MakeCalibration(const std::vector<SurvivalCurve>& curves) {
  Calibration c = testing::OneMunicipality(2025);
  for (size_t g = 0; g < curves.size(); ++g) {
    std::vector<double> follow(curves.size(), 0);
    follow[g] = 1;
    testing::AddGroup(c, "groep" + std::to_string(g), "45/P" + std::to_string(g),
                      100000.0 * (g + 1), curves[g], 0, follow);
  }
  return c;
}

SimulationOptions Options(int months, int runs, int threads = 1) {
  SimulationOptions o;
  o.months = months;
  o.runs = runs;
  o.seed = 42;
  o.threads = threads;
  return o;
}

double MeanActive(const SimulationResult& r, int month, int group) {
  double sum = 0;
  for (int run = 0; run < r.runs; ++run) sum += r.active[r.Index(run, month, 0, group)];
  return sum / r.runs;
}

TEST(SimulationTest, SameResultForOneAndTwoThreads) {
  SyntheticSpec spec;
  spec.groups = {{"ambulant", 12, 0.15, 0.6, 90000, 0.5},
                 {"verblijf", 3, 0.05, 0.3, 600000, 0.2}};
  History h = SyntheticHistory(spec);
  using namespace std::chrono;
  auto c = Calibrate(h, 2023y / 1 / 1);
  ASSERT_TRUE(c.ok());
  LeverPlan plan(*c, 24);
  SimulationResult one = Simulate(*c, plan, Options(24, 16, 1));
  SimulationResult two = Simulate(*c, plan, Options(24, 16, 2));
  EXPECT_GT(one.entity_months, 0);
  EXPECT_EQ(one.entity_months, two.entity_months);
  EXPECT_EQ(one.cost, two.cost);
  EXPECT_EQ(one.active, two.active);
  EXPECT_EQ(one.started, two.started);
  // A different seed gives different numbers.
  SimulationOptions other = Options(24, 16, 2);
  other.seed = 43;
  EXPECT_NE(Simulate(*c, plan, other).cost, one.cost);
}

TEST(SimulationTest, WithoutInflowTheCaseloadFollowsTheSurvivalCurve) {
  // A non-geometric curve: Kaplan-Meier of durations 1..12 equally likely.
  std::vector<DurationObservation> obs;
  for (int d = 1; d <= 12; ++d) {
    for (int k = 0; k < 50; ++k) obs.push_back({d, true});
  }
  SurvivalCurve curve = SurvivalCurve::Estimate(obs);
  Calibration c = MakeCalibration({curve});
  const int n = 2000;
  for (int i = 0; i < n; ++i) c.running.push_back({0, 0, 0, 0, 100000.0});
  LeverPlan plan(c, 14);
  SimulationResult r = Simulate(c, plan, Options(14, 20));
  for (int m = 0; m < 14; ++m) {
    double expected = n * curve.Survival(m);
    double se = std::sqrt(n * curve.Survival(m) * (1 - curve.Survival(m)) / 20) + 1e-9;
    EXPECT_NEAR(MeanActive(r, m, 0), expected, 4 * se + 0.5) << "month " << m;
    // Cost is the active caseload times the monthly cost.
    EXPECT_NEAR(r.cost[r.Index(0, m, 0, 0)], 100000.0 * r.active[r.Index(0, m, 0, 0)],
                1e-6);
  }
}

TEST(SimulationTest, RunningAssignmentsOfSomeAgeFollowTheConditionalCurve) {
  SurvivalCurve curve = SurvivalCurve::Geometric(0.25);
  Calibration c = MakeCalibration({curve});
  const int n = 4000;
  for (int i = 0; i < n; ++i) c.running.push_back({0, 0, 0, 7, 100000.0});
  SimulationResult r = Simulate(c, LeverPlan(c, 6), Options(6, 10));
  // Memoryless: P(still active in month m | age) = 0.75^m.
  for (int m = 0; m < 6; ++m)
    EXPECT_NEAR(MeanActive(r, m, 0) / n, std::pow(0.75, m), 0.02);
}

TEST(SimulationTest, SteadyStateFollowsLittlesLaw) {
  // Durations 1..9 equally likely (mean 5), with re-indications (mean chain 2).
  std::vector<DurationObservation> obs;
  for (int d = 1; d <= 9; ++d) {
    for (int k = 0; k < 50; ++k) obs.push_back({d, true});
  }
  Calibration c = MakeCalibration({SurvivalCurve::Estimate(obs)});
  c.groups[0].reindication = 0.5;
  const double inflow = 30;
  c.inflow.push_back({0, Route::kGp, 0, inflow, 0});
  SimulationResult r = Simulate(c, LeverPlan(c, 60), Options(60, 40));
  double active = 0;
  for (int m = 48; m < 60; ++m) active += MeanActive(r, m, 0) / 12;
  double mean_duration = c.groups[0].duration.MeanMonths();
  EXPECT_NEAR(mean_duration, 5.0, 1e-9);
  // Arrivals are new inflow plus re-indications: inflow / (1 - p).
  double expected = inflow / (1 - 0.5) * mean_duration;
  EXPECT_NEAR(active, expected, 0.03 * expected);
}

Lever AllKinds(int start_month) {
  Lever l;
  l.name = "alles";
  l.start_month = start_month;
  l.inflow_factor[Route::kGp] = 0.5;
  l.duration_factor["groep0"] = 0.7;
  l.volume_factor["groep1"] = 0.8;
  l.reindication[kAllGroups] = 0.1;
  l.tariff_change["groep0"] = -0.05;
  l.products_removed = {"P1"};
  l.residential_to_outpatient = 0.5;
  l.residential = "groep1";
  l.outpatient = "groep0";
  return l;
}

TEST(SimulationTest, ALeverChangesNothingBeforeItsStartMonth) {
  Calibration c =
      MakeCalibration({SurvivalCurve::Geometric(0.2), SurvivalCurve::Geometric(0.05)});
  c.groups[0].reindication = 0.6;
  c.groups[1].reindication = 0.4;
  for (int i = 0; i < 300; ++i) c.running.push_back({0, i % 2, i % 2, i % 10, -1});
  c.products[1].monthly_cost = {300000, 500000, 700000};
  c.inflow.push_back({0, Route::kGp, 0, 12, 0.1});
  c.inflow.push_back({0, Route::kGp, 1, 3, 0.2});
  const int start = 9;
  auto plan = LeverPlan::Resolve(c, 24, {AllKinds(c.start_month + start)});
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  SimulationResult base = Simulate(c, LeverPlan(c, 24), Options(24, 30));
  SimulationResult with = Simulate(c, *plan, Options(24, 30));
  double before = 0, after = 0;
  for (int run = 0; run < 30; ++run) {
    for (int m = 0; m < 24; ++m) {
      for (int g = 0; g < 2; ++g) {
        size_t i = base.Index(run, m, 0, g);
        if (m < start) {
          ASSERT_EQ(base.active[i], with.active[i]) << "run " << run << " month " << m;
          ASSERT_EQ(base.started[i], with.started[i]);
          ASSERT_DOUBLE_EQ(base.cost[i], with.cost[i]);
        } else {
          before += base.cost[i];
          after += with.cost[i];
        }
      }
    }
  }
  EXPECT_LT(after, 0.9 * before);  // and it does act from its start month on
}

TEST(SimulationTest, ARemovedProductCostsNothingOnceItsRunningAssignmentsEnd) {
  Calibration c =
      MakeCalibration({SurvivalCurve::Geometric(0.2), SurvivalCurve::Geometric(0.1)});
  c.groups[1].reindication = 0.8;  // re-indications of the removed product stop too
  for (int i = 0; i < 50; ++i) c.running.push_back({0, 1, 1, 3, -1});
  c.inflow.push_back({0, Route::kGp, 0, 5, 0});
  c.inflow.push_back({0, Route::kGp, 1, 5, 0});
  Lever l;
  l.start_month = c.start_month;
  l.products_removed = {"45/P1"};
  auto plan = LeverPlan::Resolve(c, 120, {l});
  ASSERT_TRUE(plan.ok());
  SimulationResult with = Simulate(c, *plan, Options(120, 20));
  SimulationResult base = Simulate(c, LeverPlan(c, 120), Options(120, 20));
  for (int run = 0; run < 20; ++run) {
    bool ended = false;
    for (int m = 0; m < 120; ++m) {
      size_t i = with.Index(run, m, 0, 1);
      EXPECT_EQ(with.started[i], 0);
      if (with.active[i] == 0) ended = true;
      if (ended) {
        ASSERT_EQ(with.active[i], 0) << "run " << run << " month " << m;
        ASSERT_EQ(with.cost[i], 0.0);
      }
      EXPECT_GT(base.active[base.Index(run, m, 0, 1)] + (m < 3 ? 1 : 0), 0);
    }
    EXPECT_TRUE(ended) << "run " << run;
  }
}

TEST(SimulationTest, CommonRandomNumbersMakeTheLeverEffectPrecise) {
  Calibration c = MakeCalibration({SurvivalCurve::Geometric(0.15)});
  c.groups[0].reindication = 0.5;
  c.inflow.push_back({0, Route::kGp, 0, 20, 0.1});
  c.inflow.push_back({0, Route::kMunicipality, 0, 20, 0.1});
  Lever l;
  l.start_month = c.start_month;
  l.inflow_factor[Route::kGp] = 0.5;
  auto plan = LeverPlan::Resolve(c, 36, {l});
  ASSERT_TRUE(plan.ok());
  SimulationResult base = Simulate(c, LeverPlan(c, 36), Options(36, 50));
  SimulationResult with = Simulate(c, *plan, Options(36, 50));
  auto effect = Difference(c, with, base, Period::kYear);
  auto level = Summarize(c, base, Period::kYear);
  ASSERT_EQ(effect.size(), level.size());
  for (size_t i = 0; i < effect.size(); ++i) {
    if (effect[i].municipality != kRegion || effect[i].group != kAllGroups) continue;
    EXPECT_LT(effect[i].cost.mean, 0);
    // The spread of the difference is much smaller than the spread of the level.
    EXPECT_LT(effect[i].cost.p90 - effect[i].cost.p10,
              0.6 * (level[i].cost.p90 - level[i].cost.p10));
    // Never a saving in a replication: fewer arrivals, same random numbers.
    EXPECT_LE(effect[i].cost.p90, 0);
  }
}

TEST(ForecastSummaryTest, RegionRowsSumTheMunicipalitiesPerReplication) {
  SyntheticSpec spec;
  History h = SyntheticHistory(spec);
  using namespace std::chrono;
  auto c = Calibrate(h, 2023y / 1 / 1);
  ASSERT_TRUE(c.ok());
  SimulationResult r = Simulate(*c, LeverPlan(*c, 15), Options(15, 20));
  auto years = Summarize(*c, r, Period::kYear);
  ASSERT_FALSE(years.empty());
  EXPECT_EQ(years.front().period, 2023);
  EXPECT_EQ(years.front().months, 12);
  EXPECT_EQ(years.back().period, 2024);
  EXPECT_EQ(years.back().months, 3);
  double sum = 0, region = 0;
  for (const SummaryRow& row : years) {
    if (row.period != 2023 || row.group != kAllGroups) continue;
    EXPECT_LE(row.cost.p10, row.cost.p50);
    EXPECT_LE(row.cost.p50, row.cost.p90);
    if (row.municipality == kRegion)
      region = row.cost.mean;
    else
      sum += row.cost.mean;
  }
  EXPECT_GT(region, 0);
  EXPECT_NEAR(sum, region, 1e-6 * region);
}

}  // namespace
}  // namespace jr::forecast
