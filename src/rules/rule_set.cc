#include "rules/rule_set.h"

#include <fmt/format.h>

#include "rules/amount_rules.h"
#include "rules/duplicate_rule.h"
#include "rules/period_rules.h"
#include "rules/product_rules.h"
#include "rules/residence_rule.h"
#include "rules/review_rule.h"
#include "rules/volume_rules.h"

namespace jr::rules {

const std::vector<std::unique_ptr<const CareRule>>& CareRules() {
  static const auto* kRules = [] {
    auto* rules = new std::vector<std::unique_ptr<const CareRule>>;
    rules->push_back(std::make_unique<PeriodRule>());
    rules->push_back(std::make_unique<MonthPeriodRule>());
    rules->push_back(std::make_unique<AssignedProductRule>());
    rules->push_back(std::make_unique<CareClassRule>());
    rules->push_back(std::make_unique<AmountRule>());
    rules->push_back(std::make_unique<ContractTariffRule>());
    rules->push_back(std::make_unique<PeriodVolumeRule>());
    rules->push_back(std::make_unique<TotalVolumeRule>());
    rules->push_back(std::make_unique<BudgetRule>());
    rules->push_back(std::make_unique<WeekMaximumRule>());
    rules->push_back(std::make_unique<DuplicateRule>());
    rules->push_back(std::make_unique<ResidenceRule>());
    rules->push_back(std::make_unique<ReviewRule>());
    return rules;
  }();
  return *kRules;
}

void CheckAssignment(const AssignmentLines& group, const RuleContext& ctx,
                     FindingSink* out) {
  if (group.assignment == nullptr) {
    out->set_rule("toewijzing");
    for (const Declaration& d : group.lines) {
      out->Add(d, "9338", FindingStatus::kRejected, "assignment",
               fmt::format("onbekende toewijzing {}", d.assignment));
    }
    return;
  }
  for (const auto& rule : CareRules()) {
    out->set_rule(rule->name());
    rule->Check(group, ctx, out);
  }
}

}  // namespace jr::rules

namespace jr::rules {

const std::vector<RuleCode>& RuleCodes() {
  using enum FindingStatus;
  static const std::vector<RuleCode> kCodes = {
      {"0611", kRejected, "contracttarief", "tarief is niet het contracttarief"},
      {"8021", kRejected, "dubbel", "prestatie is al eerder gedeclareerd"},
      {"9307", kRejected, "periode", "begindatum buiten de toewijzing"},
      {"9308", kRejected, "periode", "einddatum buiten de toewijzing"},
      {"9321", kRejected, "volume-periode",
       "volume boven het toegewezen volume per periode"},
      {"9322", kRejected, "volume-totaal",
       "som van de volumes boven het toegewezen totaal"},
      {"9338", kRejected, "toewijzing", "onbekende toewijzing"},
      {"9339", kRejected, "toegewezen-product",
       "productcategorie wijkt af van de toewijzing"},
      {"9340", kRejected, "toegewezen-product", "productcode wijkt af van de toewijzing"},
      {"9341", kRejected, "toegewezen-product", "eenheid wijkt af van de toewijzing"},
      {"9346", kRejected, "bedrag", "bedrag is niet volume x tarief"},
      {"9369", kRejected, "budget", "som van de bedragen boven het budget"},
      {"9387", kRejected, "maandperiode", "begindatum niet de eerste van de maand"},
      {"9388", kRejected, "maandperiode", "einddatum niet de laatste van de maand"},
      {"JR01", kRejected, "afbakening", "product is geen jeugdhulp"},
      {"JR02", kSignal, "afbakening", "product in het grijze gebied"},
      {"JR03", kRejected, "weekmaximum", "meer eenheden per ISO-week dan het maximum"},
      {"JR04", kSignal, "woonplaats",
       "andere gemeente verantwoordelijk (woonplaatsbeginsel)"},
      {"JR05", kSignal, "toetsing", "toetsingscommissie nodig, geen akkoord vooraf"},
  };
  return kCodes;
}

const RuleCode* FindRuleCode(std::string_view code) {
  for (const RuleCode& c : RuleCodes()) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

}  // namespace jr::rules
