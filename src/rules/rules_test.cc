#include <gtest/gtest.h>

#include "rules/amount_rule.h"
#include "rules/rule_set.h"

namespace jr {
namespace {

Declaration Line(int64_t volume_x100, std::optional<int64_t> tariff_cents,
                 int64_t amount_cents, Unit unit = Unit::kHour) {
  Date start = std::chrono::year(2021) / std::chrono::month(3) / std::chrono::day(1);
  std::optional<Money> tariff;
  if (tariff_cents) tariff = Money::FromCents(*tariff_cents);
  return {"D1",
          "T1",
          "12345678",
          "45",
          "45A10",
          start,
          start,
          Volume{volume_x100},
          unit,
          tariff,
          Money::FromCents(amount_cents)};
}

std::vector<Finding> Check(const Declaration& d, std::optional<int64_t> agreed = {}) {
  std::optional<Money> tariff;
  if (agreed) tariff = Money::FromCents(*agreed);
  std::vector<Finding> out;
  AmountRule().Check({d, tariff}, &out);
  return out;
}

TEST(AmountRuleTest, VolumeTimesTariffPasses) {
  EXPECT_TRUE(Check(Line(1550, 9850, 152675)).empty());   // 15,5 x 98,50 = 1.526,75
  EXPECT_TRUE(Check(Line(33, 1001, 330)).empty());        // 0,33 x 10,01 = 3,3033
  EXPECT_TRUE(Check(Line(50, 1001, 501)).empty());        // 0,5 x 10,01 = 5,005 -> 5,01
  EXPECT_TRUE(Check(Line(1550, 9850, -152675)).empty());  // a credit of the same line
}

TEST(AmountRuleTest, OtherAmountIsRejectedWithTheComputation) {
  auto f = Check(Line(1550, 9850, 152676));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, FindingStatus::kRejected);
  EXPECT_EQ(f[0].code, "volume-x-tarief");
  EXPECT_EQ(f[0].field, "amount");
  EXPECT_EQ(
      f[0].message,
      "bedrag 1.526,76 is niet gelijk aan volume x tarief (15,5 x 98,50 = 1.526,75)");
  EXPECT_EQ(Check(Line(33, 1001, 331)).size(), 1u);  // 3,31 is not 3,30
  EXPECT_EQ(Check(Line(50, 1001, 500)).size(), 1u);  // half a cent rounds up
}

TEST(AmountRuleTest, AgreedTariffWhenTheLineHasNone) {
  auto f = Check(Line(1000, std::nullopt, 99000), 9850);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message,
            "bedrag 990,00 is niet gelijk aan volume x tarief (10 x 98,50 = 985,00)");
  EXPECT_TRUE(Check(Line(1000, std::nullopt, 98500), 9850).empty());
  // The line's own tariff wins over the agreed one.
  EXPECT_TRUE(Check(Line(1000, 9900, 99000), 9850).empty());
}

TEST(AmountRuleTest, EuroLinesAreNotChecked) {
  EXPECT_EQ(Check(Line(1000, 9850, 1), 9850).size(), 1u);
  EXPECT_TRUE(Check(Line(1000, 9850, 1, Unit::kEuro), 9850).empty());
  EXPECT_TRUE(Check(Line(1000, std::nullopt, 1, Unit::kEuro)).empty());
}

TEST(AmountRuleTest, LineWithoutAnyTariffIsRejected) {
  // Issue 18.7: without a tariff any amount used to pass.
  auto f = Check(Line(1000, std::nullopt, 1));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, FindingStatus::kRejected);
  EXPECT_EQ(f[0].code, "geen-tarief");
  EXPECT_EQ(f[0].field, "amount");
  EXPECT_EQ(f[0].message,
            "bedrag 0,01 is niet te controleren: geen tarief voor 45/45A10 in 2021 "
            "(geen kolom tarief en niet in tarieven.csv)");
}

TEST(AmountRuleTest, OverflowingVolumeTimesTariffIsRejectedNotWrapped) {
  // Issue 18.7: 2^62 hundredths x 4 cents wraps to 0 in int64; the amount 0 (the
  // wrapped product) used to be accepted.
  int64_t volume = int64_t{1} << 62;
  auto f = Check(Line(volume, 4, 0));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].status, FindingStatus::kRejected);
  EXPECT_EQ(f[0].code, "volume-x-tarief");
  EXPECT_NE(f[0].message.find("is te groot"), std::string::npos) << f[0].message;
}

TEST(RuleSetTest, FindingsCarryTheLineAndTheRule) {
  std::vector<Finding> out;
  Declaration d = Line(1000, 9850, 1);
  CheckDeclarationLine({d, std::nullopt}, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].assignment, "T1");
  EXPECT_EQ(out[0].declaration, "D1");
  EXPECT_EQ(out[0].start, d.start);
  EXPECT_EQ(out[0].rule, "bedrag");
  Declaration ok = Line(1000, 9850, 98500);
  CheckDeclarationLine({ok, std::nullopt}, &out);
  EXPECT_EQ(out.size(), 1u);  // appends nothing for a good line
}

TEST(RuleSetTest, NamesAreUnique) {
  const auto& rules = CareRules();
  ASSERT_FALSE(rules.empty());
  for (size_t i = 0; i < rules.size(); ++i) {
    for (size_t j = i + 1; j < rules.size(); ++j) {
      EXPECT_NE(rules[i]->name(), rules[j]->name());
    }
  }
}

}  // namespace
}  // namespace jr
