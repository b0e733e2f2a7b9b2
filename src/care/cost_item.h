// CostItem: a cost outside the declarations.
#pragma once

#include <string>

#include "core/money.h"

namespace jr {

// Regional fixed cost (vaste_kosten.csv) or a municipality's local cost
// (lokale_kosten.csv; `municipality` empty for fixed costs).
struct CostItem {
  std::string municipality;
  int year = 0;
  std::string bucket;
  Money amount;
};

}  // namespace jr
