// The JW323 lines that did not become declaration rows (an unknown assignment, or a
// declaration key already taken by an earlier line): `antwoord` answers them with 9338
// or 8021, and `check` records them as findings too, so the report and /api/findings
// show them (issue 12 item 5). Their finding's declaration is "<declaratienummer>
// regel <n>", so it never matches a stored line's key and rejects no stored line.
#pragma once

#include <vector>

#include "care/ijw_message.h"
#include "rules/care_rule.h"
#include "rules/rule_context.h"

namespace jr::rules {

// The finding of every line of `lines` with stored == false whose JW323 is in
// `messages`, with its amount in `amounts`; returns how many lines were in the years.
int64_t CheckUnstoredIjwLines(const std::vector<IjwMessage>& messages,
                              const std::vector<IjwLine>& lines, const RuleContext& ctx,
                              FindingSink* out, std::vector<Money>* amounts);

}  // namespace jr::rules
