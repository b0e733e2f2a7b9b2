// Builds a SettlementInput from the store: the region and its keys, declared use per
// municipality, year and bucket (products' cost buckets), per-client yearly costs,
// fixed regional costs and local costs.
#pragma once

#include "settle/settlement_input.h"
#include "store/store.h"

namespace jr::settle {

// Reads everything settlement needs. Fails with the store's (Dutch) message.
Result<SettlementInput> LoadSettlementInput(const Store& store);

}  // namespace jr::settle
