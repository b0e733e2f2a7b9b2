#include "care/volume.h"

#include <fmt/format.h>

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

Money Volume::Times(Money tariff) const {
  int64_t p = hundredths * tariff.cents();  // volumes and tariffs stay far below 2^63
  int64_t q = p / 100, r = p % 100;
  if (r >= 50) ++q;
  if (r <= -50) --q;
  return Money::FromCents(q);
}

std::string Volume::ToString() const {
  std::string s = fmt::format("{},{:02d}", hundredths / 100, hundredths % 100);
  while (s.back() == '0') s.pop_back();
  if (s.back() == ',') s.pop_back();
  return s;
}

}  // namespace jr
