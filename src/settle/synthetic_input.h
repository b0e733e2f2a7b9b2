// SyntheticInput: a random but deterministic SettlementInput for property tests and
// benchmarks (no real data). Same options -> same input, on every platform.
#pragma once

#include <cstdint>

#include "settle/settlement_input.h"

namespace jr::settle {

struct SyntheticOptions {
  int municipalities = 10;  // codes GM9000, GM9001, ...
  int buckets = 5;          // care buckets "post00", "post01", ...
  int first_year = 2015;    // years first_year .. first_year + years - 1
  int years = 4;
  int max_clients = 4;  // clients per municipality, bucket and year: 0..max_clients
  int merge_every = 0;  // if > 0: every n-th municipality merges into the next one
                        // halfway through the years (history roll-up)
  int fixed_costs = 1;  // number of fixed regional cost buckets
  uint64_t seed = 1;    // all values derive from it (core/random_stream.h)
};

SettlementInput MakeSyntheticInput(const SyntheticOptions& options);

}  // namespace jr::settle
