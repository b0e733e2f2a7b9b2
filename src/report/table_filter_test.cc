#include "report/table_filter.h"

#include <gtest/gtest.h>

namespace jr::report {
namespace {

Table UseLike() {
  Table t;
  t.columns = {
      {"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
      {"clients", "Cliënten", ColumnType::kInt, ColumnRole::kClientCount},
      {"active_mean", "Lopend gem.", ColumnType::kNumber, 0, ColumnRole::kClientCount},
      {"cost_cents", "Kosten", ColumnType::kMoney}};
  t.AddRow({std::string("GM0505"), int64_t{3}, 4.6, Money::FromCents(300)});
  t.AddRow({std::string("GM1963"), int64_t{5}, 0.0, Money::FromCents(2)});
  return t;
}

TEST(SuppressSmallCounts, ReplacesCountsBelowFiveOnly) {
  Table t = SuppressSmallCounts(UseLike());
  EXPECT_EQ(t.rows[0][0], Cell(std::string("GM0505")));  // who, not how much
  EXPECT_EQ(t.rows[0][1], Cell(std::string("<5")));
  EXPECT_EQ(t.rows[0][2], Cell(std::string("<5")));
  // The cost of fewer than five clients is suppressed with them (issue 15 item 10).
  EXPECT_EQ(t.rows[0][3], Cell(std::string("x")));
  EXPECT_EQ(t.rows[1][1], Cell(int64_t{5}));
  EXPECT_EQ(t.rows[1][3], Cell(Money::FromCents(2)));  // five clients: published
  EXPECT_EQ(t.rows[1][2], Cell(0.0));                  // zero says nothing about a person
  ASSERT_EQ(t.notes.size(), 1u);
}

TEST(SuppressSmallCounts, NoNoteWhenNothingIsSuppressed) {
  Table t = UseLike();
  t.rows.erase(t.rows.begin());
  EXPECT_TRUE(SuppressSmallCounts(t).notes.empty());
}

TEST(SuppressSmallCounts, FindsCountsByRoleNotByKey) {
  Table t;
  t.columns = {
      {"jongeren_in_zorg", "In zorg", ColumnType::kInt, ColumnRole::kClientCount},
      {"clients", "Klantnummer", ColumnType::kInt},
      {"running", "Lopend", ColumnType::kInt}};
  t.AddRow({int64_t{2}, int64_t{3}, int64_t{4}});
  t = SuppressSmallCounts(std::move(t));
  EXPECT_EQ(t.rows[0][0], Cell(std::string("<5")));
  // A column keyed clients is no count by its key: not "<5", but as another figure
  // of a row of fewer than five clients it is suppressed ("x").
  EXPECT_EQ(t.rows[0][1], Cell(std::string("x")));
  EXPECT_EQ(t.rows[0][2], Cell(std::string("x")));
  EXPECT_EQ(t.notes.size(), 1u);
}

TEST(RowsOf, KeepsTheRowsOfOneMunicipality) {
  Table t = RowsOf(UseLike(), "GM1963");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0][1], Cell(int64_t{5}));
  EXPECT_TRUE(RowsWhere(UseLike(), "onbekend", "x").rows.empty());
  EXPECT_EQ(RowsWhere(UseLike(), "municipality", "GM0505").rows.size(), 1u);
}

TEST(RowsOf, FindsTheMunicipalityColumnByRoleNotByKey) {
  Table t;
  t.columns = {{"municipality", "Naam"},
               {"code", "Code", ColumnType::kText, ColumnRole::kMunicipality}};
  t.AddRow({std::string("GM0505"), std::string("GM1963")});
  t.AddRow({std::string("GM1963"), std::string("GM0505")});
  const Table own = RowsOf(t, "GM0505");
  ASSERT_EQ(own.rows.size(), 1u);
  EXPECT_EQ(own.rows[0][0], Cell(std::string("GM1963")));
  Table unmarked = t;
  unmarked.columns[1].role = ColumnRole::kNone;
  EXPECT_TRUE(RowsOf(unmarked, "GM0505").rows.empty());
}

TEST(TotalRows, FindsTotalsByKindNotByText) {
  Table t = UseLike();
  t.AddRow({std::string("Alle gemeenten"), int64_t{8}, 4.6, Money::FromCents(302)},
           RowKind::kTotal);
  t.AddRow({std::string("REGIO"), int64_t{1}, 0.0, Money()});  // a detail row by kind
  const Table totals = TotalRows(t);
  ASSERT_EQ(totals.rows.size(), 1u);
  EXPECT_EQ(totals.rows[0][0], Cell(std::string("Alle gemeenten")));
  EXPECT_EQ(totals.rows[0].kind, RowKind::kTotal);
  const Table details = DetailRows(t);
  ASSERT_EQ(details.rows.size(), 3u);
  EXPECT_EQ(details.rows[2][0], Cell(std::string("REGIO")));
  // Suppression keeps the kind of every row.
  EXPECT_EQ(SuppressSmallCounts(t).rows[2].kind, RowKind::kTotal);
}

}  // namespace
}  // namespace jr::report
