// The governance model's results as tables (core/table.h) and the JSON of
// `jeugdregio governance` (docs/governance.md), shared by CLI, report and server.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/table.h"
#include "governance/governance_run.h"

namespace jr::governance {

// FTE and cost per actor, today and in the variant, with a total row.
Table ActorTable(const Outcome& o);
// Per task: its form in the variant and the variant's FTE per actor.
Table TaskTable(const Outcome& o);
// Per municipality: inhabitants, under the scale threshold, tasks done locally, own
// FTE and cost today and in the variant, share of the joint cost; a region row.
Table MunicipalityTable(const Outcome& o);
// The five criteria: weight, score today and in the variant; the weighted score.
Table ScoreTable(const Outcome& o);
// The built-in variants side by side: the municipalities' FTE per municipality.
Table VariantsTable(const std::vector<Outcome>& outcomes);
// The built-in variants side by side: totals, factors and score per variant.
Table VariantSummaryTable(const std::vector<Outcome>& outcomes);
// The five criteria with their weight and the score of each variant; the weighted
// score as the total row.
Table CriteriaTable(const std::vector<Outcome>& outcomes);
// Voting weight per municipality and method (weight_ppm adds up to 1,000,000).
Table VotingTable(const Voting& v);
// Per method and rule: the fewest municipalities that carry or block a decision.
Table DecisionTable(const Voting& v);
// Joint costs (to the cent) and project capacity (to the hour) per municipality.
Table SharingTable(const std::vector<ShareRow>& rows, const Sharing& s, int year);

// {"variant", "year", "municipal_fte_extra", "municipal_factor",
//  "provider_admin_factor", "below_scale_threshold": [codes], "score", ...}
nlohmann::json SummaryJson(const GovernanceRun& run, const Outcome& o);
// {"summary": SummaryJson, "rows": MunicipalityTable, "actors", "tasks", "criteria"}.
nlohmann::json OutcomeJson(const GovernanceRun& run);
// {"summary": {"year", "majority"}, "rows": VotingTable, "decisions": DecisionTable}.
nlohmann::json VotingJson(const GovernanceRun& run);
// {"summary": {"year", "key", "amount_cents", "hours"}, "rows": SharingTable}.
nlohmann::json SharingJson(const GovernanceRun& run);

}  // namespace jr::governance
