// Tables of settlement and risk results, for the CLI, reports and the server.
//
// Long tables carry one row per model, year and municipality with the JSON keys
// model, year, municipality, name, contribution_cents, own_use_cents,
// state_grant_cents, transfer_cents, contribution_ratio, grant_ratio. For people
// (`with_totals`) a region total row per model and year is added.
#pragma once

#include <string>
#include <vector>

#include "core/table.h"
#include "settle/risk.h"
#include "settle/settlement.h"

namespace jr::settle {

// One row per model, year and municipality, in the order given.
Table SettlementTable(const std::vector<YearSettlement>& results, bool with_totals);
// Models side by side for one year: own use and state grant once, then contribution
// and transfer per model. REQUIRES: all results of the same year, not empty.
Table CompareTable(const std::vector<YearSettlement>& results);
// Per model and municipality: realised contribution, standard deviation and P95 -
// median, in euro and per inhabitant.
Table RiskTable(const RiskResult& risk);

}  // namespace jr::settle
