#include "budget/path_forecast.h"

#include <gtest/gtest.h>

namespace jr {
namespace {

Money E(int64_t euros) { return Money::FromCents(euros * 100); }

TEST(PathForecastTest, OverlappingYearsWithFixedCostsAndGap) {
  std::vector<PathRow> path(2);
  path[0].year = 2021;
  path[0].annual_cost = E(100);
  path[1].year = 2022;
  path[1].annual_cost = E(90);
  std::map<int, ForecastYear> forecast = {{2022, {E(80), E(70), E(95), 6}},
                                          {2023, {E(85), E(75), E(99), 12}}};
  std::map<int, Money> fixed = {{2022, E(5)}};
  Table t = PathForecastTable(path, forecast, fixed);
  ASSERT_EQ(t.rows.size(), 1u);  // only 2022 is in both
  const auto& row = t.rows[0];
  EXPECT_EQ(std::get<int64_t>(row[0]), 2022);
  EXPECT_EQ(std::get<int64_t>(row[1]), 6);
  EXPECT_EQ(std::get<Money>(row[4]), E(85));  // 80 care + 5 fixed
  EXPECT_EQ(std::get<Money>(row[5]), E(75));
  EXPECT_EQ(std::get<Money>(row[7]), E(-5));  // 85 - 90: below the path
}

TEST(PathForecastTest, UnknownFixedCostsAreLeftEmpty) {
  std::vector<PathRow> path(1);
  path[0].year = 2024;
  path[0].annual_cost = E(10);
  Table t = PathForecastTable(path, {{2024, {E(12), E(11), E(13), 12}}}, {});
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(t.rows[0][3]));
  EXPECT_EQ(std::get<Money>(t.rows[0][7]), E(2));
}

}  // namespace
}  // namespace jr
