// Rules on the product of a line: the assigned product (iJw TR339, TR340, TR341)
// and the youth-care boundary (afbakening, the region's JR01/JR02).
#pragma once

#include "rules/care_rule.h"

namespace jr::rules {

// "toegewezen-product": 9339 category, 9340 product code, 9341 unit differ from the
// assignment's. Afgewezen.
class AssignedProductRule final : public LineRule {
 public:
  std::string_view name() const override { return "toegewezen-product"; }
  void CheckLine(const Declaration& d, const Assignment& a, const RuleContext& ctx,
                 FindingSink* out) const override;
};

// "afbakening": JR01 the line's product is classed `geen` (not youth care):
// afgewezen; JR02 classed `grijs`: signaal.
class CareClassRule final : public LineRule {
 public:
  std::string_view name() const override { return "afbakening"; }
  void CheckLine(const Declaration& d, const Assignment& a, const RuleContext& ctx,
                 FindingSink* out) const override;
};

}  // namespace jr::rules
