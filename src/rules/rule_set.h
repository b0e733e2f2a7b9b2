// The care rules in force, and running them on a declaration line.
#pragma once

#include <memory>
#include <vector>

#include "rules/care_rule.h"

namespace jr {

// Every registered rule, in the order they run. Thread-safe (built once).
const std::vector<std::unique_ptr<const CareRule>>& CareRules();

// Runs every rule on `line` and appends their findings to `out`, with the line's key
// (assignment, start, declaration number) and the rule's name filled in.
void CheckDeclarationLine(const DeclarationLine& line, std::vector<Finding>* out);

}  // namespace jr
