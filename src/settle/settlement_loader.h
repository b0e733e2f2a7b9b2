// Builds a SettlementInput from the store: the region and its keys, declared use per
// municipality, year and bucket (products' cost buckets), per-client yearly costs,
// fixed regional costs and local costs.
#pragma once

#include "settle/settlement_input.h"
#include "store/store.h"

namespace jr::settle {

struct SettlementLoadOptions {
  int first_year = 0;        // first year settled; 0 = every year with data
  int last_year = 0;         // last year settled; 0 = every year with data
  int lookback = 0;          // years before first_year the rules read (history, clients)
  bool client_costs = true;  // per-client costs of the settled years (pool rules, risk)
};

// Reads everything settlement needs. With first_year and last_year, declared use only
// of [first_year - lookback, last_year] and per-client costs only of the settled years,
// so settling one year does not group the declarations of every year. Fails with the
// store's (Dutch) message.
Result<SettlementInput> LoadSettlementInput(const Store& store,
                                            const SettlementLoadOptions& options = {});

}  // namespace jr::settle
