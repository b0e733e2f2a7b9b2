// MunicipalityKey: one value of a key (kengetal) of a municipality in a year, as in
// kengetallen.csv; Region holds them all (Region::SetKey, Region::Key).
#pragma once

#include <string>

namespace jr {

struct MunicipalityKey {
  std::string municipality;  // CBS code
  int year = 0;
  std::string key;  // "inwoners", "jeugdigen", "rijksbijdrage" or a region's own
  double value = 0;
};

}  // namespace jr
