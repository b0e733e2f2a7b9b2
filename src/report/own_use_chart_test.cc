// OwnUseChart (sections.h): the municipality page's chart in euro, values by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "report/sections.h"
#include "report/svg_chart.h"

namespace jr::report {
namespace {

settle::YearSettlement Year(int year, int64_t care, int64_t local, int64_t fixed,
                            int64_t grant) {
  settle::MunicipalitySettlement s;
  s.code = "GM0505";
  s.name = "Dordrecht";
  s.declared_use = Money::FromCents(care);
  s.local_costs = Money::FromCents(local);
  s.fixed_share = Money::FromCents(fixed);
  s.own_use = Money::FromCents(care + local + fixed);
  s.state_grant = Money::FromCents(grant);
  settle::YearSettlement y;
  y.model = "profijt";
  y.year = year;
  y.municipalities.push_back(s);
  return y;
}

Table Forecast() {
  Table t;
  t.columns = {{"period", "Jaar", ColumnType::kYear},
               {"months", "Mnd", ColumnType::kInt},
               {"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
               {"group", "Groep"},
               {"cost_p10_cents", "P10", ColumnType::kMoney},
               {"cost_p50_cents", "P50", ColumnType::kMoney},
               {"cost_p90_cents", "P90", ColumnType::kMoney}};
  auto money = [](int64_t euros) { return Money::FromCents(euros * 100); };
  t.AddRow({int64_t{2026}, int64_t{12}, std::string("GM0505"), std::string("alle"),
            money(900), money(1000), money(1200)});
  t.AddRow({int64_t{2026}, int64_t{12}, std::string("GM0505"), std::string("ambulant"),
            money(1), money(2), money(3)});
  t.AddRow({int64_t{2026}, int64_t{12}, std::string("GM0590"), std::string("alle"),
            money(5), money(6), money(7)});
  t.AddRow({int64_t{2027}, int64_t{6}, std::string("GM0505"), std::string("alle"),
            money(400), money(500), money(600)});
  return t;
}

TEST(OwnUseChart, HistoryForecastAndBudgetInEuro) {
  Municipality m;
  m.code = "GM0505";
  m.name = "Dordrecht";
  // 2025: care 800 + local 100 + fixed 50 = own use 950 euro; grant 1000 euro.
  const std::vector<settle::YearSettlement> settled = {
      Year(2024, 70000, 10000, 5000, 90000), Year(2025, 80000, 10000, 5000, 100000)};
  const Chart c = OwnUseChart(m, settled, Forecast());
  ASSERT_EQ(c.kind, Chart::Kind::kFan);
  EXPECT_EQ(c.unit, "EUR");
  // 2027 covers 6 months only: left out.
  ASSERT_EQ(c.categories, (std::vector<std::string>{"2024", "2025", "2026"}));
  ASSERT_EQ(c.series.size(), 5u);
  const auto& own = c.series[3].values;
  EXPECT_DOUBLE_EQ(own[0], 850);
  EXPECT_DOUBLE_EQ(own[1], 950);
  EXPECT_TRUE(std::isnan(own[2]));
  // 2026: the forecast care plus the 150 euro of local and fixed costs of 2025.
  EXPECT_DOUBLE_EQ(c.series[0].values[2], 1050);
  EXPECT_DOUBLE_EQ(c.series[1].values[2], 1150);
  EXPECT_DOUBLE_EQ(c.series[2].values[2], 1350);
  // The band starts at the last own use; none before it.
  EXPECT_DOUBLE_EQ(c.series[1].values[1], 950);
  EXPECT_TRUE(std::isnan(c.series[1].values[0]));
  EXPECT_DOUBLE_EQ(c.series[4].values[0], 900);
  EXPECT_TRUE(c.series[4].dashed);
  // Drawn with the axis from zero and the budget dashed.
  const std::string svg = RenderSvg(c);
  EXPECT_NE(svg.find(">0<"), std::string::npos) << svg;
  EXPECT_NE(svg.find("stroke-dasharray=\"6 4\""), std::string::npos);
}

TEST(OwnUseChart, NoSettledYearGivesNoData) {
  Municipality m;
  m.code = "GM0590";
  EXPECT_NE(RenderSvg(OwnUseChart(m, {Year(2025, 1, 1, 1, 1)}, Forecast()))
                .find("geen gegevens"),
            std::string::npos);
}

}  // namespace
}  // namespace jr::report
