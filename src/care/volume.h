// Volume: a non-negative quantity with at most two decimals, held in hundredths.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/money.h"
#include "core/status.h"

namespace jr {

struct Volume {
  // The largest volume of one line: iJw's GeleverdVolume has 8 digits (99.999.999).
  static constexpr int64_t kMaxHundredths = 99'999'999LL * 100;

  int64_t hundredths = 0;

  double value() const { return static_cast<double>(hundredths) / 100.0; }
  // "12,5" or "12.5"; at most two decimals; never negative. Dutch error otherwise.
  static Result<Volume> Parse(std::string_view text);
  // volume x tariff, rounded to the cent (half away from zero); a Dutch error when
  // the product does not fit in int64 cents.
  Result<Money> CheckedTimes(Money tariff) const;
  // As CheckedTimes for values known to be in range (the importer bounds volumes and
  // tariffs: kMaxHundredths x kMaxLineCents < 2^63). Throws std::overflow_error (a
  // bug) when the product does not fit.
  Money Times(Money tariff) const;
  std::string ToString() const;  // "12,5"
  friend auto operator<=>(Volume, Volume) = default;
};

}  // namespace jr
