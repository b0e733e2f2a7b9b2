#include "rules/rule_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace jr::rules {

std::string PeriodText(const Declaration& d) {
  return fmt::format("{} t/m {}", FormatDate(d.start), FormatDate(LastDay(d)));
}

void RunningLimit(std::span<const Declaration> all, std::span<const size_t> lines,
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

}  // namespace jr::rules
