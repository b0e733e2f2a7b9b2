// Helpers shared by the rule families (rules/ only).
#pragma once

#include <algorithm>
#include <functional>
#include <span>
#include <string>
#include <utility>
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
void RunningLimit(std::span<const Declaration> all, std::span<const size_t> lines,
                  int64_t limit, int64_t* sum,
                  const std::function<int64_t(const Declaration&)>& value,
                  const std::function<void(const Declaration&, int64_t)>& over);

// Calls `visit` with each group of indices of `lines` with the same key (lines come by
// start, number), in order of key; each group in the order of `lines`. One flat
// buffer, no allocation per group (this runs for every assignment).
template <typename Key, typename Visit>
void ForEachGroup(std::span<const Declaration> lines, Key key, Visit visit) {
  std::vector<std::pair<int64_t, size_t>> keyed(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) keyed[i] = {key(lines[i]), i};
  if (!std::is_sorted(keyed.begin(), keyed.end())) std::sort(keyed.begin(), keyed.end());
  std::vector<size_t> order(lines.size());
  for (size_t i = 0; i < keyed.size(); ++i) order[i] = keyed[i].second;
  for (size_t b = 0; b < keyed.size();) {
    size_t e = b + 1;
    while (e < keyed.size() && keyed[e].first == keyed[b].first) ++e;
    visit(std::span<const size_t>(order.data() + b, e - b));
    b = e;
  }
}

}  // namespace jr::rules
