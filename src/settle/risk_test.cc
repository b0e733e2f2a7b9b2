#include "settle/risk.h"

#include <gtest/gtest.h>

#include "settle/builtin_models.h"
#include "settle/input_builder.h"
#include "settle/synthetic_input.h"

namespace jr::settle {
namespace {

std::vector<Model> Builtins() {
  std::vector<Model> out;
  for (const std::string& name : BuiltinModelNames())
    out.push_back(std::move(BuiltinModel(name)).value());
  return out;
}

std::vector<const Model*> Pointers(const std::vector<Model>& models) {
  std::vector<const Model*> out;
  for (const Model& m : models) out.push_back(&m);
  return out;
}

SettlementInput Synthetic() {
  SyntheticOptions o;
  o.municipalities = 12;
  o.buckets = 4;
  o.years = 4;
  o.max_clients = 6;
  o.seed = 5;
  return MakeSyntheticInput(o);
}

TEST(Risk, SameResultForAnyThreadCount) {
  const SettlementInput input = Synthetic();
  const std::vector<Model> models = Builtins();
  auto a = SimulateRisk(input, Pointers(models), 2018, RiskOptions{200, 42, 1});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->rows.size(), models.size() * input.Year(2018)->municipalities.size());
  for (int threads : {2, 3}) {
    SCOPED_TRACE(threads);
    auto b = SimulateRisk(input, Pointers(models), 2018, RiskOptions{200, 42, threads});
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    ASSERT_EQ(a->rows.size(), b->rows.size());
    for (size_t i = 0; i < a->rows.size(); ++i) {
      EXPECT_EQ(a->rows[i].model, b->rows[i].model);
      EXPECT_EQ(a->rows[i].stddev, b->rows[i].stddev) << a->rows[i].municipality;
      EXPECT_EQ(a->rows[i].median, b->rows[i].median);
      EXPECT_EQ(a->rows[i].p95, b->rows[i].p95);
      EXPECT_EQ(a->rows[i].mean, b->rows[i].mean);
    }
  }
  auto other_seed = SimulateRisk(input, Pointers(models), 2018, RiskOptions{200, 43, 2});
  ASSERT_TRUE(other_seed.ok());
  bool any_difference = false;
  for (size_t i = 0; i < a->rows.size(); ++i) {
    any_difference |= a->rows[i].stddev != other_seed->rows[i].stddev;
  }
  EXPECT_TRUE(any_difference);
}

// One municipality with two clients costing 0 and 100: a bootstrap year costs 0, 100
// or 200 with chances 1/4, 1/2, 1/4 (standard deviation 70,71; median 100; P95 200).
TEST(Risk, TwoClientBootstrapHasKnownSpread) {
  Region region;
  Municipality a{"GM0001", "Aa", "", std::chrono::year(2000) / 1 / 1, std::nullopt, ""};
  Municipality b{"GM0002", "Bee", "", std::chrono::year(2000) / 1 / 1, std::nullopt, ""};
  region.AddMunicipality(a);
  region.AddMunicipality(b);
  region.SetKey("GM0001", 2021, "inwoners", 100);
  region.SetKey("GM0002", 2021, "inwoners", 300);
  InputBuilder builder(region);
  for (auto [client, code, euros] :
       {std::tuple{"c1", "GM0001", 0}, std::tuple{"c2", "GM0001", 100},
        std::tuple{"c3", "GM0002", 50}}) {
    builder.AddUse(code, 2021, "ambulant", Money::FromEuros(euros), 1);
    builder.AddClientCost(client, code, 2021, "ambulant", Money::FromEuros(euros));
  }
  const SettlementInput input = builder.Build();
  const std::vector<Model> models = Builtins();
  auto r = SimulateRisk(input, {&models[1], &models[0]}, 2021, RiskOptions{4000, 7, 2});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const RiskRow& own_a = r->rows[0];
  ASSERT_EQ(own_a.model, "profijt");
  ASSERT_EQ(own_a.municipality, "GM0001");
  EXPECT_EQ(own_a.realised, Money::FromEuros(100));
  EXPECT_EQ(own_a.median, Money::FromEuros(100));
  EXPECT_EQ(own_a.p95, Money::FromEuros(200));
  EXPECT_NEAR(own_a.stddev.ToEurosApprox(), 70.71, 4.0);
  EXPECT_NEAR(*own_a.PerInhabitant(own_a.stddev), 0.7071, 0.04);
  // Bee has one client: no spread of its own.
  EXPECT_EQ(r->rows[1].stddev, Money());
  // Under solidair (1:3 by inhabitants) Aa carries a quarter of the regional spread.
  const RiskRow& shared_a = r->rows[2];
  ASSERT_EQ(shared_a.model, "solidair");
  EXPECT_NEAR(shared_a.stddev.ToEurosApprox(), 70.71 / 4, 2.0);
  EXPECT_GT(r->rows[3].stddev, Money()) << "Bee now shares Aa's spread";
}

TEST(Risk, NeedsClientCostsAndValidOptions) {
  SettlementInput input = Synthetic();
  const std::vector<Model> models = Builtins();
  EXPECT_FALSE(SimulateRisk(input, Pointers(models), 2018, RiskOptions{1, 1, 1}).ok());
  EXPECT_FALSE(SimulateRisk(input, Pointers(models), 1999, RiskOptions{10, 1, 1}).ok());
  input.years[2018].client_costs.clear();
  auto r = SimulateRisk(input, Pointers(models), 2018, RiskOptions{10, 1, 1});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("kosten per cliënt"), std::string::npos);
}

}  // namespace
}  // namespace jr::settle
