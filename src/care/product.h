// Product: an iJw product (category + code) with unit, cost bucket and youth-care class.
#pragma once

#include <string>

#include "care/codes.h"

namespace jr {

struct Product {
  std::string category;     // iJw product category, two digits: "45"
  std::string code;         // product code, up to 5 characters: "45A10"
  std::string description;  // Dutch
  Unit unit = Unit::kHour;
  std::string bucket;  // cost bucket used by settlement: "ambulant"
  CareClass care_class = CareClass::kCertain;

  // "45/45A10": the key used in messages and maps.
  std::string Key() const { return category + "/" + code; }
};

}  // namespace jr
