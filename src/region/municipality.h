// Municipality: a member of the region, with its validity and successor (mergers).
#pragma once

#include <optional>
#include <string>

#include "core/date.h"

namespace jr {

struct Municipality {
  std::string code;         // CBS code, "GM0505"
  std::string name;         // "Dordrecht"
  std::string subregion;    // "Drechtsteden"; may be empty
  Date begin;               // first day in the region
  std::optional<Date> end;  // first day no longer in the region (half-open); none = still
  std::string successor;    // code of the municipality it merged into; may be empty

  // True if the municipality is part of the region on some day of `year`.
  bool ActiveInYear(int year) const;
};

}  // namespace jr
