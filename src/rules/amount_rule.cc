#include "rules/amount_rule.h"

#include <fmt/format.h>

namespace jr {

void AmountRule::Check(const DeclarationLine& line, std::vector<Finding>* out) const {
  const Declaration& d = line.declaration;
  if (d.unit == Unit::kEuro) return;
  auto reject = [&](const char* code, std::string message) {
    Finding f;
    f.code = code;
    f.status = FindingStatus::kRejected;
    f.field = "amount";
    f.message = std::move(message);
    out->push_back(std::move(f));
  };
  std::optional<Money> per_unit = d.tariff ? d.tariff : line.agreed_tariff;
  if (!per_unit) {
    reject("geen-tarief",
           fmt::format("bedrag {} is niet te controleren: geen tarief voor {}/{} in {} "
                       "(geen kolom tarief en niet in tarieven.csv)",
                       d.amount.ToString(), d.category, d.product_code,
                       static_cast<int>(d.start.year())));
    return;
  }
  auto expected = d.volume.CheckedTimes(*per_unit);
  if (!expected.ok()) {
    reject("volume-x-tarief", expected.status().message());
    return;
  }
  Money amount = d.amount < Money() ? -d.amount : d.amount;  // a credit: as declared
  if (*expected == amount) return;
  reject("volume-x-tarief",
         fmt::format("bedrag {} is niet gelijk aan volume x tarief ({} x {} = {})",
                     amount.ToString(), d.volume.ToString(), per_unit->ToString(),
                     expected->ToString()));
}

}  // namespace jr
