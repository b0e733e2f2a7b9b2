// Invariants of the engine on random (synthetic) inputs.
#include <gtest/gtest.h>

#include <cmath>

#include "settle/builtin_models.h"
#include "settle/model_file.h"
#include "settle/settlement.h"
#include "settle/synthetic_input.h"

namespace jr::settle {
namespace {

Model Parse(const std::string& toml) {
  auto m = ParseModelToml(toml, "test.toml");
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return std::move(m).value();
}

std::vector<Model> AllModels() {
  std::vector<Model> out;
  for (const std::string& name : BuiltinModelNames())
    out.push_back(std::move(BuiltinModel(name)).value());
  out.push_back(Parse(R"toml(name = "mix"
default = "0.2*own + 0.3*history:2 + 0.1*clients:1 + 0.4*key:jeugdigen"
fixed = "0.5*key:rijksbijdrage + 0.5*history:1"
[buckets]
post01 = "pool:50000:jeugdigen"
post02 = "phase(2016: own; 2017: 0.3*own + 0.7*key:inwoners)"
)toml"));
  return out;
}

class PropertyTest : public testing::TestWithParam<uint64_t> {
 protected:
  SettlementInput Input() const {
    SyntheticOptions o;
    o.municipalities = 23;
    o.buckets = 6;
    o.years = 5;
    o.max_clients = 5;
    o.merge_every = 7;
    o.fixed_costs = 2;
    o.seed = GetParam();
    return MakeSyntheticInput(o);
  }
};

TEST_P(PropertyTest, EveryBucketAddsUpToItsTotalAndTotalsAgreeAcrossModels) {
  const SettlementInput input = Input();
  const std::vector<Model> models = AllModels();
  for (int year = 2018; year <= 2019; ++year) {
    std::optional<Money> first_total;
    for (const Model& model : models) {
      auto s = SettleYear(input, model, year);
      ASSERT_TRUE(s.ok()) << model.name << ": " << s.status().ToString();
      for (const BucketSettlement& b : s->buckets) {
        Money sum;
        for (Money p : b.parts) sum += p;
        EXPECT_EQ(sum, b.total) << model.name << " " << b.bucket;
      }
      if (!first_total) first_total = s->TotalContribution();
      EXPECT_EQ(s->TotalContribution(), *first_total) << model.name;
    }
  }
}

TEST_P(PropertyTest, OwnRuleGivesContributionEqualToOwnUse) {
  // With fixed regional costs: under profijt they go by inhabitants, the fixed-cost
  // key of own use, so every transfer is zero to the cent.
  const SettlementInput input = Input();
  const Model own = std::move(BuiltinModel("profijt")).value();
  for (int year = 2017; year <= 2019; ++year) {
    ASSERT_FALSE(input.Year(year)->fixed_costs.empty());
    auto s = SettleYear(input, own, year);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    for (const MunicipalitySettlement& m : s->municipalities) {
      EXPECT_EQ(m.contribution, m.own_use) << year << " " << m.code;
      EXPECT_EQ(m.transfer(), Money()) << year << " " << m.code;
    }
  }
}

TEST_P(PropertyTest, TransfersOfAYearAddUpToZeroUnderEveryModel) {
  const SettlementInput input = Input();
  std::vector<Model> models = AllModels();
  models.push_back(std::move(BuiltinModel("pool-100k")).value().WithKey("jeugdigen"));
  for (int year = 2018; year <= 2019; ++year) {
    std::optional<std::vector<Money>> first_use;
    for (const Model& model : models) {
      auto s = SettleYear(input, model, year);
      ASSERT_TRUE(s.ok()) << model.name << ": " << s.status().ToString();
      Money sum;
      std::vector<Money> use;
      for (const MunicipalitySettlement& m : s->municipalities) {
        sum += m.transfer();
        use.push_back(m.own_use);
        EXPECT_EQ(m.own_use, m.declared_use + m.local_costs + m.fixed_share);
      }
      EXPECT_EQ(sum, Money()) << model.name << " " << year;
      // Own use does not depend on the model.
      if (!first_use) first_use = use;
      EXPECT_EQ(use, *first_use) << model.name << " " << year;
    }
  }
}

TEST_P(PropertyTest, FixedShareIsTheFixedCostsByInhabitants) {
  const SettlementInput input = Input();
  const Model model = std::move(BuiltinModel("vlaktaks-3")).value();
  auto s = SettleYear(input, model, 2019);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  const YearData& year = *input.Year(2019);
  const std::vector<double>& key = year.keys.at("inwoners");
  double key_sum = 0;
  for (double v : key) key_sum += v;
  Money fixed_total;
  for (const CostLine& f : year.fixed_costs) fixed_total += f.cost[0];
  Money share_sum;
  for (size_t m = 0; m < key.size(); ++m) {
    const double exact = static_cast<double>(fixed_total.cents()) * key[m] / key_sum;
    // One cent of rounding per fixed bucket at most.
    EXPECT_LE(
        std::abs(static_cast<double>(s->municipalities[m].fixed_share.cents()) - exact),
        static_cast<double>(year.fixed_costs.size()))
        << s->municipalities[m].code;
    share_sum += s->municipalities[m].fixed_share;
  }
  EXPECT_EQ(share_sum, fixed_total);
}

TEST_P(PropertyTest, KeyRuleIsProportionalToTheKey) {
  const SettlementInput input = Input();
  const Model model = Parse("name = \"k\"\ndefault = \"key:jeugdigen\"\n");
  auto s = SettleYear(input, model, 2019);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  const std::vector<double>& key = input.Year(2019)->keys.at("jeugdigen");
  double key_sum = 0;
  for (double v : key) key_sum += v;
  for (const BucketSettlement& b : s->buckets) {
    if (b.kind != BucketSettlement::Kind::kCare) continue;
    for (size_t m = 0; m < key.size(); ++m) {
      const double exact = static_cast<double>(b.total.cents()) * key[m] / key_sum;
      EXPECT_LT(std::abs(static_cast<double>(b.parts[m].cents()) - exact), 1.0)
          << b.bucket << " " << s->municipalities[m].code;
    }
  }
}

TEST_P(PropertyTest, ContributionIsSharesPlusLocalCosts) {
  const SettlementInput input = Input();
  const Model model = std::move(BuiltinModel("solidair")).value();
  auto s = SettleYear(input, model, 2019);
  ASSERT_TRUE(s.ok());
  const YearData& year = *input.Year(2019);
  Money local_total;
  for (const CostLine& l : year.local_costs) {
    for (Money v : l.cost) local_total += v;
  }
  Money fixed_total;
  for (const CostLine& f : year.fixed_costs) fixed_total += f.cost[0];
  EXPECT_EQ(s->TotalContribution(), year.TotalUse(-1) + local_total + fixed_total);
}

INSTANTIATE_TEST_SUITE_P(Seeds, PropertyTest, testing::Values(1, 2, 3, 17, 123456789));

}  // namespace
}  // namespace jr::settle
