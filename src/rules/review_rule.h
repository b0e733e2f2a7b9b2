// "toetsing": JR05 an assignment that needs the review committee: its value is above
// [toetsing] bedrag_boven (regels.toml), or it was issued by a youth team after the
// team's budget for that year was used up by the team's earlier assignments. Without
// an `akkoord` of the committee (toetsingen.csv) dated on or before the assignment's
// start it is a signal, reported on its first line in the checked years. The value of an
// assignment is its budget when it has one, else AssignmentValue().
#pragma once

#include <optional>

#include "rules/care_rule.h"

namespace jr::rules {

// Assigned volume x agreed tariff (contract, else regional, of the start year) over
// the assignment's period: per day x days, per week x days / 7, per month x days x 12
// / 365, in total x 1; an open assignment counted for one year. None without tariff.
std::optional<Money> AssignmentValue(const Assignment& a, const RuleContext& ctx);

class ReviewRule final : public CareRule {
 public:
  std::string_view name() const override { return "toetsing"; }
  void Check(const AssignmentLines& group, const RuleContext& ctx,
             FindingSink* out) const override;
};

}  // namespace jr::rules
