// "dubbel": 8021 a line reference already submitted (iJw TR314). A CSV line carries no
// product reference of its own, so the reference is the assignment and the period
// (first and last day): a period may be declared once, and again once for each credit
// of it (a correction). The debit lines beyond that, the later declaration numbers,
// are afgewezen.
#pragma once

#include "rules/care_rule.h"

namespace jr::rules {

class DuplicateRule final : public CareRule {
 public:
  std::string_view name() const override { return "dubbel"; }
  void Check(const AssignmentLines& group, const RuleContext& ctx,
             FindingSink* out) const override;
};

}  // namespace jr::rules
