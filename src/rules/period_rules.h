// Rules on the period of a line against its assignment (iJw TR307, TR308, TR387,
// TR388). Every finding is afgewezen.
#pragma once

#include "rules/care_rule.h"

namespace jr::rules {

// "periode": 9307 first day outside the assignment's period, 9308 last day outside it.
class PeriodRule final : public LineRule {
 public:
  std::string_view name() const override { return "periode"; }
  void CheckLine(const Declaration& d, const Assignment& a, const RuleContext& ctx,
                 FindingSink* out) const override;
};

// "maandperiode": 9387 the first day is not the first of its month while the
// assignment does not start later in that month; 9388 the last day is not the last of
// its month while the assignment does not end earlier in that month.
class MonthPeriodRule final : public LineRule {
 public:
  std::string_view name() const override { return "maandperiode"; }
  void CheckLine(const Declaration& d, const Assignment& a, const RuleContext& ctx,
                 FindingSink* out) const override;
};

}  // namespace jr::rules
