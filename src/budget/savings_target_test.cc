#include "budget/savings_target.h"

#include <gtest/gtest.h>

namespace jr {
namespace {

std::vector<BudgetYear> Seed004Path() {
  std::vector<BudgetYear> p(4);
  p[0] = {.year = 2019,
          .budget = Money::FromEuros(104500000),
          .amendment = Money::FromEuros(10200000)};
  p[1] = {.year = 2020, .target = Money::FromEuros(-5000000)};
  p[2] = {.year = 2021, .target = Money::FromEuros(-5000000)};
  p[3] = {.year = 2022, .target = Money::FromEuros(-4700000)};
  return p;
}

TEST(SavingsTargetTest, CumulativeTargetOfThePath) {
  auto t = CumulativeTarget(Seed004Path(), {2018, 2019, 2020, 2021, 2022, 2024}, 0.0);
  EXPECT_FALSE(t.contains(2018));
  EXPECT_EQ(t.at(2019), Money());
  EXPECT_EQ(t.at(2020), Money::FromEuros(5000000));
  EXPECT_EQ(t.at(2021), Money::FromEuros(10000000));
  EXPECT_EQ(t.at(2022), Money::FromEuros(14700000));
  EXPECT_EQ(t.at(2024), Money::FromEuros(14700000));  // stays at the level reached
}

TEST(SavingsTargetTest, AutonomousGrowthAddsToTheTarget) {
  auto t = CumulativeTarget(Seed004Path(), {2020, 2021}, 0.05);
  // 114.7 million grows 5% to 120.435 million: 5.735 million more to save in 2020.
  EXPECT_EQ(t.at(2020), Money::FromEuros(5000000 + 5735000));
  EXPECT_EQ(t.at(2021),
            Money::FromEuros(10000000) +
                Money::FromCents(RoundCents(11470000000.0 * (1.05 * 1.05 - 1))));
}

TEST(SavingsTargetTest, TableAndBudgetFileExcludeEachOther) {
  TomlSource src{"x.toml"};
  auto doc = ParseToml("begroting = \"b.toml\"\n[taakstelling]\n2021 = 1\n", src);
  ASSERT_TRUE(doc.ok());
  auto r = ReadSavingsTarget(*doc, src, {2021});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().where().path, "begroting");
}

TEST(SavingsTargetTest, MissingBudgetFileNamesTheFile) {
  TomlSource src{"/tmp/dir/x.toml"};
  auto doc = ParseToml("begroting = \"bestaat-niet.toml\"\n", src);
  ASSERT_TRUE(doc.ok());
  auto r = ReadSavingsTarget(*doc, src, {2021});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().where().file, "/tmp/dir/bestaat-niet.toml");
}

TEST(SavingsTargetTest, TableYearsMustBeTheFilesYears) {
  TomlSource src{"maatregelen.toml"};
  auto doc = ParseToml("jaren = [2020, 2021]\n[taakstelling]\n2030 = 5_000_000\n", src);
  ASSERT_TRUE(doc.ok());
  auto r = ReadSavingsTarget(*doc, src, {2020, 2021});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().where().path, "taakstelling.2030");
  EXPECT_EQ(r.status().where().line, 3);
}

TEST(SavingsTargetTest, LoadsTheTargetOfTheDemoAgenda) {
  // agenda.toml: jaren 2021-2025, begroting = "begroting.toml" (seed 004's path, no
  // growth, no new target after 2022): 10 million by 2021, 14.7 million from 2022 on.
  auto t = LoadSavingsTarget("data/demo/agenda.toml");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(*t, (std::map<int, Money>{{2021, Money::FromEuros(10000000)},
                                      {2022, Money::FromEuros(14700000)},
                                      {2023, Money::FromEuros(14700000)},
                                      {2024, Money::FromEuros(14700000)},
                                      {2025, Money::FromEuros(14700000)}}));
  auto none = LoadSavingsTarget("data/demo/bestaat-niet.toml");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().where().file, "data/demo/bestaat-niet.toml");
}

}  // namespace
}  // namespace jr
