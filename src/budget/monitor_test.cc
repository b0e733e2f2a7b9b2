#include "budget/monitor.h"

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
  // 2021: cap 2 from the 2020 realisation; cost is the forecast.
  EXPECT_EQ(y[1].cap[1], E(969));
  EXPECT_EQ(y[1].cap[2], E(850));
  EXPECT_EQ(y[1].basis, CostBasis::kForecast);
  EXPECT_EQ(y[1].gap[1], E(-89));
  EXPECT_EQ(y[1].gap[2], E(30));
  // 2022: no realisation in 2021, so cap 2 indexes the 2021 cap; no cost, no gap.
  EXPECT_EQ(y[2].cap[1], Money::FromCents(98838));
  EXPECT_FALSE(y[2].cap[0].has_value());
  EXPECT_EQ(y[2].cap[2], E(850));
  EXPECT_FALSE(y[2].gap[2].has_value());
  EXPECT_EQ(y[2].basis, CostBasis::kNone);
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
  auto r = ComputeMonitor(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->years[0].realised, E(950));
  EXPECT_TRUE(r->years[0].realised_from_store);
  EXPECT_EQ(r->years[0].cap[1], E(1020));        // 1000 realised in 2019 from the store
  EXPECT_EQ(r->municipalities[0].cost, E(350));  // 300 own + 1/3 of 150
  EXPECT_EQ(r->municipalities[1].cost, E(600));
  EXPECT_TRUE(r->municipalities[0].cost_from_store);
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
  ASSERT_EQ(run->result.years.size(), 4u);
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
