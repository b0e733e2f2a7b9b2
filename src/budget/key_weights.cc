#include "budget/key_weights.h"

#include <fmt/format.h>

#include "core/split.h"

namespace jr {

size_t KeyWeights::IndexOf(const std::string& code) const {
  for (size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] == code) return i;
  }
  return codes.size();
}

Result<KeyWeights> WeightsFor(const Region& region, int year, const std::string& key) {
  KeyWeights w;
  w.year = year;
  w.key = key;
  w.codes = region.ActiveIn(year);
  if (w.codes.empty()) {
    return Status::Error(fmt::format("geen gemeenten in de regio in {}", year), {"", 0, 0, key});
  }
  for (const std::string& code : w.codes) {
    auto v = region.Key(code, year, key);
    if (!v) {
      return Status::Error(
          fmt::format("gemeente {} heeft geen waarde voor sleutel '{}' in {}", code, key, year),
          {"", 0, 0, key});
    }
    w.weights.push_back(*v);
    w.total += *v;
  }
  return w;
}

Result<std::vector<Money>> SplitByKey(Money total, const KeyWeights& w) {
  return SplitLargestRemainder(total, w.weights, w.codes);
}

}  // namespace jr
