// Provider ceilings with "nee, tenzij", youth-team budgets with the review committee,
// and commitments (verplichtingen), computed from the store's data and the accepted
// lines of a check (issue 12 items 4 and 5).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/table.h"
#include "rules/check.h"
#include "rules/rule_context.h"

namespace jr::rules {

// One provider's contract in a year for a lot (contracten.csv), against what it
// declared (accepted lines) and what is still committed.
struct CeilingRow {
  std::string agb;
  int year = 0;
  std::string lot;
  std::optional<Money> ceiling;
  Money spent;      // accepted declarations of the year in the lot
  Money committed;  // care still to come in the year (commitments, below)
  std::optional<int> exhausted_month;  // 1-12: the month the spend passed the ceiling
  // Assignments of the lot that started after that month: under "nee, tenzij" each
  // needs a decision (not deferrable and no other contracted provider with room); the
  // store holds none, so all are listed as without decision.
  int64_t assignments_after = 0;
};

// One youth team's budget in a year against the value of the assignments it issued
// (their budget, else AssignmentValue), in order of start.
struct TeamBudgetRow {
  std::string team;
  int year = 0;
  std::string municipality;
  std::optional<Money> budget;
  Money issued;
  std::optional<Date> exhausted;  // start of the first assignment past the budget
  int64_t review_cases = 0;  // assignments past the budget or above the review amount
};

// Commitments: for each assignment running on `today` (the last day declared), the
// assigned volume x agreed tariff from then to its end or the year's end, per
// municipality, provider and lot.
struct CommitmentRow {
  std::string municipality;
  std::string agb;
  std::string lot;
  int year = 0;
  Money committed;  // still to come this year
};

struct Ceilings {
  std::optional<Date> today;
  std::vector<CeilingRow> providers;
  std::vector<TeamBudgetRow> teams;
  std::vector<CommitmentRow> commitments;
};

Ceilings ComputeCeilings(const RuleContext& ctx, const CheckResult& check);

// The three as tables (Dutch), for `check --plafonds`, the report and the server.
std::vector<Section> CeilingSections(const Ceilings& c);

}  // namespace jr::rules
