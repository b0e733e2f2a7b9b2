// Splitting an amount by shares so the parts add up to the cent.
#pragma once

#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"

namespace jr {

// Splits `total` over parts in proportion to `weights` by the largest-remainder
// method: each part gets the floor of its exact quota, and the cents left over go one
// each to the parts with the largest remainders; ties go to the smallest `tie_keys`
// entry (e.g. the municipality code), so the result is deterministic.
// A negative total is split as its absolute value, negated.
// Returns the parts in the order of `weights`; they add up to `total` exactly.
// Fails (Dutch message) if a weight is negative or not finite, or all weights are 0
// while total != 0.
// REQUIRES: weights.size() == tie_keys.size()
Result<std::vector<Money>> SplitLargestRemainder(
    Money total, const std::vector<double>& weights,
    const std::vector<std::string>& tie_keys);

}  // namespace jr
