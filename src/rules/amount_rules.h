// Rules on the amount and tariff of a line (iJw TR346, TR418). Afgewezen.
#pragma once

#include "rules/care_rule.h"

namespace jr::rules {

// "bedrag": 9346 the amount is not volume x tariff (the line's own tariff, else the
// agreed one: the provider's contract tariff, else the regional tariff), rounded to
// the cent; lines in euro (unit 83) are not checked. A line without any tariff
// cannot be checked and gets 9346 too; so does a product that does not fit in int64.
class AmountRule final : public LineRule {
 public:
  std::string_view name() const override { return "bedrag"; }
  void CheckLine(const Declaration& d, const Assignment& a, const RuleContext& ctx,
                 FindingSink* out) const override;
};

// "contracttarief": 0611 the line's own tariff differs from the provider's contract
// tariff for the product and year (where the provider has one; unit 83 excepted).
class ContractTariffRule final : public LineRule {
 public:
  std::string_view name() const override { return "contracttarief"; }
  void CheckLine(const Declaration& d, const Assignment& a, const RuleContext& ctx,
                 FindingSink* out) const override;
};

}  // namespace jr::rules
