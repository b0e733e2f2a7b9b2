#include "rules/rule_util.h"

#include <fmt/format.h>

#include <map>

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
  std::vector<std::vector<size_t>> groups;
  std::map<int64_t, size_t> index;
  for (size_t i = 0; i < lines.size(); ++i) {
    auto [it, added] = index.emplace(key(lines[i]), groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(i);
  }
  return groups;
}

}  // namespace jr::rules
