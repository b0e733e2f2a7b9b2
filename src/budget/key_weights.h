// KeyWeights: the municipalities of a year with their value of a key (inwoners,
// jeugdigen, rijksbijdrage, custom), for sharing amounts pro rata to the cent.
#pragma once

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

// The key of every municipality active in `year`. Dutch error when a municipality has
// no value for the key in that year, or no municipality is active.
Result<KeyWeights> WeightsFor(const Region& region, int year, const std::string& key);

// Splits `total` by the weights (largest remainder, ties by code): parts in the order
// of `w.codes`, adding up to `total` exactly.
Result<std::vector<Money>> SplitByKey(Money total, const KeyWeights& w);

}  // namespace jr
