#include "core/table.h"

#include <gtest/gtest.h>

namespace jr {
namespace {

Table Sample() {
  Table t;
  t.title = "Titel";
  t.columns = {{"municipality", "Gemeente"},
               {"cost_cents", "Kosten (EUR)", ColumnType::kMoney},
               {"share", "Aandeel", ColumnType::kPercent, 1},
               {"n", "Aantal", ColumnType::kInt}};
  t.AddRow({std::string("GM0505"), Money::FromCents(123456789), 0.1234, int64_t{1234}});
  t.AddRow({std::string("GM, \"x\""), Money::FromCents(-50), std::monostate{}, int64_t{0}});
  return t;
}

TEST(TableTest, TextIsDutchAndAligned) {
  std::string text = RenderText(Sample());
  EXPECT_NE(text.find("Titel\n"), std::string::npos);
  EXPECT_NE(text.find("1.234.568"), std::string::npos);  // whole euros
  EXPECT_NE(text.find("12,3%"), std::string::npos);
  EXPECT_NE(text.find("1.234"), std::string::npos);
}

TEST(TableTest, CsvAndJsonUseKeysAndCents) {
  std::string csv = RenderCsv(Sample());
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "municipality,cost_cents,share,n");
  EXPECT_NE(csv.find("GM0505,123456789,0.1234,1234"), std::string::npos);
  EXPECT_NE(csv.find("\"GM, \"\"x\"\"\",-50,,0"), std::string::npos);
  nlohmann::json j = ToJson(Sample());
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["cost_cents"], 123456789);
  EXPECT_TRUE(j[1]["share"].is_null());
}

TEST(TableTest, FormatNumber) {
  EXPECT_EQ(FormatNumber(1234567.891, 2), "1.234.567,89");
  EXPECT_EQ(FormatNumber(-0.001, 1), "0,0");
  EXPECT_EQ(FormatNumber(-1500, 0), "-1.500");
}

}  // namespace
}  // namespace jr
