#include "region/municipality.h"

namespace jr {

bool Municipality::ActiveInYear(int year) const {
  using namespace std::chrono;
  Date first = std::chrono::year(year) / January / 1;
  Date next = std::chrono::year(year + 1) / January / 1;
  return begin < next && (!end || *end > first);
}

}  // namespace jr
