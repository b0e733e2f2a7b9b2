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
  t.AddRow(
      {std::string("GM, \"x\""), Money::FromCents(-50), std::monostate{}, int64_t{0}});
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

TEST(TableTest, JsonSurvivesTextThatIsNotUtf8) {
  Table t;
  t.columns = {{"name", "Naam"}};
  for (const char* bad : {"\xED\xA0\x80", "\xC0\x80", "\xF5\x80\x80\x80", "a\xFF"})
    t.AddRow({std::string(bad)});
  std::string json = Render(t, OutputFormat::kJson);
  EXPECT_NE(json.find("\xEF\xBF\xBD"), std::string::npos) << json;
  EXPECT_NO_THROW(nlohmann::json::parse(json));
  EXPECT_NO_THROW(RenderSections({{"a", t}, {"b", t}}, OutputFormat::kJson));
}

TEST(TableTest, CsvPrefixesFormulaTextButNotNumbers) {
  // Issue 18.12: `=2+5|cmd!A0` was written as is and ran as a formula in a spreadsheet.
  Table t;
  t.columns = {{"name", "Naam"},
               {"cost_cents", "Kosten (EUR)", ColumnType::kMoney},
               {"n", "Aantal", ColumnType::kInt},
               {"share", "Aandeel", ColumnType::kPercent, 1}};
  for (const char* text : {"=2+5|cmd!A0", "+31", "-1", "@SUM(A1)", "\tx", "\rx", "a=b"}) {
    t.AddRow({std::string(text), Money::FromCents(-50), int64_t{-3}, -0.5});
  }
  std::string csv = RenderCsv(t);
  EXPECT_EQ(csv,
            "name,cost_cents,n,share\n"
            "'=2+5|cmd!A0,-50,-3,-0.5\n"
            "'+31,-50,-3,-0.5\n"
            "'-1,-50,-3,-0.5\n"
            "'@SUM(A1),-50,-3,-0.5\n"
            "'\tx,-50,-3,-0.5\n"
            "\"'\rx\",-50,-3,-0.5\n"
            "a=b,-50,-3,-0.5\n");
}

// A table with roles and kinds: two municipalities and their total.
Table WithTotal() {
  Table t;
  t.columns = {{"code", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
               {"n", "Aantal", ColumnType::kInt, ColumnRole::kClientCount},
               {"share", "Aandeel", ColumnType::kPercent, 1}};
  t.AddRow({std::string("GM0505"), int64_t{3}, 0.25});
  t.AddRow({std::string("GM1963"), int64_t{9}, 0.75});
  t.AddRow({std::string("Samen"), int64_t{12}, 1.0}, RowKind::kTotal);
  return t;
}

TEST(TableTest, ColumnsCarryTheirRole) {
  const Table t = WithTotal();
  EXPECT_EQ(t.columns[0].role, ColumnRole::kMunicipality);
  EXPECT_EQ(t.columns[1].role, ColumnRole::kClientCount);
  EXPECT_EQ(t.columns[1].type, ColumnType::kInt);
  EXPECT_EQ(t.columns[2].role, ColumnRole::kNone);
  EXPECT_EQ(t.columns[2].decimals, 1);
  EXPECT_EQ(t.ColumnWith(ColumnRole::kClientCount), 1u);
  EXPECT_EQ(t.ColumnWith(ColumnRole::kMunicipality), 0u);
  EXPECT_FALSE(Sample().ColumnWith(ColumnRole::kMunicipality).has_value())
      << "a column keyed municipality has no role unless it is given one";
}

TEST(TableTest, RowsKeepTheirKindWhenAddedCopiedAndFiltered) {
  const Table t = WithTotal();
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].kind, RowKind::kDetail);
  EXPECT_EQ(t.rows[2].kind, RowKind::kTotal);
  const Table copy = t;
  EXPECT_EQ(copy.rows[2].kind, RowKind::kTotal);
  EXPECT_EQ(copy.rows[2][1], Cell(int64_t{12}));

  const Table odd =
      t.Filter([](const Row& r) { return std::get<int64_t>(r[1]) % 2 == 1; });
  ASSERT_EQ(odd.rows.size(), 2u);
  EXPECT_EQ(odd.rows[0][0], Cell(std::string("GM0505")));
  EXPECT_EQ(odd.rows[0].kind, RowKind::kDetail);
  EXPECT_EQ(odd.rows[1][0], Cell(std::string("GM1963")));
  const Table totals = t.Filter([](const Row& r) { return r.kind == RowKind::kTotal; });
  ASSERT_EQ(totals.rows.size(), 1u);
  EXPECT_EQ(totals.rows[0][0], Cell(std::string("Samen")));
  EXPECT_EQ(totals.columns[0].role, ColumnRole::kMunicipality);
  EXPECT_EQ(totals.columns.size(), 3u);
}

TEST(TableTest, KindAndRoleAreNotPrinted) {
  Table detail = WithTotal();
  detail.rows[2].kind = RowKind::kDetail;
  for (OutputFormat f : {OutputFormat::kTable, OutputFormat::kCsv, OutputFormat::kJson}) {
    EXPECT_EQ(Render(WithTotal(), f), Render(detail, f));
  }
  EXPECT_EQ(RenderCsv(WithTotal()),
            "code,n,share\nGM0505,3,0.25\nGM1963,9,0.75\nSamen,12,1\n");
}

TEST(TableTest, FormatNumber) {
  EXPECT_EQ(FormatNumber(1234567.891, 2), "1.234.567,89");
  EXPECT_EQ(FormatNumber(-0.001, 1), "0,0");
  EXPECT_EQ(FormatNumber(-1500, 0), "-1.500");
}

}  // namespace
}  // namespace jr
