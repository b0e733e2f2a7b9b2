// Volume: a non-negative quantity with at most two decimals, held in hundredths.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/money.h"
#include "core/status.h"

namespace jr {

struct Volume {
  int64_t hundredths = 0;

  double value() const { return static_cast<double>(hundredths) / 100.0; }
  // "12,5" or "12.5"; at most two decimals; never negative. Dutch error otherwise.
  static Result<Volume> Parse(std::string_view text);
  // volume x tariff, rounded to the cent (half away from zero).
  Money Times(Money tariff) const;
  std::string ToString() const;  // "12,5"
  friend auto operator<=>(Volume, Volume) = default;
};

}  // namespace jr
