// SettlementRule: how one bucket's total is split over the municipalities of a year.
//
// Rules are pure: allocate() reads the context and returns the parts; no state, so one
// rule object may be used from many threads at once. Rules are made only by
// ParseRule (rule_registry.h), the one place that knows every rule.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "settle/settlement_input.h"

namespace jr::settle {

// What a rule allocates: one bucket of one year.
struct AllocationContext {
  const SettlementInput& input;  // all years (history-based rules look back)
  const YearData& year;   // the year settled (the risk run passes a resampled copy)
  std::string bucket;     // bucket name, for messages
  int bucket_index = -1;  // index in year.buckets; -1 = a fixed regional cost,
                          // for which use-based rules look at all care buckets
  Money bucket_total;     // the whole bucket's total
};

// What a rule needs from the input.
struct RuleNeeds {
  bool own_use = false;       // the bucket's own declared use (own, pool): such a rule
                              // cannot split a fixed regional cost
  bool client_costs = false;  // per-client costs (pool)
  int lookback = 0;           // years before the settled year it reads (history, clients)
  // Of the per-client costs it reads only rows costing more than this (pool threshold),
  // so a risk run need not write the others.
  int64_t client_cost_floor_cents = INT64_MAX;

  RuleNeeds operator|(RuleNeeds o) const {
    return {own_use || o.own_use, client_costs || o.client_costs,
            std::max(lookback, o.lookback),
            std::min(client_cost_floor_cents, o.client_cost_floor_cents)};
  }
};

class SettlementRule;
using RulePtr = std::unique_ptr<const SettlementRule>;

class SettlementRule {
 public:
  virtual ~SettlementRule() = default;
  // The canonical rule string ("key:inwoners", "0.5*own + 0.5*history:3"); parsing it
  // gives the same rule. Stored with every result.
  virtual std::string name() const = 0;
  // Splits `total` (the bucket total, or a blend's part of it) over
  // context.year.municipalities. On success the parts add up to `total` to the cent.
  // Fails (Dutch message, no location: the caller adds file and key) when the rule
  // cannot be applied, e.g. a key is missing for a municipality or the history is
  // shorter than the rule needs.
  virtual Result<std::vector<Money>> allocate(const AllocationContext& context,
                                              Money total) const = 0;
  // What the rule reads besides keys and history.
  virtual RuleNeeds needs() const { return {}; }
  // The same rule splitting by `key` wherever it splits by a key: key:<k> and
  // pool:<t>:<k>, and the terms of blends and phase-in paths; a rule without a key
  // comes back unchanged (a new object). Its name() names the new key and parses back.
  virtual RulePtr WithKey(const std::string& key) const = 0;
};

}  // namespace jr::settle
