#include "core/date.h"

#include <gtest/gtest.h>

namespace jr {
namespace {

using namespace std::chrono;

TEST(DateTest, ParsesBothNotations) {
  EXPECT_EQ(ParseDate("2021-03-15").value(), 2021y / 3 / 15);
  EXPECT_EQ(ParseDate("15-03-2021").value(), 2021y / 3 / 15);
  // Dutch Excel writes days and months without a leading zero (issue 15 item 12).
  EXPECT_EQ(ParseDate("1-1-2015").value(), 2015y / 1 / 1);
  EXPECT_EQ(ParseDate("15-3-2021").value(), 2021y / 3 / 15);
  EXPECT_EQ(ParseDate("5-12-2021").value(), 2021y / 12 / 5);
  EXPECT_EQ(ParseMonth("2021-03").value(), 2021y / 3);
}

TEST(DateTest, RejectsNonDates) {
  for (const char* s : {"2021-02-30", "2021/03/15", "15-3-21", "", "2021-13-01",
                        "123-1-2021", "1--2021", "1-1-2021-", "30-2-2021"}) {
    EXPECT_FALSE(ParseDate(s).ok()) << s;
  }
  EXPECT_FALSE(ParseMonth("2021-13").ok());
  EXPECT_NE(ParseDate("x").status().message().find("geen datum"), std::string::npos);
}

TEST(DateTest, PeriodsAreHalfOpen) {
  Period p = Period::FromInclusive(2021y / 1 / 1, 2021y / 1 / 31);
  EXPECT_EQ(p.Days(), 31);
  EXPECT_TRUE(p.Contains(2021y / 1 / 31));
  EXPECT_FALSE(p.Contains(2021y / 2 / 1));
  EXPECT_TRUE(Period::OpenEnded(2021y / 1 / 1).Contains(2090y / 1 / 1));
}

TEST(DateTest, DayAndMonthNumbersRoundTrip) {
  Date d = 2024y / 2 / 29;
  EXPECT_EQ(FromDayNumber(DayNumber(d)), d);
  EXPECT_EQ(FromMonthIndex(MonthIndex(2024y / 12)), 2024y / 12);
  EXPECT_EQ(MonthIndex(2025y / 1) - MonthIndex(2024y / 12), 1);
  EXPECT_EQ(FormatDate(d), "2024-02-29");
}

TEST(StatusTest, FormatsLocation) {
  Status s = Status::Error("fout", {"a.csv", 3, 7, ""});
  EXPECT_EQ(s.ToString(), "a.csv:3:7: fout");
  EXPECT_EQ(Status::Error("x", {"m.toml", 0, 0, "model.regels"}).ToString(),
            "m.toml [model.regels]: x");
}

}  // namespace
}  // namespace jr
