// Builds a SettlementInput from the store: the region and its keys, declared use per
// municipality, year and bucket (products' cost buckets), per-client yearly costs,
// fixed regional costs and local costs.
#pragma once

#include "settle/settlement_input.h"
#include "store/store.h"

namespace jr::settle {

// Reads everything settlement needs; per-client costs (a large query) only when
// `client_costs` (pool rules, risk). Fails with the store's (Dutch) message.
Result<SettlementInput> LoadSettlementInput(const Store& store, bool client_costs = true);

}  // namespace jr::settle
