#include "report/csv_nl.h"

#include <gtest/gtest.h>

namespace jr::report {
namespace {

TEST(RenderCsvNl, DutchExcelWithRowKinds) {
  Table t;
  t.columns = {{"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
               {"year", "Jaar", ColumnType::kYear},
               {"cost_cents", "Kosten (EUR)", ColumnType::kMoney},
               {"share", "Aandeel", ColumnType::kPercent, 1},
               {"ratio", "Verhouding", ColumnType::kNumber, 2}};
  t.AddRow(
      {std::string("GM0505"), int64_t{2025}, Money::FromCents(123456789), 0.125, 1.5});
  t.AddRow(
      {std::string("=1+1;x"), int64_t{2025}, Money::FromCents(-5), 1.0, std::monostate{}},
      RowKind::kTotal);
  const std::string csv = RenderCsvNl(WithDataset(t, "demoregio, synthetische gegevens"));
  EXPECT_EQ(csv,
            "\xEF\xBB\xBF"
            "Soort;Gemeente;Jaar;Kosten (EUR);Aandeel;Verhouding;Gegevens\r\n"
            "gegevens;GM0505;2025;1234567,89;12,5%;1,50;demoregio, synthetische "
            "gegevens\r\n"
            "totaal;\"'=1+1;x\";2025;-0,05;100,0%;;demoregio, synthetische gegevens\r\n");
}

TEST(WithDataset, NoLabelNoColumn) {
  Table t;
  t.columns = {{"a", "A"}};
  t.AddRow({std::string("x")});
  EXPECT_EQ(WithDataset(t, "").columns.size(), 1u);
  EXPECT_EQ(WithDataset(t, "demo").rows[0].cells.back(), Cell(std::string("demo")));
}

}  // namespace
}  // namespace jr::report
