// Rules on volumes and amounts summed over an assignment's lines (iJw TR321, TR322,
// TR369; the region's JR03). In every sum a credit line makes room (it is applied
// before the debits of its group) and a debit line that would take the sum over the
// limit is reported and does not count, as it is not paid.
#pragma once

#include "rules/care_rule.h"

namespace jr::rules {

// "volume-periode": 9321 the volume of one period (the net volume of the lines with
// the same first and last day) is above the assigned volume for that period:
// per day volume x days; per week volume x days / 7; per month volume x the calendar
// months the period touches. Frequency "totaal" is 9322's. Lines in another unit than
// the assignment's (9341) are not compared. Afgewezen.
class PeriodVolumeRule final : public CareRule {
 public:
  std::string_view name() const override { return "volume-periode"; }
  void Check(const AssignmentLines& group, const RuleContext& ctx,
             FindingSink* out) const override;
};

// "volume-totaal": 9322 for an assignment with frequency "totaal" the net sum of the
// volumes, in order of the lines' first day, goes above the assigned volume.
// Afgewezen.
class TotalVolumeRule final : public CareRule {
 public:
  std::string_view name() const override { return "volume-totaal"; }
  void Check(const AssignmentLines& group, const RuleContext& ctx,
             FindingSink* out) const override;
};

// "budget": 9369 for an assignment with a budget the net sum of the amounts, in order
// of the lines' first day, goes above the budget. Afgewezen.
class BudgetRule final : public CareRule {
 public:
  std::string_view name() const override { return "budget"; }
  void Check(const AssignmentLines& group, const RuleContext& ctx,
             FindingSink* out) const override;
};

// "weekmaximum": JR03 more units in one ISO week than the product's max_per_week
// (regels.toml). Lines inside one ISO week are summed per week (so nights are not
// saved up across weeks); a line over several weeks may hold max_per_week for each
// ISO week it touches. Afgewezen.
class WeekMaximumRule final : public CareRule {
 public:
  std::string_view name() const override { return "weekmaximum"; }
  void Check(const AssignmentLines& group, const RuleContext& ctx,
             FindingSink* out) const override;
};

}  // namespace jr::rules
