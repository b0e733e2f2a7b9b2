// The one place that knows every settlement rule: parses rule strings into rules.
//
// Grammar (spaces around separators are free):
//   simple := own | key:<key> | history:<n> | clients:<lag> | pool:<euro>:<key>
//   blend  := <weight>*<simple> + <weight>*<simple> ...   (weights > 0, sum 1)
//   phase  := phase(<year>: <simple or blend>; <year>: ...)   (years increasing)
// A rule's name() is the canonical form of its string.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "settle/settlement_rule.h"

namespace jr::settle {

// Parses a rule string. Fails with a Dutch message without location (the caller knows
// the file and key): unknown rule, bad argument, weights not adding up to 1, years
// not increasing.
Result<RulePtr> ParseRule(std::string_view text);

// One line per rule kind, "history:<n>  ...": for help texts and errors.
std::vector<std::string> RuleUsage();

}  // namespace jr::settle
