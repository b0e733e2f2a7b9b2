#include "forecast/capacity.h"

#include <gtest/gtest.h>

#include "forecast/forecast_table.h"
#include "forecast/lever.h"
#include "forecast/lever_plan.h"
#include "forecast/simulation.h"
#include "forecast/test_region.h"

namespace jr::forecast {
namespace {

constexpr double kEuro = 100;  // cents

// A hand-made region in January 2025 (no months of the year before the start): one
// municipality, one group "ambulant", one product of 1.000 euro a month, every
// assignment lasting exactly 24 months and always re-indicated (same product).
// Provider A (ceiling 25.000) runs 10 assignments of age 0 (to the horizon's end), 2
// of age 20 (active January-April, re-indicated in May) and 3 of age 18 (January-June,
// re-indicated in July); provider B (ceiling 10.000) one of age 0. All of A's are team
// T's (budget 50.000).
//
// By hand: A costs 15.000 in January, 30.000 by February: above 25.000, out in month 2.
// B has 1.000 a month: 4.000 by April, room 6.000 in May.
Calibration MakeRegion() {
  Calibration c = testing::OneMunicipality(2025);
  std::vector<DurationObservation> obs(100, {24, true});
  testing::AddGroup(c, "ambulant", "45/45A01", 1000 * kEuro, SurvivalCurve::Estimate(obs),
                    1.0, {1.0});

  auto cap = std::make_shared<Capacity>();
  cap->providers = {"A", "B"};
  cap->groups = 1;
  cap->contracts.push_back({"A", 0, 0, {{2025, 25000 * kEuro}}, {}});
  cap->contracts.push_back({"B", 1, 0, {{2025, 10000 * kEuro}}, {}});
  cap->contract_of = {0, 1};
  cap->lot_contracts = {{0, 1}};
  cap->teams.push_back({"T", {{2025, 50000 * kEuro}}, {}, "GM0505"});
  cap->mix = {{{0, 0}}};
  cap->mix_cumulative = {{1.0}};
  auto add = [&](int n, int age, int provider) {
    for (int i = 0; i < n; ++i) {
      c.running.push_back({0, 0, 0, age, 1000 * kEuro});
      cap->running.push_back({provider, provider == 0 ? 0 : -1});
    }
  };
  add(10, 0, 0);
  add(2, 20, 0);
  add(3, 18, 0);
  add(1, 0, 1);
  c.capacity = cap;
  return c;
}

void SetShares(Calibration& c, double not_deferrable, double deferrable) {
  auto cap = std::make_shared<Capacity>(*c.capacity);
  cap->p_not_deferrable = not_deferrable;
  cap->p_deferrable = deferrable;
  c.capacity = cap;
}

SimulationResult RunCase(const Calibration& c, const std::vector<Lever>& levers,
                         int threads = 1) {
  auto plan = LeverPlan::Resolve(c, 12, levers);
  EXPECT_TRUE(plan.ok()) << plan.status().message();
  SimulationOptions o;
  o.months = 12;
  o.runs = 4;
  o.threads = threads;
  o.parameter_uncertainty = false;
  return Simulate(c, *plan, o);
}

Lever NeeTenzij(bool on) {
  Lever l;
  l.name = "nee, tenzij";
  l.start_month = 2025 * 12;
  l.nee_tenzij = on;
  return l;
}

const CeilingForecast& Row(const CapacitySummary& s, const std::string& agb) {
  for (const CeilingForecast& r : s.providers) {
    if (r.agb == agb) return r;
  }
  static CeilingForecast none;
  ADD_FAILURE() << "no row " << agb;
  return none;
}

TEST(CapacityTest, WithoutNeeTenzijTheOverrunIsShown) {
  Calibration c = MakeRegion();
  SimulationResult r = RunCase(c, {});
  CapacitySummary s = SummarizeCapacity(c, *c.capacity, r.capacity);
  // Every re-indication stays at A: 10 x 12 + 2 x 12 + 3 x 12 months of 1.000.
  const CeilingForecast& a = Row(s, "A");
  EXPECT_EQ(a.year, 2025);
  EXPECT_EQ(a.month_p50, 2);
  EXPECT_DOUBLE_EQ(a.share_out, 1.0);
  EXPECT_NEAR(a.spend_mean, 180000 * kEuro, 1);
  EXPECT_NEAR(a.overrun_mean, 155000 * kEuro, 1);
  EXPECT_EQ(a.redirected + a.deferred + a.refused + a.allowed, 0);
  // B: 1.000 a month, above 10.000 in November.
  EXPECT_EQ(Row(s, "B").month_p50, 11);
  EXPECT_NEAR(Row(s, "B").overrun_mean, 2000 * kEuro, 1);
  // The team's budget of 50.000 (all of A's): 15.000 a month to April, above in April.
  ASSERT_EQ(s.teams.size(), 1u);
  EXPECT_EQ(s.teams[0].month_p50, 4);
}

TEST(CapacityTest, NeeTenzijRedirectsThenDefers) {
  Calibration c = MakeRegion();
  SetShares(c, 0.0, 1.0);  // every case can wait
  SimulationResult r = RunCase(c, {NeeTenzij(true)});
  CapacitySummary s = SummarizeCapacity(c, *c.capacity, r.capacity);
  const CeilingForecast& a = Row(s, "A");
  const CeilingForecast& b = Row(s, "B");
  // May: the 2 re-indications go to B (room 6.000). B then costs 3.000 a month: 7.000
  // by May, 10.000 by June (not above), 13.000 in July: out in month 7, no room left
  // for July's 3 re-indications, which wait for January 2026 (past the horizon).
  EXPECT_EQ(a.redirected, 2);
  EXPECT_EQ(b.received, 2);
  EXPECT_EQ(a.deferred, 3);
  EXPECT_EQ(a.refused + a.allowed, 0);
  EXPECT_EQ(b.month_p50, 7);
  EXPECT_NEAR(a.spend_mean, (120000 + 2 * 4000 + 3 * 6000) * kEuro, 1);
  EXPECT_NEAR(b.spend_mean, (12000 + 2 * 8000) * kEuro, 1);
}

TEST(CapacityTest, NeeTenzijRefusesOrAllowsAsTheCommitteeRecorded) {
  Calibration c = MakeRegion();
  SetShares(c, 0.0, 0.0);  // none assessed: refused
  CapacitySummary s =
      SummarizeCapacity(c, *c.capacity, RunCase(c, {NeeTenzij(true)}).capacity);
  EXPECT_EQ(Row(s, "A").refused, 3);
  SetShares(c, 1.0, 0.0);  // none can wait: allowed, at A
  s = SummarizeCapacity(c, *c.capacity, RunCase(c, {NeeTenzij(true)}).capacity);
  EXPECT_EQ(Row(s, "A").allowed, 3);
  EXPECT_NEAR(Row(s, "A").spend_mean, (120000 + 2 * 4000 + 3 * 12000) * kEuro, 1);
}

TEST(CapacityTest, TeamBudgetsDeferPastTheBudget) {
  Calibration c = MakeRegion();
  SetShares(c, 0.0, 1.0);
  Lever l;
  l.start_month = 2025 * 12;
  l.team_budgets = true;
  CapacitySummary s = SummarizeCapacity(c, *c.capacity, RunCase(c, {l}).capacity);
  // Out in April (60.000 > 50.000): May's 2 and July's 3 re-indications wait.
  ASSERT_EQ(s.teams.size(), 1u);
  EXPECT_EQ(s.teams[0].deferred, 5);
  EXPECT_EQ(s.teams[0].month_p50, 4);
  // The team's row names its municipality in a column with that role, so the server
  // shows a municipality only its own teams.
  const Table t = CapacityTable(s, false, false);
  ASSERT_TRUE(t.ColumnWith(ColumnRole::kMunicipality).has_value());
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0][*t.ColumnWith(ColumnRole::kMunicipality)], Cell("GM0505"));
}

TEST(CapacityTest, ReviewAboveRefusesTheExpensiveOnes) {
  Calibration c = MakeRegion();
  Lever l;
  l.start_month = 2025 * 12;
  l.review_above = 5000;  // euros; a re-indication is worth 24 x 1.000
  l.review_refused = 1.0;
  CapacitySummary s = SummarizeCapacity(c, *c.capacity, RunCase(c, {l}).capacity);
  ASSERT_EQ(s.review_refused.size(), 1u);
  EXPECT_EQ(s.review_refused[0], 5);
  l.review_above = 30000;  // above every one: none refused
  s = SummarizeCapacity(c, *c.capacity, RunCase(c, {l}).capacity);
  EXPECT_EQ(s.review_refused[0], 0);
}

TEST(CapacityTest, DecisionAndDelaySetTheMonthItActs) {
  Calibration c = MakeRegion();
  SetShares(c, 0.0, 1.0);
  auto levers = ParseLevers(
      "[[lever]]\nname = \"nee, tenzij\"\ndecision = \"2025-03\"\ndelay_months = 3\n"
      "nee_tenzij = true\nmeasure = \"2\"\n",
      "h.toml");
  ASSERT_TRUE(levers.ok()) << levers.status().message();
  ASSERT_EQ(levers->size(), 1u);
  EXPECT_EQ((*levers)[0].start_month, 2025 * 12 + 5);  // June
  EXPECT_EQ((*levers)[0].measure, "2");
  CapacitySummary s = SummarizeCapacity(c, *c.capacity, RunCase(c, *levers).capacity);
  // May's 2 re-indications come before it and stay at A; in July B has spent 6.000 of
  // 10.000 and takes the 3.
  EXPECT_EQ(Row(s, "A").redirected, 3);
  EXPECT_EQ(Row(s, "A").deferred, 0);
  EXPECT_EQ(Row(s, "B").received, 3);
}

TEST(CapacityTest, LeverErrors) {
  auto both = ParseLevers(
      "[[lever]]\nstart = \"2025-01\"\ndecision = \"2025-01\"\nnee_tenzij = true\n",
      "h.toml");
  ASSERT_FALSE(both.ok());
  EXPECT_NE(both.status().message().find("niet beide"), std::string::npos);
  auto delay =
      ParseLevers("[[lever]]\nstart = \"2025-01\"\ndelay_months = 3\n", "h.toml");
  ASSERT_FALSE(delay.ok());
  EXPECT_EQ(delay.status().where().path, "lever[1].delay_months");
  EXPECT_EQ(delay.status().where().line, 3);
  auto bad = ParseLevers("[[lever]]\nstart = \"2025-01\"\nnee_tenzij = 1\n", "h.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().where().file, "h.toml");
  EXPECT_EQ(bad.status().where().line, 3);
  EXPECT_EQ(bad.status().where().path, "lever[1].nee_tenzij");
}

TEST(CapacityTest, SameResultForAnyThreadCount) {
  Calibration c = MakeRegion();
  SetShares(c, 0.3, 0.3);
  SimulationResult one = RunCase(c, {NeeTenzij(true)}, 1);
  SimulationResult two = RunCase(c, {NeeTenzij(true)}, 2);
  EXPECT_EQ(one.capacity.spend, two.capacity.spend);
  EXPECT_EQ(one.capacity.out_month, two.capacity.out_month);
  EXPECT_EQ(one.capacity.refused, two.capacity.refused);
  EXPECT_EQ(one.cost, two.cost);
}

TEST(CapacityTest, PickWithTheGuideIsPickWithout) {
  Capacity cap;
  cap.groups = 1;
  // Uneven shares: 0.01, 0.5, 0.02, 0.17, 0.3 (cumulative below).
  cap.mix = {{{0, -1}, {1, -1}, {2, 0}, {3, 0}, {4, 1}}};
  cap.mix_cumulative = {{0.01, 0.51, 0.53, 0.70, 1.0}};
  Capacity guided = cap;
  guided.BuildGuide();
  for (int k = 0; k < 10000; ++k) {
    const double u = (k + 0.5) / 10000;
    EXPECT_EQ(guided.Pick(0, 0, u).provider, cap.Pick(0, 0, u).provider) << u;
  }
  EXPECT_EQ(guided.Pick(0, 0, 0.005).provider, 0);
  EXPECT_EQ(guided.Pick(0, 0, 0.52).provider, 2);
  EXPECT_EQ(guided.Pick(0, 0, 0.999).provider, 4);
}

}  // namespace
}  // namespace jr::forecast
