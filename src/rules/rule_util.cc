#include "rules/rule_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace jr::rules {

std::string PeriodText(const Declaration& d) {
  return fmt::format("{} t/m {}", FormatDate(d.start), FormatDate(LastDay(d)));
}

void RunningLimit(std::span<const Declaration> all, const std::vector<size_t>& lines,
                  int64_t limit, int64_t* sum,
                  const std::function<int64_t(const Declaration&)>& value,
                  const std::function<void(const Declaration&, int64_t)>& over) {
  for (size_t i : lines) {
    if (IsCredit(all[i])) *sum -= value(all[i]);
  }
  for (size_t i : lines) {
    const Declaration& d = all[i];
    if (IsCredit(d)) continue;
    int64_t with = *sum + value(d);
    if (with > limit) {
      over(d, with);
    } else {
      *sum = with;
    }
  }
}

std::vector<std::vector<size_t>> GroupBy(
    std::span<const Declaration> lines,
    const std::function<int64_t(const Declaration&)>& key) {
  // By key, then position: one sort of (key, index) pairs, no tree (this runs for
  // every assignment; the lines mostly come in key order already).
  std::vector<std::pair<int64_t, size_t>> keyed(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) keyed[i] = {key(lines[i]), i};
  if (!std::is_sorted(keyed.begin(), keyed.end())) std::sort(keyed.begin(), keyed.end());
  std::vector<std::vector<size_t>> groups;
  for (size_t i = 0; i < keyed.size(); ++i) {
    if (i == 0 || keyed[i].first != keyed[i - 1].first) groups.emplace_back();
    groups.back().push_back(keyed[i].second);
  }
  return groups;
}

}  // namespace jr::rules
