// The findings of `check` as tables (CLI, server, report).
#pragma once

#include <span>

#include "core/table.h"
#include "rules/check.h"

namespace jr::rules {

// One row per finding: declaration, assignment, start, code, status, message, rule,
// field, amount_cents (the line's amount).
Table FindingsTable(std::span<const Finding> findings, std::span<const Money> amounts);
// Per code: lines and their amount, with the code's status and meaning; a total row
// per status (afgewezen, signaal).
Table FindingsSummaryTable(std::span<const Finding> findings,
                           std::span<const Money> amounts);

}  // namespace jr::rules
