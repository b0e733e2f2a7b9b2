// Helpers shared by the rule families (rules/ only).
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "care/assignment.h"
#include "core/date.h"

namespace jr::rules {

inline bool IsCredit(const Declaration& d) { return d.amount < Money(); }
// Days in the line's period [start, end).
inline int64_t Days(const Declaration& d) {
  return DayNumber(d.end) - DayNumber(d.start);
}
inline Date LastDay(const Declaration& d) { return FromDayNumber(DayNumber(d.end) - 1); }
// Day number of the Monday of the ISO week of `day` (1970-01-01 was a Thursday).
inline int IsoMonday(int day) { return day - ((day % 7 + 7 + 3) % 7); }
// "12-03-2021 t/m 31-03-2021"
std::string PeriodText(const Declaration& d);

// Runs a running sum over `lines` (indices into `all`, in the order to apply them):
// credits first (they make room), then debits; a debit that takes the sum above
// `limit` is reported with `over(line, sum_with_it)` and does not count (a rejected
// line is not paid). `value` is the line's magnitude (volume or amount, >= 0).
void RunningLimit(std::span<const Declaration> all, const std::vector<size_t>& lines,
                  int64_t limit, int64_t* sum,
                  const std::function<int64_t(const Declaration&)>& value,
                  const std::function<void(const Declaration&, int64_t)>& over);

// Groups of indices of `lines` with the same key (lines come by start, number), in
// order of key; each group in the order of `lines`.
std::vector<std::vector<size_t>> GroupBy(
    std::span<const Declaration> lines,
    const std::function<int64_t(const Declaration&)>& key);

}  // namespace jr::rules
