// "woonplaats": JR04 the assignment's municipality (who pays the line) is not the
// municipality responsible for the client (woonplaatsbeginsel): the client's residence
// (clienten.csv) on the line's first day; for residential care (the cost buckets of
// [woonplaats] verblijf, from 2022) the residence on the day before the placement
// began, the first assignment of its chain of residential re-indications. A
// municipality merged since counts as its successor. Clients without a known
// residence are not checked. Signaal: the care was given; the region corrects who
// pays.
#pragma once

#include "rules/care_rule.h"

namespace jr::rules {

class ResidenceRule final : public CareRule {
 public:
  std::string_view name() const override { return "woonplaats"; }
  void Check(const AssignmentLines& group, const RuleContext& ctx,
             FindingSink* out) const override;
};

}  // namespace jr::rules
