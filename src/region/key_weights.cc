#include "region/key_weights.h"

#include <fmt/format.h>

#include <cmath>

#include "core/split.h"

namespace jr {
namespace {

std::string MissingKey(const std::string& key, int year, const std::string& code,
                       const std::string& name) {
  return fmt::format("verdeelsleutel '{}' ontbreekt voor gemeente {} ({}) in jaar {}",
                     key, name, code, year);
}

}  // namespace

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
    return Status::Error(fmt::format("geen gemeenten in de regio in {}", year),
                         {"", 0, 0, key});
  }
  for (const std::string& code : w.codes) {
    auto v = region.Key(code, year, key);
    if (!v) {
      return Status::Error(MissingKey(key, year, code, region.Find(code)->name),
                           {"", 0, 0, key});
    }
    w.weights.push_back(*v);
    w.total += *v;
  }
  return w;
}

Result<std::vector<Money>> SplitByKey(
    Money total, const std::string& key, int year, const std::vector<std::string>& codes,
    const std::vector<double>& values,
    const std::function<std::string(const std::string&)>& name_of) {
  for (size_t m = 0; m < values.size(); ++m) {
    if (std::isnan(values[m])) {
      return Status::Error(MissingKey(key, year, codes[m], name_of(codes[m])));
    }
  }
  return SplitLargestRemainder(total, values, codes);
}

Result<std::vector<Money>> SplitByKey(Money total, const KeyWeights& w) {
  return SplitByKey(total, w.key, w.year, w.codes, w.weights,
                    [](const std::string& code) { return code; });
}

}  // namespace jr
