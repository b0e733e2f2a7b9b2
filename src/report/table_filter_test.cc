#include "report/table_filter.h"

#include <gtest/gtest.h>

namespace jr::report {
namespace {

Table UseLike() {
  Table t;
  t.columns = {{"municipality", "Gemeente"},
               {"clients", "Cliënten", ColumnType::kInt},
               {"active_mean", "Lopend gem.", ColumnType::kNumber, 0},
               {"cost_cents", "Kosten", ColumnType::kMoney}};
  t.AddRow({std::string("GM0505"), int64_t{3}, 4.6, Money::FromCents(300)});
  t.AddRow({std::string("GM1963"), int64_t{5}, 0.0, Money::FromCents(2)});
  return t;
}

TEST(SuppressSmallCounts, ReplacesCountsBelowFiveOnly) {
  Table t = SuppressSmallCounts(UseLike());
  EXPECT_EQ(t.rows[0][1], Cell(std::string("<5")));
  EXPECT_EQ(t.rows[0][2], Cell(std::string("<5")));
  EXPECT_EQ(t.rows[0][3], Cell(Money::FromCents(300)));  // money is not a count
  EXPECT_EQ(t.rows[1][1], Cell(int64_t{5}));
  EXPECT_EQ(t.rows[1][2], Cell(0.0));  // zero says nothing about a person
  ASSERT_EQ(t.notes.size(), 1u);
}

TEST(SuppressSmallCounts, NoNoteWhenNothingIsSuppressed) {
  Table t = UseLike();
  t.rows.erase(t.rows.begin());
  EXPECT_TRUE(SuppressSmallCounts(t).notes.empty());
}

TEST(RowsOf, KeepsTheRowsOfOneMunicipality) {
  Table t = RowsOf(UseLike(), "GM1963");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0][1], Cell(int64_t{5}));
  EXPECT_TRUE(RowsWhere(UseLike(), "onbekend", "x").rows.empty());
}

}  // namespace
}  // namespace jr::report
