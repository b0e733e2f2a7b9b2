#include "budget/monitor.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "budget/monitor_run.h"

namespace jr {
namespace {

using std::chrono::January;
using std::chrono::year;

Money E(int64_t euros) { return Money::FromEuros(euros); }

Region TwoMunicipalities() {
  Region r;
  r.AddMunicipality(
      {.code = "GM0001", .name = "Klein", .begin = year(2015) / January / 1});
  r.AddMunicipality(
      {.code = "GM0002", .name = "Groot", .begin = year(2015) / January / 1});
  for (int y = 2018; y <= 2022; ++y) {
    r.SetKey("GM0001", y, "inwoners", 1);
    r.SetKey("GM0002", y, "inwoners", 2);
  }
  return r;
}

BudgetConfig HandConfig() {
  BudgetConfig c;
  c.indexation = 0.02;
  c.realised_before = E(900);
  c.years = {
      {.year = 2020,
       .budget = E(1000),
       .target = E(-100),
       .state_budget = E(800),
       .realised = E(950)},
      {.year = 2021, .target = E(-50), .state_budget = E(800), .forecast = E(880)},
      {.year = 2022},
  };
  return c;
}

TEST(MonitorTest, ScenarioCapsOnHandMadeCase) {
  MonitorInput in{.config = HandConfig()};
  auto r = ComputeMonitor(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const auto& y = r->years;
  ASSERT_EQ(y.size(), 3u);
  // 2020: caps 800 (state budget), 900 x 1.02 (realised 2019), 900 (path).
  EXPECT_EQ(y[0].cap[0], E(800));
  EXPECT_EQ(y[0].cap[1], E(918));
  EXPECT_EQ(y[0].cap[2], E(900));
  EXPECT_EQ(y[0].basis, CostBasis::kRealised);
  EXPECT_EQ(y[0].gap[0], E(150));
  EXPECT_EQ(y[0].gap[1], E(32));
  EXPECT_EQ(y[0].gap[2], E(50));
  EXPECT_EQ(y[0].path_gap, E(50));
  // 2021: cap 2 is a fixed base: the 2020 overrun (950 > 918) does not raise it.
  EXPECT_EQ(y[1].cap[1], E(918));
  EXPECT_EQ(y[1].cap[2], E(850));
  EXPECT_EQ(y[1].basis, CostBasis::kForecast);
  EXPECT_EQ(y[1].gap[1], E(-38));
  EXPECT_EQ(y[1].gap[2], E(30));
  // 2022: still the base; no cost, no gap.
  EXPECT_EQ(y[2].cap[1], E(918));
  EXPECT_FALSE(y[2].cap[0].has_value());
  EXPECT_EQ(y[2].cap[2], E(850));
  EXPECT_FALSE(y[2].gap[2].has_value());
  EXPECT_EQ(y[2].basis, CostBasis::kNone);
}

TEST(MonitorTest, YearlyIndexationOfTheFixedBase) {
  BudgetConfig c = HandConfig();
  c.yearly_indexation = 0.01;
  MonitorInput in{.config = c};
  auto r = ComputeMonitor(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // 900 x 1.02 = 918; x 1.01 = 927.18; x 1.01 = 936.4518 -> 936.45.
  EXPECT_EQ(r->years[0].cap[1], E(918));
  EXPECT_EQ(r->years[1].cap[1], Money::FromCents(92718));
  EXPECT_EQ(r->years[2].cap[1], Money::FromCents(93645));
}

TEST(MonitorTest, BaseLeavesOutMunicipalitiesThatLeftTheRegion) {
  // GM0003 left the region on 2020-01-01 without a successor; GM0004 merged into
  // GM0002 on 2020-01-01. Base year 2019 of the region of 2020.
  Region r;
  r.AddMunicipality({.code = "GM0001", .name = "A", .begin = year(2015) / January / 1});
  r.AddMunicipality({.code = "GM0002", .name = "B", .begin = year(2015) / January / 1});
  r.AddMunicipality({.code = "GM0003",
                     .name = "Weg",
                     .begin = year(2015) / January / 1,
                     .end = year(2020) / January / 1});
  r.AddMunicipality({.code = "GM0004",
                     .name = "Op",
                     .begin = year(2015) / January / 1,
                     .end = year(2020) / January / 1,
                     .successor = "GM0002"});
  const double inhabitants[] = {1, 2, 3, 1};
  for (int y = 2019; y <= 2022; ++y) {
    for (int i = 0; i < 4; ++i) {
      r.SetKey(fmt::format("GM000{}", i + 1), y, "inwoners", inhabitants[i]);
    }
    r.SetKey("GM0001", y, "rijksbijdrage", 300);
    r.SetKey("GM0002", y, "rijksbijdrage", 500);
  }
  BudgetConfig c = HandConfig();
  c.realised_before.reset();
  MonitorInput in{.config = c, .region = &r};
  in.store.own[2019] = {
      {"GM0001", E(100)}, {"GM0002", E(200)}, {"GM0003", E(300)}, {"GM0004", E(50)}};
  in.store.shared[2019] = E(70);
  in.store.shared_by_bucket[2019] = {{"crisisdienst", E(70)}};
  auto m = ComputeMonitor(in);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  // Fixed 70 by inhabitants 1:2:3:1 = 10, 20, 30, 10. Base: A 100 + 10 = 110;
  // B 200 + 20 + (Op) 50 + 10 = 280; Weg left: not in the base. Total 390.
  EXPECT_EQ(m->base_total, E(390));
  EXPECT_EQ(m->base_year, 2019);
  EXPECT_EQ(m->years[0].cap[1], Money::FromCents(39780));  // 390 x 1.02
  ASSERT_EQ(m->municipalities.size(), 6u);                 // 2 municipalities x 3 years
  // Cap 2 of 397,80 by base shares 110:280 -> 112,20 and 285,60.
  EXPECT_EQ(m->municipalities[0].cap[1], Money::FromCents(11220));
  EXPECT_EQ(m->municipalities[1].cap[1], Money::FromCents(28560));
  EXPECT_NEAR(m->municipalities[0].share, 110.0 / 390.0, 1e-12);
  // Cap 3 (path 900) by the same shares: 253,85 and 646,15.
  EXPECT_EQ(m->municipalities[0].cap[2], Money::FromCents(25385));
  EXPECT_EQ(m->municipalities[1].cap[2], Money::FromCents(64615));
  // Cap 1 (800) by the own state budget for youth 300:500.
  EXPECT_EQ(m->municipalities[0].cap[0], E(300));
  EXPECT_EQ(m->municipalities[1].cap[0], E(500));
  EXPECT_EQ(m->share_basis, "aandeel in de realisatie 2019");
}

TEST(MonitorTest, MunicipalityCapsAddUpToTheCent) {
  Region region = TwoMunicipalities();
  MonitorInput in{.config = HandConfig(), .region = &region};
  auto r = ComputeMonitor(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->municipalities.size(), 6u);
  for (const MonitorRow& y : r->years) {
    for (int s = 0; s < kScenarios; ++s) {
      if (!y.cap[s]) continue;
      Money sum;
      for (const MunicipalityRow& m : r->municipalities) {
        if (m.year == y.path.year) sum += *m.cap[s];
      }
      EXPECT_EQ(sum, *y.cap[s]) << y.path.year << " scenario " << s + 1;
    }
  }
  // 800 euro split 1:2: the leftover cent goes to the larger remainder (GM0001).
  EXPECT_EQ(r->municipalities[0].cap[0], Money::FromCents(26667));
  EXPECT_EQ(r->municipalities[1].cap[0], Money::FromCents(53333));
  EXPECT_NEAR(r->municipalities[1].share, 2.0 / 3.0, 1e-12);
}

TEST(MonitorTest, RealisedFromStoreWithOwnUseAndSharedFixedCosts) {
  Region region = TwoMunicipalities();
  BudgetConfig c = HandConfig();
  c.years[0].realised.reset();
  c.realised_before.reset();
  MonitorInput in{.config = c, .region = &region};
  in.store.own[2019] = {{"GM0001", E(400)}, {"GM0002", E(600)}};
  in.store.own[2020] = {{"GM0001", E(300)}, {"GM0002", E(500)}};
  in.store.shared[2020] = E(150);
  in.store.shared_by_bucket[2020] = {{"crisisdienst", E(150)}};
  auto r = ComputeMonitor(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->years[0].realised, E(950));
  EXPECT_TRUE(r->years[0].realised_from_store);
  EXPECT_EQ(r->years[0].cap[1], E(1020));        // 1000 realised in 2019 from the store
  EXPECT_EQ(r->municipalities[0].cost, E(350));  // 300 own + 1/3 of 150
  EXPECT_EQ(r->municipalities[1].cost, E(600));
  EXPECT_TRUE(r->municipalities[0].cost_from_store);
  // Caps 2 and 3 by the share in the base year 2019 (400:600): 1020 -> 408, 612.
  EXPECT_EQ(r->municipalities[0].cap[1], E(408));
  EXPECT_EQ(r->municipalities[1].cap[1], E(612));
  // 2021 has only a forecast: its municipality cost is a key share.
  EXPECT_FALSE(r->municipalities[2].cost_from_store);
  EXPECT_EQ(*r->municipalities[2].cost + *r->municipalities[3].cost, E(880));
}

TEST(MonitorTest, MissingKeyIsAnError) {
  Region region = TwoMunicipalities();
  MonitorInput in{.config = HandConfig(), .region = &region, .key = "jeugdigen"};
  auto r = ComputeMonitor(in);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("jeugdigen"), std::string::npos);
}

TEST(RunMonitorTest, DemoConfigWithoutAStore) {
  auto run = RunMonitor(nullptr,
                        {.config_file = "data/demo/begroting.toml", .key = "jeugdigen"});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->key, "jeugdigen");  // the option wins over the config's inwoners
  EXPECT_FALSE(run->region.has_value());
  EXPECT_TRUE(run->result.municipalities.empty());
  ASSERT_EQ(run->result.years.size(), 7u);  // 2019-2025, the last year of the demo data
  // 2019: 104.5 + 10.2 million; cap 2 = realisatie_voorgaand_jaar 104.6 million x 1.02.
  const MonitorRow& first = run->result.years[0];
  EXPECT_EQ(first.path.annual_cost, E(114700000));
  EXPECT_EQ(first.cap[1], E(106692000));
  EXPECT_EQ(first.basis, CostBasis::kNone);  // nothing realised without a store
  auto missing = RunMonitor(nullptr, {.config_file = "data/demo/bestaat-niet.toml"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().where().file, "data/demo/bestaat-niet.toml");
}

}  // namespace
}  // namespace jr
