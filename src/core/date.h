// Civil dates, months and half-open periods.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/status.h"

namespace jr {

using Date = std::chrono::year_month_day;
using Month = std::chrono::year_month;

// Parses "YYYY-MM-DD" or Dutch "DD-MM-YYYY", day and month also with one digit as
// Dutch Excel writes them ("1-1-2015"). Dutch error naming the value otherwise.
Result<Date> ParseDate(std::string_view text);
// Parses "YYYY-MM".
Result<Month> ParseMonth(std::string_view text);
// "YYYY-MM-DD" / "YYYY-MM".
std::string FormatDate(Date d);
std::string FormatMonth(Month m);

// Days since 1970-01-01 (for storage and arithmetic).
inline int DayNumber(Date d) {
  return std::chrono::sys_days(d).time_since_epoch().count();
}
inline Date FromDayNumber(int n) {
  return Date(std::chrono::sys_days(std::chrono::days(n)));
}
inline Date NextDay(Date d) { return FromDayNumber(DayNumber(d) + 1); }
inline Date FirstOfMonth(Month m) { return m / std::chrono::day(1); }
// Months since 0000-01 (for storage and arithmetic).
inline int MonthIndex(Month m) {
  return static_cast<int>(m.year()) * 12 + static_cast<int>(unsigned(m.month())) - 1;
}
inline Month FromMonthIndex(int i) {
  return std::chrono::year(i / 12) / std::chrono::month(unsigned(i % 12 + 1));
}

// A half-open period [start, end). `end` empty means open-ended.
struct Period {
  Date start;
  Date end;  // exclusive; meaningful only if bounded
  bool bounded = true;

  // From an inclusive last day, as in the CSV files and iJw.
  static Period FromInclusive(Date first, Date last) {
    return {first, NextDay(last), true};
  }
  static Period OpenEnded(Date first) { return {first, Date{}, false}; }

  bool Contains(Date d) const { return d >= start && (!bounded || d < end); }
  // Days in [start, end); REQUIRES: bounded.
  int Days() const { return DayNumber(end) - DayNumber(start); }
};

}  // namespace jr
