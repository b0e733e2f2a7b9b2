#include "core/split.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace jr {

Result<std::vector<Money>> SplitLargestRemainder(
    Money total, const std::vector<double>& weights,
    const std::vector<std::string>& tie_keys) {
  assert(weights.size() == tie_keys.size());
  long double sum = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (!std::isfinite(weights[i]) || weights[i] < 0) {
      return Status::Error(fmt::format("verdeelsleutel voor '{}' is ongeldig ({})",
                                       tie_keys[i], weights[i]));
    }
    sum += weights[i];
  }
  std::vector<Money> parts(weights.size());
  if (total.cents() == 0) return parts;
  if (sum <= 0) {
    return Status::Error(
        fmt::format("bedrag {} kan niet worden verdeeld: alle verdeelsleutels zijn 0",
                    total.ToString()));
  }
  const bool negative = total.cents() < 0;
  const int64_t abs_total = negative ? -total.cents() : total.cents();
  std::vector<long double> remainder(weights.size());
  int64_t given = 0;
  size_t zero_weights = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    // quota >= 0, so truncation is the floor.
    long double quota = static_cast<long double>(abs_total) * weights[i] / sum;
    int64_t floor = static_cast<int64_t>(quota);
    parts[i] = Money::FromCents(floor);
    remainder[i] = quota - floor;
    given += floor;
    zero_weights += weights[i] == 0;
  }
  int64_t left = abs_total - given;
  std::vector<size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  auto larger = [&](size_t a, size_t b) {
    if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
    return tie_keys[a] < tie_keys[b];
  };
  // Usually 0 <= left < n: only the first left + zero_weights of the order are visited
  // (zero weights are skipped), so only they need sorting.
  const size_t visited =
      left >= 0 ? static_cast<size_t>(left) + zero_weights : order.size();
  if (visited < order.size()) {
    std::partial_sort(order.begin(), order.begin() + visited, order.end(), larger);
  } else {
    std::sort(order.begin(), order.end(), larger);
  }
  // Rounding of long double quotas can leave `left` just outside [0, n); only parts
  // with a positive weight may receive cents.
  for (size_t k = 0; left > 0; k = (k + 1) % order.size()) {
    if (weights[order[k]] > 0) {
      parts[order[k]] += Money::FromCents(1);
      --left;
    }
  }
  for (size_t k = order.size(); left < 0 && k-- > 0;) {
    if (parts[order[k]].cents() > 0) {
      parts[order[k]] -= Money::FromCents(1);
      ++left;
    }
  }
  if (negative) {
    for (Money& p : parts) p = -p;
  }
  return parts;
}

}  // namespace jr
