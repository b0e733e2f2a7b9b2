// The key what-if (Model::WithKey) on every built-in model, on a two-municipality
// region whose inhabitants and young people are shared differently: A has 80% of the
// inhabitants and 50% of the young people, so moving a keyed split from inwoners to
// jeugdigen lowers A's part and raises B's. Expected contributions are computed by
// hand in the comments.
#include "settle/model.h"

#include <gtest/gtest.h>

#include <map>

#include "settle/builtin_models.h"
#include "settle/rule_registry.h"
#include "settle/settlement.h"

namespace jr::settle {
namespace {

Money Euro(int64_t euros) { return Money::FromEuros(euros); }

// A and B, 2021-2024, each year the same: care buckets ambulant (A 300.000, B 100.000)
// and verblijf (A 100.000, B 100.000); per client: A has two clients of 150.000 in
// ambulant (50.000 each above the pool threshold of 100.000) and one of 100.000 in
// verblijf, B one of 100.000 in each; fixed regional costs 10.000; local costs 5.000
// each. Keys: inwoners A 8.000, B 2.000; jeugdigen A 1.000, B 1.000.
SettlementInput TwoMunicipalities() {
  SettlementInput input;
  input.names = {{"GM0001", "A"}, {"GM0002", "B"}};
  for (int year = 2021; year <= 2024; ++year) {
    YearData& y = input.years[year];
    y.year = year;
    y.municipalities = {"GM0001", "GM0002"};
    y.buckets = {"ambulant", "verblijf"};
    y.use = {{Euro(300000), Euro(100000)}, {Euro(100000), Euro(100000)}};
    y.clients = {{2, 1}, {1, 1}};
    y.client_costs = {{0, 0, 0, Euro(150000)},
                      {1, 0, 0, Euro(150000)},
                      {2, 0, 1, Euro(100000)},
                      {3, 1, 0, Euro(100000)},
                      {4, 1, 1, Euro(100000)}};
    y.keys = {{"inwoners", {8000, 2000}}, {"jeugdigen", {1000, 1000}}};
    y.state_grant = {Money(), Money()};
    y.fixed_costs = {{"serviceorganisatie", {Euro(10000)}}};
    y.local_costs = {{"jeugdteams", {Euro(5000), Euro(5000)}}};
  }
  return input;
}

Model Builtin(const std::string& name) {
  auto m = BuiltinModel(name);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return std::move(m).value();
}

YearSettlement Settle(const SettlementInput& input, const Model& model) {
  auto s = SettleYear(input, model, 2024);
  EXPECT_TRUE(s.ok()) << model.name << ": " << s.status().ToString();
  return std::move(s).value();
}

struct Expected {
  int64_t a, b;                  // contributions under the model as built in (euro)
  int64_t swapped_a, swapped_b;  // with key jeugdigen
};

// Care 600.000 + fixed 10.000 + local 10.000 = 620.000 under every model.
const std::map<std::string, Expected> kExpected = {
    // key:inwoners on everything: care 480.000/120.000, fixed 8.000/2.000, local
    // 5.000 each. Jeugdigen: care and fixed half each.
    {"solidair", {493000, 127000, 310000, 310000}},
    // Own care 400.000/200.000; only the fixed costs move (8.000/2.000 -> 5.000/5.000).
    {"profijt", {413000, 207000, 410000, 210000}},
    // history:3 of the same years is own use again; only the fixed costs move.
    {"vlaktaks-3", {413000, 207000, 410000, 210000}},
    // ambulant own 300.000/100.000, verblijf by key 160.000/40.000 -> 100.000 each.
    {"zwaar-solidair", {473000, 147000, 410000, 210000}},
    // ambulant: own 200.000/100.000 after the 100.000 pooled, pooled 80.000/20.000 ->
    // 50.000 each; verblijf own (nothing above 100.000); fixed as above.
    {"pool-100k", {393000, 227000, 360000, 260000}},
    // 2024 is 0.5*key:inwoners + 0.5*own: ambulant key half 160.000/40.000 (-> 100.000
    // each), own half 150.000/50.000; verblijf key half 80.000/20.000 (-> 50.000 each),
    // own half 50.000/50.000; fixed as above.
    {"ingroei-profijt", {453000, 167000, 360000, 260000}},
};

TEST(ModelWithKey, EveryBuiltinModelIsCovered) {
  for (const std::string& name : BuiltinModelNames()) {
    EXPECT_TRUE(kExpected.contains(name)) << name << " has no expected key swap";
  }
}

TEST(ModelWithKey, SwapsTheKeyOfEveryRuleOfEveryBuiltinModel) {
  const SettlementInput input = TwoMunicipalities();
  for (const std::string& name : BuiltinModelNames()) {
    SCOPED_TRACE(name);
    const Expected& e = kExpected.at(name);
    const Model model = Builtin(name);
    const Model swapped = model.WithKey("jeugdigen");
    EXPECT_EQ(swapped.name, model.name);
    const YearSettlement before = Settle(input, model);
    const YearSettlement after = Settle(input, swapped);
    ASSERT_EQ(before.municipalities.size(), 2u);
    ASSERT_EQ(after.municipalities.size(), 2u);
    EXPECT_EQ(before.municipalities[0].contribution, Euro(e.a));
    EXPECT_EQ(before.municipalities[1].contribution, Euro(e.b));
    EXPECT_EQ(after.municipalities[0].contribution, Euro(e.swapped_a));
    EXPECT_EQ(after.municipalities[1].contribution, Euro(e.swapped_b));
    // A has the larger share of inhabitants: it pays less by young people, B more.
    EXPECT_LT(after.municipalities[0].contribution,
              before.municipalities[0].contribution);
    EXPECT_GT(after.municipalities[1].contribution,
              before.municipalities[1].contribution);
    EXPECT_EQ(after.TotalContribution(), before.TotalContribution());
    // Parts settled without a key (own, history, local costs) stay as they were.
    ASSERT_EQ(after.buckets.size(), before.buckets.size());
    for (size_t b = 0; b < after.buckets.size(); ++b) {
      const std::string& rule = before.buckets[b].rule;
      if (rule.find("key:") != std::string::npos ||
          rule.find("pool:") != std::string::npos) {
        // Whatever is split by the key moves from A to B (a pool may hold nothing).
        EXPECT_EQ(after.buckets[b].rule.find("inwoners"), std::string::npos) << rule;
        EXPECT_LE(after.buckets[b].parts[0], before.buckets[b].parts[0]) << rule;
        EXPECT_GE(after.buckets[b].parts[1], before.buckets[b].parts[1]) << rule;
      } else {
        EXPECT_EQ(after.buckets[b].rule, rule);
        EXPECT_EQ(after.buckets[b].parts, before.buckets[b].parts)
            << before.buckets[b].bucket;
      }
    }
  }
}

TEST(ModelWithKey, SwappedRulesNameTheKeyAndParseBack) {
  for (const std::string& name : BuiltinModelNames()) {
    const Model swapped = Builtin(name).WithKey("jeugdigen");
    std::vector<const RuleBinding*> bindings = {&swapped.default_rule,
                                                &swapped.fixed_rule};
    for (const auto& [bucket, b] : swapped.bucket_rules) bindings.push_back(&b);
    for (const RuleBinding* b : bindings) {
      const std::string text = b->rule->name();
      EXPECT_EQ(text.find("inwoners"), std::string::npos) << name << ": " << text;
      auto again = ParseRule(text);
      ASSERT_TRUE(again.ok()) << name << ": " << text;
      EXPECT_EQ((*again)->name(), text);
    }
  }
}

TEST(ModelWithKey, KeepsWhereEachRuleWasWritten) {
  const Model model = Builtin("zwaar-solidair");
  const Model swapped = model.WithKey("jeugdigen");
  EXPECT_EQ(swapped.description, model.description);
  EXPECT_EQ(swapped.default_rule.where.path, "default");
  ASSERT_TRUE(swapped.bucket_rules.contains("verblijf"));
  EXPECT_EQ(swapped.bucket_rules.at("verblijf").where.path, "buckets.verblijf");
  EXPECT_EQ(swapped.bucket_rules.at("verblijf").where.line,
            model.bucket_rules.at("verblijf").where.line);
  EXPECT_EQ(swapped.ForBucket("verblijf").rule->name(), "key:jeugdigen");
  EXPECT_EQ(swapped.ForBucket("ambulant").rule->name(), "own");
}

}  // namespace
}  // namespace jr::settle
