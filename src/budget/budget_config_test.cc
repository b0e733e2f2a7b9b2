#include "budget/budget_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace jr {
namespace {

using ::testing::HasSubstr;

Status ParseError(const char* text) {
  TomlSource src{"begroting.toml"};
  auto doc = ParseToml(text, src);
  if (!doc.ok()) return doc.status();
  auto cfg = ParseBudgetConfig(*doc, src);
  return cfg.ok() ? Status::Ok() : cfg.status();
}

TEST(BudgetConfigTest, MissingFirstBudgetNamesFileAndKey) {
  Status s = ParseError("[[jaar]]\njaar = 2019\nburap = 1\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().file, "begroting.toml");
  EXPECT_EQ(s.where().path, "jaar[1].begroting");
  EXPECT_THAT(s.message(), HasSubstr("ontbreekt"));
}

TEST(BudgetConfigTest, MissingYearList) {
  Status s = ParseError("indexatie = 0.02\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().path, "jaar");
}

TEST(BudgetConfigTest, YearsMustBeConsecutive) {
  Status s = ParseError("[[jaar]]\njaar = 2019\nbegroting = 1\n[[jaar]]\njaar = 2021\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().path, "jaar[2].jaar");
  EXPECT_EQ(s.where().line, 5);
  EXPECT_THAT(s.message(), HasSubstr("2021"));
}

TEST(BudgetConfigTest, YearOutOfRange) {
  Status s = ParseError("[[jaar]]\njaar = 20190\nbegroting = 1\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().path, "jaar[1].jaar");
  EXPECT_THAT(s.message(), HasSubstr("buiten het bereik"));
}

TEST(BudgetConfigTest, AmountThatIsNotAnAmount) {
  Status s = ParseError("[[jaar]]\njaar = 2019\nbegroting = \"veel\"\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().path, "jaar[1].begroting");
  EXPECT_EQ(s.where().line, 3);
}

TEST(BudgetConfigTest, TooManyDecimals) {
  Status s = ParseError("[[jaar]]\njaar = 2019\nbegroting = 1.234\n");
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("decimalen"));
}

TEST(BudgetConfigTest, SyntaxErrorHasLine) {
  Status s = ParseError("[[jaar]]\njaar = = 2019\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().file, "begroting.toml");
  EXPECT_EQ(s.where().line, 2);
}

TEST(BudgetConfigTest, ReadsOptionsAndDefaults) {
  TomlSource src{"b.toml"};
  auto doc = ParseToml(R"(
indexatie = 0.03
sleutel = "jeugdigen"
realisatie_voorgaand_jaar = "1.000,50"
[realisatie_uit_database]
lokale_kosten = true
[[jaar]]
jaar = 2019
begroting = 10
)",
                       src);
  ASSERT_TRUE(doc.ok());
  auto c = ParseBudgetConfig(*doc, src);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_DOUBLE_EQ(c->indexation, 0.03);
  EXPECT_EQ(c->key, "jeugdigen");
  EXPECT_EQ(c->realised_before, Money::FromCents(100050));
  EXPECT_TRUE(c->include_fixed_costs);
  EXPECT_TRUE(c->include_local_costs);
  EXPECT_EQ(c->years[0].amendment, Money());
}

}  // namespace
}  // namespace jr
