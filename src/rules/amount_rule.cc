#include "rules/amount_rule.h"

#include <fmt/format.h>

namespace jr {

void AmountRule::Check(const DeclarationLine& line, std::vector<Finding>* out) const {
  const Declaration& d = line.declaration;
  if (d.unit == Unit::kEuro) return;
  std::optional<Money> per_unit = d.tariff ? d.tariff : line.agreed_tariff;
  if (!per_unit) return;
  Money expected = d.volume.Times(*per_unit);
  Money amount = d.amount < Money() ? -d.amount : d.amount;  // a credit: as declared
  if (expected == amount) return;
  Finding f;
  f.code = "volume-x-tarief";
  f.status = FindingStatus::kRejected;
  f.field = "amount";
  f.message = fmt::format("bedrag {} is niet gelijk aan volume x tarief ({} x {} = {})",
                          amount.ToString(), d.volume.ToString(), per_unit->ToString(),
                          expected.ToString());
  out->push_back(std::move(f));
}

}  // namespace jr
