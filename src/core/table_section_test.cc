// Tests of the cell helpers and sections at the end of core/table.h.
#include <gtest/gtest.h>

#include "core/table.h"

namespace jr {
namespace {

Table OneColumn(const char* key, Cell cell) {
  Table t;
  t.columns = {{key, "Bedrag", ColumnType::kMoney}};
  t.AddRow({std::move(cell)});
  return t;
}

TEST(TableSectionTest, UnknownValuesAreEmptyCells) {
  EXPECT_TRUE(std::holds_alternative<std::monostate>(MoneyCell(std::nullopt)));
  EXPECT_EQ(std::get<Money>(MoneyCell(Money::FromCents(5))), Money::FromCents(5));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(FractionCell(std::nullopt)));
  EXPECT_DOUBLE_EQ(std::get<double>(FractionCell(0.25)), 0.25);
}

TEST(TableSectionTest, SeveralSectionsAreOneJsonObject) {
  std::vector<Section> s = {{"a", OneColumn("x_cents", MoneyCell(Money::FromCents(12)))},
                            {"b", OneColumn("y_cents", MoneyCell(std::nullopt))}};
  auto json = nlohmann::json::parse(RenderSections(s, OutputFormat::kJson));
  EXPECT_EQ(json["a"][0]["x_cents"], 12);
  EXPECT_TRUE(json["b"][0]["y_cents"].is_null());
  EXPECT_EQ(RenderSections(s, OutputFormat::kCsv), "x_cents\n12\n\ny_cents\n\n");
}

TEST(TableSectionTest, OneSectionRendersAsItsTable) {
  Table t = OneColumn("x_cents", MoneyCell(Money::FromCents(12)));
  for (OutputFormat f : {OutputFormat::kTable, OutputFormat::kCsv, OutputFormat::kJson}) {
    EXPECT_EQ(RenderSections({{"a", t}}, f), Render(t, f));
  }
}

}  // namespace
}  // namespace jr
