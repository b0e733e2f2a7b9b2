#include "rules/amount_rules.h"

#include <fmt/format.h>

namespace jr::rules {

void AmountRule::CheckLine(const Declaration& d, const Assignment&,
                           const RuleContext& ctx, FindingSink* out) const {
  if (d.unit == Unit::kEuro) return;
  int year = static_cast<int>(d.start.year());
  std::optional<Money> per_unit =
      d.tariff ? d.tariff : ctx.AgreedTariff(d.category, d.product_code, year, d.agb);
  if (!per_unit) {
    out->Add(d, "9346", FindingStatus::kRejected, "amount",
             fmt::format("bedrag {} is niet te controleren: geen tarief voor {}/{} in {} "
                         "(geen kolom tarief en niet in tarieven.csv)",
                         (d.amount < Money() ? -d.amount : d.amount).ToString(),
                         d.category, d.product_code, year));
    return;
  }
  auto expected = d.volume.CheckedTimes(*per_unit);
  if (!expected.ok()) {
    out->Add(d, "9346", FindingStatus::kRejected, "amount", expected.status().message());
    return;
  }
  Money amount = d.amount < Money() ? -d.amount : d.amount;  // a credit: as declared
  if (*expected == amount) return;
  out->Add(d, "9346", FindingStatus::kRejected, "amount",
           fmt::format("bedrag {} is niet gelijk aan volume x tarief ({} x {} = {})",
                       amount.ToString(), d.volume.ToString(), per_unit->ToString(),
                       expected->ToString()));
}

void ContractTariffRule::CheckLine(const Declaration& d, const Assignment&,
                                   const RuleContext& ctx, FindingSink* out) const {
  if (d.unit == Unit::kEuro || !d.tariff) return;
  int year = static_cast<int>(d.start.year());
  auto contract = ctx.ContractTariff(d.category, d.product_code, year, d.agb);
  if (!contract || *contract == *d.tariff) return;
  out->Add(d, "0611", FindingStatus::kRejected, "tariff",
           fmt::format("tarief {} is niet het contracttarief van aanbieder {} voor {}/{} "
                       "in {} ({})",
                       d.tariff->ToString(), d.agb, d.category, d.product_code, year,
                       contract->ToString()));
}

}  // namespace jr::rules
