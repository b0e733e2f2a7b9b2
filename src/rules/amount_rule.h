// AmountRule ("bedrag"): the amount of a line is its volume times the tariff per unit
// (the line's own tariff, else the agreed one), rounded to the cent. Lines in euro
// (unit 83) and lines without any tariff are not checked.
#pragma once

#include "rules/care_rule.h"

namespace jr {

class AmountRule final : public CareRule {
 public:
  std::string_view name() const override { return "bedrag"; }
  // A mismatch is afgewezen, code "volume-x-tarief", field "amount".
  void Check(const DeclarationLine& line, std::vector<Finding>* out) const override;
};

}  // namespace jr
