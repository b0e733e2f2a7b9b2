#include "care/volume.h"

#include <fmt/format.h>

#include <stdexcept>

namespace jr {

Result<Volume> Volume::Parse(std::string_view text) {
  // Volumes share the amount notation; reuse its parser and reject what an amount
  // allows but a volume does not.
  auto m = Money::Parse(text);
  if (!m.ok()) {
    return Status::Error(
        fmt::format("'{}' is geen geldig volume (getal met hoogstens twee "
                    "decimalen verwacht)",
                    text));
  }
  if (m->cents() < 0) return Status::Error(fmt::format("volume '{}' is negatief", text));
  return Volume{m->cents()};
}

Result<Money> Volume::CheckedTimes(Money tariff) const {
  int64_t p = 0;
  if (__builtin_mul_overflow(hundredths, tariff.cents(), &p)) {
    return Status::Error(fmt::format("volume x tarief ({} x {}) is te groot", ToString(),
                                     tariff.ToString()));
  }
  int64_t q = p / 100, r = p % 100;
  if (r >= 50) ++q;  // |q| <= 2^63 / 100: no overflow
  if (r <= -50) --q;
  return Money::FromCents(q);
}

Money Volume::Times(Money tariff) const {
  auto m = CheckedTimes(tariff);
  if (!m.ok()) throw std::overflow_error(m.status().message());
  return *m;
}

std::string Volume::ToString() const {
  std::string s = fmt::format("{},{:02d}", hundredths / 100, hundredths % 100);
  while (s.back() == '0') s.pop_back();
  if (s.back() == ',') s.pop_back();
  return s;
}

}  // namespace jr
