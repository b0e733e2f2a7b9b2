#include "rules/rule_set.h"

#include "rules/amount_rule.h"

namespace jr {

const std::vector<std::unique_ptr<const CareRule>>& CareRules() {
  static const auto* kRules = [] {
    auto* rules = new std::vector<std::unique_ptr<const CareRule>>;
    rules->push_back(std::make_unique<AmountRule>());
    return rules;
  }();
  return *kRules;
}

void CheckDeclarationLine(const DeclarationLine& line, std::vector<Finding>* out) {
  for (const auto& rule : CareRules()) {
    size_t first = out->size();
    rule->Check(line, out);
    for (size_t i = first; i < out->size(); ++i) {
      Finding& f = (*out)[i];
      f.assignment = line.declaration.assignment;
      f.start = line.declaration.start;
      f.declaration = line.declaration.number;
      f.rule = std::string(rule->name());
    }
  }
}

}  // namespace jr
