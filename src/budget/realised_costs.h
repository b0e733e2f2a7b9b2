// RealisedCosts: what the region actually spent per year, read from the store.
#pragma once

#include <map>
#include <string>

#include "core/money.h"
#include "core/status.h"
#include "region/region.h"

namespace jr {

class Store;

struct RealisedCosts {
  // year -> municipality -> declared cost (declarations of its assignments, credits
  // subtracted), plus its local costs when asked. Predecessors are rolled up into the
  // municipality they belong to in that year (Region::SuccessorIn).
  std::map<int, std::map<std::string, Money>> own;
  // year -> regional fixed costs (no municipality uses them), when asked.
  std::map<int, Money> shared;
  // year -> fixed cost bucket -> amount: each bucket is split on its own, as settle
  // splits them, so a municipality's share is the same to the cent.
  std::map<int, std::map<std::string, Money>> shared_by_bucket;

  // Region total of `year` (own + shared); nullopt when the store has nothing that year.
  std::optional<Money> Total(int year) const;
};

// Reads the realised costs from the store: UseByMunicipalityYearBucket summed over
// buckets, plus LoadFixedCosts when `include_fixed`, plus LoadLocalCosts when
// `include_local`. Errors are the store's.
Result<RealisedCosts> LoadRealisedCosts(const Store& store, const Region& region,
                                        bool include_fixed, bool include_local);

}  // namespace jr
