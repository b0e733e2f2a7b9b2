// The care rules in force, and running them on the lines of one assignment.
#pragma once

#include <memory>
#include <vector>

#include "rules/care_rule.h"

namespace jr::rules {

// Every registered rule, in the order they run. Thread-safe (built once).
const std::vector<std::unique_ptr<const CareRule>>& CareRules();

// Runs every rule on `group` and appends their findings (with the rule's name) to
// `out`. An unknown assignment gets 9338 on each line and no other rule runs.
void CheckAssignment(const AssignmentLines& group, const RuleContext& ctx,
                     FindingSink* out);

}  // namespace jr::rules

namespace jr::rules {

// Every code a rule can give, for listings and docs/rules.md.
struct RuleCode {
  const char* code;  // "9346", "JR01"
  FindingStatus status;
  const char* rule;         // the rule's name
  const char* description;  // Dutch, short
};
const std::vector<RuleCode>& RuleCodes();
// The RuleCode of `code`; nullptr when unknown.
const RuleCode* FindRuleCode(std::string_view code);

}  // namespace jr::rules
