#include "budget/target_path.h"

#include <gtest/gtest.h>

#include "budget/budget_config.h"

namespace jr {
namespace {

Money M(double millions) { return Money::FromCents(RoundCents(millions * 1e8)); }

// Every column of the seed 004 table, to the cent.
// The demo file runs on to the last year of data (2025) without a new target: those
// years keep the annual cost of 2022.
void ExpectSeed004Table(const std::vector<PathRow>& p) {
  ASSERT_GE(p.size(), 4u);
  for (size_t i = 4; i < p.size(); ++i) {
    EXPECT_EQ(p[i].annual_cost, M(100.0)) << p[i].year;
    EXPECT_EQ(p[i].target, Money()) << p[i].year;
  }
  struct Expected {
    int year;
    double budget, amendment, target, annual, state, to_region;
  };
  const Expected want[] = {{2019, 104.5, 10.2, 0, 114.7, 12, 102.7},
                           {2020, 114.7, 0, -5, 109.7, 9.5, 100.2},
                           {2021, 109.7, 0, -5, 104.7, 9.5, 95.2},
                           {2022, 104.7, 0, -4.7, 100.0, 0, 100.0}};
  for (size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(want[i].year);
    EXPECT_EQ(p[i].year, want[i].year);
    EXPECT_EQ(p[i].budget, M(want[i].budget));
    EXPECT_EQ(p[i].amendment, M(want[i].amendment));
    EXPECT_EQ(p[i].target, M(want[i].target));
    EXPECT_EQ(p[i].annual_cost, M(want[i].annual));
    EXPECT_EQ(p[i].cost_to_region, M(want[i].to_region));
    if (i < 3) {
      EXPECT_EQ(p[i].state_contribution, M(want[i].state));
    }
  }
  EXPECT_FALSE(p[3].state_contribution.has_value());  // "??" in the seed
}

// Seed 004, "Financieel kader met tabel": inputs only (start budget, amendment,
// targets, state contribution); the other columns must follow from the relations.
TEST(TargetPathTest, ReproducesSeed004Table) {
  const char* text = R"(
[[jaar]]
jaar = 2019
begroting = 104_500_000
burap = 10_200_000
bijdrage_rijk = 12_000_000
[[jaar]]
jaar = 2020
taakstelling = -5_000_000
bijdrage_rijk = 9_500_000
[[jaar]]
jaar = 2021
taakstelling = -5_000_000
bijdrage_rijk = 9_500_000
[[jaar]]
jaar = 2022
taakstelling = "-4.700.000"
)";
  TomlSource src{"begroting.toml"};
  auto doc = ParseToml(text, src);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  auto cfg = ParseBudgetConfig(*doc, src);
  ASSERT_TRUE(cfg.ok()) << cfg.status().ToString();
  ExpectSeed004Table(ComputeTargetPath(cfg->years));
}

// The demo region's shipped input file (data/demo/begroting.toml, written by
// `jeugdregio demo`) gives the same table; ctest runs from the source root.
TEST(TargetPathTest, DemoFileReproducesSeed004Table) {
  auto cfg = LoadBudgetConfig("data/demo/begroting.toml");
  ASSERT_TRUE(cfg.ok()) << cfg.status().ToString();
  ExpectSeed004Table(ComputeTargetPath(cfg->years));
}

TEST(TargetPathTest, LaterBudgetRebasesThePath) {
  std::vector<BudgetYear> years(3);
  years[0] = {.year = 2020, .budget = Money::FromEuros(100)};
  years[1] = {
      .year = 2021, .budget = Money::FromEuros(150), .target = Money::FromEuros(-10)};
  years[2] = {.year = 2022, .amendment = Money::FromEuros(3)};
  std::vector<PathRow> p = ComputeTargetPath(years);
  EXPECT_EQ(p[1].budget, Money::FromEuros(150));
  EXPECT_EQ(p[1].annual_cost, Money::FromEuros(140));
  EXPECT_EQ(p[2].budget, Money::FromEuros(140));
  EXPECT_EQ(p[2].annual_cost, Money::FromEuros(143));
}

}  // namespace
}  // namespace jr
