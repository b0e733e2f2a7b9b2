// KeyWeights: the municipalities of a year with their value of a key (inwoners,
// jeugdigen, rijksbijdrage, custom), and the one way amounts are split by a key: pro
// rata to the cent (SplitLargestRemainder, ties by municipality code). Used by the
// settlement's key rules, the budget monitor's caps and the agenda's cost sharing.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "region/region.h"

namespace jr {

struct KeyWeights {
  int year = 0;
  std::string key;
  std::vector<std::string> codes;  // municipalities active in `year`, sorted by code
  std::vector<double> weights;     // the key's value per code, same order
  double total = 0;                // sum of weights

  // Fraction of the total weight for codes[i]; 0 when all weights are 0.
  double Share(size_t i) const { return total > 0 ? weights[i] / total : 0.0; }
  // Index of `code`, or codes.size() when absent.
  size_t IndexOf(const std::string& code) const;
};

// The key of every municipality active in `year`. Dutch error when no municipality is
// active, or one has no value for the key in that year (the message of SplitByKey).
Result<KeyWeights> WeightsFor(const Region& region, int year, const std::string& key);

// Splits `total` over `codes` (sorted) in proportion to `values`, their values of
// key `key` in `year`: parts in the order of `codes`, adding up to `total` exactly.
// A NaN value means the municipality has no value for the key: Dutch error
// "verdeelsleutel '<key>' ontbreekt voor gemeente <name> (<code>) in jaar <year>",
// with the name from `name_of(code)`. Other failures as SplitLargestRemainder.
// REQUIRES: values.size() == codes.size()
Result<std::vector<Money>> SplitByKey(
    Money total, const std::string& key, int year, const std::vector<std::string>& codes,
    const std::vector<double>& values,
    const std::function<std::string(const std::string&)>& name_of);
// The same for weights from WeightsFor.
Result<std::vector<Money>> SplitByKey(Money total, const KeyWeights& w);

}  // namespace jr
