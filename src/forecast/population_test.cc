#include "forecast/population.h"

#include <gtest/gtest.h>

#include <cmath>

#include "forecast/calibration.h"
#include "forecast/simulation.h"
#include "forecast/test_region.h"

namespace jr::forecast {
namespace {

constexpr int kStart = 2024 * 12;  // first forecast month

// Two products in one group, three municipalities.
Calibration Skeleton() {
  Calibration c;
  c.start_month = kStart;
  c.municipalities = {"GM0001", "GM0002", "GM0003"};
  GroupParams g;
  g.name = "verblijf";
  c.groups.push_back(g);
  for (int p = 0; p < 2; ++p) {
    ProductParams pp;
    pp.group = 0;
    c.products.push_back(pp);
  }
  return c;
}

PopulationSpell Spell(int client, int product, int first, int last, bool ended,
                      int birth = kNoBirth, int municipality = 0) {
  PopulationSpell s;
  s.known = true;
  s.client = client;
  s.birth = birth;
  s.municipality = municipality;
  s.product = product;
  s.first = first;
  s.last = last;
  s.ended = ended;
  return s;
}

TEST(PopulationTest, ExtendedCareWhenAdultsStartTheProduct) {
  Calibration c = Skeleton();
  std::vector<PopulationSpell> spells;
  // Product 0: 100 starts, 20 of them of clients of 19 (extended care); product 1:
  // 100 starts of clients of 10.
  for (int i = 0; i < 100; ++i) {
    int age = i < 20 ? 19 * 12 : 10 * 12;
    spells.push_back(Spell(i, 0, kStart - 10, kStart - 1, false, kStart - 10 - age));
    spells.push_back(
        Spell(100 + i, 1, kStart - 10, kStart - 1, false, kStart - 10 - 10 * 12));
  }
  std::vector<bool> is_return;
  CalibratePopulation(spells, kStart, c, is_return);
  EXPECT_EQ(c.products[0].age_limit_months, 23 * 12);
  EXPECT_EQ(c.products[1].age_limit_months, 18 * 12);
  // Product 1's start ages: all 120 months.
  ASSERT_FALSE(c.products[1].start_age.empty());
  for (double a : c.products[1].start_age) EXPECT_EQ(a, 120);
  EXPECT_TRUE(PastAgeLimit(c, 1, kStart - 18 * 12, kStart));
  EXPECT_FALSE(PastAgeLimit(c, 1, kStart - 18 * 12 + 1, kStart));
  EXPECT_FALSE(PastAgeLimit(c, 0, kStart - 18 * 12, kStart));
  EXPECT_FALSE(PastAgeLimit(c, 1, kNoBirth, kStart));
}

TEST(PopulationTest, ReturnHazardFromClientsWithMoreThanOneSpell) {
  Calibration c = Skeleton();
  std::vector<PopulationSpell> spells;
  // Ten clients whose care ended 30 months before the start (last active month
  // kStart - 30); four come back 3 months later (a new assignment, still running).
  const int last = kStart - 30;
  for (int i = 0; i < 10; ++i) {
    spells.push_back(Spell(i, 0, last - 5, last, true));
    if (i < 4) spells.push_back(Spell(i, 1, last + 3, kStart - 1, false));
  }
  std::vector<bool> is_return;
  CalibratePopulation(spells, kStart, c, is_return);
  // Hand count, bin of 2-3 months after care: the returners are at risk in month 2
  // and come back in month 3 (2 months each, 8), the six others at risk in months 2
  // and 3 (12): hazard 4 / 20. Later bins: only the six, no returns.
  ASSERT_GE(c.returns.size(), 2u);
  EXPECT_EQ(c.returns[0].from, 2);
  EXPECT_EQ(c.returns[0].to, 3);
  EXPECT_DOUBLE_EQ(c.returns[0].returns, 4);
  EXPECT_DOUBLE_EQ(c.returns[0].exposure, 20);
  EXPECT_DOUBLE_EQ(c.returns[0].hazard, 0.2);
  EXPECT_DOUBLE_EQ(c.returns[1].exposure, 18);  // months 4-6, six clients
  EXPECT_DOUBLE_EQ(c.returns[1].hazard, 0);
  ASSERT_EQ(c.return_cdf.size(), 37u);
  EXPECT_DOUBLE_EQ(c.return_cdf[1], 0);
  EXPECT_NEAR(c.return_cdf[2], 0.2, 1e-12);
  EXPECT_NEAR(c.return_cdf[3], 1 - 0.8 * 0.8, 1e-12);
  // The returns are marked (the inflow leaves them out), the first spells not.
  int marked = 0;
  for (size_t i = 0; i < spells.size(); ++i) {
    if (is_return[i]) {
      ++marked;
      EXPECT_EQ(spells[i].product, 1);
    }
  }
  EXPECT_EQ(marked, 4);
  // The six who did not come back may still: 30 months since their care.
  ASSERT_EQ(c.ended_clients.size(), 6u);
  EXPECT_EQ(c.ended_clients[0].since, 30);
}

TEST(PopulationTest, MoveProbabilityAndDestinations) {
  Calibration c = Skeleton();
  std::vector<PopulationSpell> spells;
  // Ten re-indications in the last year; two of them in municipality 1 after care
  // in municipality 0.
  for (int i = 0; i < 10; ++i) {
    spells.push_back(Spell(i, 0, kStart - 12, kStart - 7, true));
    PopulationSpell next =
        Spell(i, 0, kStart - 6, kStart - 1, false, kNoBirth, i < 2 ? 1 : 0);
    next.reindication = true;
    next.predecessor = static_cast<int>(spells.size()) - 1;
    spells.push_back(next);
  }
  std::vector<bool> is_return;
  CalibratePopulation(spells, kStart, c, is_return);
  EXPECT_DOUBLE_EQ(c.move, 0.2);
  EXPECT_DOUBLE_EQ(c.move_n, 10);
  // Observed destinations (0, 2, 0) plus half a move each, over 2 + 1.5.
  ASSERT_EQ(c.move_to.size(), 3u);
  EXPECT_DOUBLE_EQ(c.move_to[0], 0.5 / 3.5);
  EXPECT_DOUBLE_EQ(c.move_to[1], 2.5 / 3.5);
  EXPECT_DOUBLE_EQ(c.move_to[2], 0.5 / 3.5);
  EXPECT_TRUE(c.return_cdf.empty());  // nobody came back
}

// One running assignment of a 2-month product that is always re-indicated, of a
// client who turns 18 in the forecast's month 5.
Calibration AgeOutCalibration(int birth) {
  Calibration c = testing::OneMunicipality(2024);
  std::vector<DurationObservation> two(100, DurationObservation{2, true});
  int g = testing::AddGroup(c, "verblijf", "43/43A01", 1000, SurvivalCurve::Estimate(two),
                            1.0, {1.0});
  c.groups[g].reindication_past_limit = 0.0;
  RunningAssignment a;
  a.age_months = 0;
  a.monthly_cost = 1000;
  a.birth = birth;
  c.running.push_back(a);
  return c;
}

TEST(PopulationTest, NoReindicationAfterTheAgeLimit) {
  SimulationOptions o;
  o.months = 12;
  o.runs = 20;
  o.parameter_uncertainty = false;
  // Ends at months 2, 4 (ages 18 years - 3 and - 1 months: re-indicated) and 6
  // (18 years + 1 month: past the limit, not re-indicated).
  Calibration aged = AgeOutCalibration(kStart + 5 - 18 * 12);
  SimulationResult r = Simulate(aged, LeverPlan(aged, o.months), o);
  Calibration unknown = AgeOutCalibration(kNoBirth);
  SimulationResult u = Simulate(unknown, LeverPlan(unknown, o.months), o);
  for (int run = 0; run < o.runs; ++run) {
    for (int m = 0; m < o.months; ++m) {
      EXPECT_EQ(r.active[r.Index(run, m, 0, 0)], m < 6 ? 1 : 0) << run << " " << m;
      EXPECT_EQ(u.active[u.Index(run, m, 0, 0)], 1) << run << " " << m;
    }
  }
}

TEST(PopulationTest, EndedClientsComeBackWithTheCalibratedHazard) {
  // A client whose last care month was the month before the forecast, a return
  // hazard of 0.2 a month from 2 months after care on, no re-indications: the first
  // month back is month k - 1 with P = F(k) - F(k - 1), F(k) = 1 - 0.8^(k - 1).
  Calibration c = AgeOutCalibration(kNoBirth);
  c.running.clear();
  c.groups[0].reindication = 0;
  c.groups[0].return_follow = {1.0};
  c.return_cdf.assign(37, 0.0);
  for (int k = 2; k <= 36; ++k) c.return_cdf[k] = 1 - std::pow(0.8, k - 1);
  c.ended_clients.push_back({0, 0, 1, kNoBirth});
  SimulationOptions o;
  o.months = 12;
  o.runs = 4000;
  o.parameter_uncertainty = false;
  SimulationResult r = Simulate(c, LeverPlan(c, o.months), o);
  // Counts the first return only (one who is back and ends again may return again).
  double first_month = 0, within = 0;
  for (int run = 0; run < o.runs; ++run) {
    EXPECT_EQ(r.started[r.Index(run, 0, 0, 0)], 0);  // not within a month of care
    int first = -1;
    for (int m = 0; m < o.months && first < 0; ++m) {
      if (r.started[r.Index(run, m, 0, 0)] > 0) first = m;
    }
    if (first >= 0) {
      within += 1;
      EXPECT_EQ(r.started[r.Index(run, first, 0, 0)], 1);
    }
    if (first == 1) first_month += 1;
  }
  // P(back in month 1) = 0.2; P(back within the 12 months) = F(12) = 1 - 0.8^11.
  // Tolerances about 4 standard errors of 4000 runs.
  EXPECT_NEAR(first_month / o.runs, 0.2, 0.025);
  EXPECT_NEAR(within / o.runs, 1 - std::pow(0.8, 11), 0.018);
}

}  // namespace
}  // namespace jr::forecast
