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
  // Assignments of the lot that started after that month: each is a NoUnlessCase.
  int64_t assignments_after = 0;
};

// "Nee, tenzij" (seed 004): an assignment issued after its provider's ceiling of the
// year and lot ran out is refused, unless the care cannot wait (toetsingen.csv
// uitstelbaar = nee) and no other contracted provider of the lot has room.
enum class NoUnlessOutcome {
  kRedirected,  // another provider of the lot has room in the start month: to it
  kAllowed,     // not deferrable and no other provider has room: allowed
  kDeferred,    // deferrable (uitstelbaar = ja), no other room: waits
  kRefused,     // not assessed as urgent, no other room: refused
};
std::string_view NoUnlessOutcomeName(NoUnlessOutcome o);  // "naar andere aanbieder", ...

struct NoUnlessCase {
  std::string assignment;
  std::string municipality;
  std::string agb;  // the provider whose ceiling ran out
  std::string lot;
  Date start;
  NoUnlessOutcome outcome = NoUnlessOutcome::kRefused;
  std::string other_agb;            // kRedirected: the provider with the most room
  std::optional<Money> other_room;  // its room (none: it has no ceiling)
};

// One youth team's budget in a year against the value of the assignments it issued
// (their budget, else AssignmentValue), in order of start (RuleContext::TeamUse).
struct TeamBudgetRow {
  std::string team;
  int year = 0;
  std::string municipality;
  std::optional<Money> budget;
  Money issued;
  std::optional<Date> exhausted;  // start of the first assignment past the budget
  int64_t review_cases = 0;  // assignments past the budget or above the review amount
};

// Commitments as of `today` (the reference date, else the last day declared): for each
// assignment running after it in its year, the assigned value (AssignmentValue) for
// the days from the day after `today` to its end or the year's end (value x those days
// / the assignment's days, rounded down to the cent), less what its accepted lines
// already declared for those days (CheckResult::declared_after), never below zero;
// summed per municipality, provider and lot.
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
  std::vector<NoUnlessCase> no_unless;  // by provider, year, lot, start, assignment
};

Ceilings ComputeCeilings(const RuleContext& ctx, const CheckResult& check);

// The three as tables (Dutch), for `check --plafonds`, the report and the server.
std::vector<Section> CeilingSections(const Ceilings& c);

}  // namespace jr::rules
