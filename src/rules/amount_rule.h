// AmountRule ("bedrag"): the amount of a line is its volume times the tariff per unit
// (the line's own tariff, else the agreed one), rounded to the cent. Lines in euro
// (unit 83) are not checked; the importer makes sure a line's unit is its product's,
// so only products in euro skip the check.
#pragma once

#include "rules/care_rule.h"

namespace jr {

class AmountRule final : public CareRule {
 public:
  std::string_view name() const override { return "bedrag"; }
  // A mismatch, or a product x tariff that does not fit in int64 cents, is afgewezen,
  // code "volume-x-tarief", field "amount". A line not in euro without any tariff (no
  // own tariff, none agreed for its year) is afgewezen, code "geen-tarief", field
  // "amount": its amount cannot be checked.
  void Check(const DeclarationLine& line, std::vector<Finding>* out) const override;
};

}  // namespace jr
