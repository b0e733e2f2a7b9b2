#include "rules/duplicate_rule.h"

#include <fmt/format.h>

#include "rules/rule_util.h"

namespace jr::rules {

void DuplicateRule::Check(const AssignmentLines& group, const RuleContext&,
                          FindingSink* out) const {
  auto key = [](const Declaration& d) {
    return (static_cast<int64_t>(DayNumber(d.start)) << 32) |
           static_cast<uint32_t>(DayNumber(d.end));
  };
  ForEachGroup(group.lines, key, [&](std::span<const size_t> lines) {
    if (lines.size() < 2) return;
    int64_t credits = 0;
    for (size_t i : lines) credits += IsCredit(group.lines[i]) ? 1 : 0;
    int64_t debits = 0;
    std::string first_number;
    for (size_t i : lines) {  // in order of declaration number
      const Declaration& d = group.lines[i];
      if (IsCredit(d)) continue;
      if (++debits == 1) first_number = d.number;
      if (debits > credits + 1) {
        out->Add(d, "8021", FindingStatus::kRejected, "number",
                 fmt::format("periode {} van toewijzing {} is al gedeclareerd (in "
                             "declaratie {}) en niet gecrediteerd",
                             PeriodText(d), d.assignment, first_number));
      }
    }
  });
}

}  // namespace jr::rules
