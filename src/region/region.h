// Region: its municipalities and their per-year keys (inhabitants, young people,
// state grant, custom keys). A plain value; thread-compatible.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "region/municipality.h"

namespace jr {

// Well-known key names, as in kengetallen.csv `sleutel`; values as in the file.
inline constexpr const char* kKeyInhabitants = "inwoners";
inline constexpr const char* kKeyYoungPeople = "jeugdigen";     // 0-17
inline constexpr const char* kKeyStateGrant = "rijksbijdrage";  // euro (2 decimals)

class Region {
 public:
  void AddMunicipality(Municipality m);
  void SetKey(const std::string& code, int year, const std::string& key, double value);

  const std::vector<Municipality>& municipalities() const { return municipalities_; }
  const Municipality* Find(const std::string& code) const;

  // Codes of the municipalities in the region during `year`, sorted by code.
  std::vector<std::string> ActiveIn(int year) const;
  // The municipality `code` belongs to in `year`: itself, or the end of its successor
  // chain when it had merged by then. Returns `code` itself if unknown.
  std::string SuccessorIn(const std::string& code, int year) const;
  // Value of a key, if known. The key of a successor in a year before the merger is
  // NOT summed from its predecessors here; callers that look back roll up explicitly.
  std::optional<double> Key(const std::string& code, int year,
                            const std::string& key) const;
  // All key names present in any year.
  std::vector<std::string> KeyNames() const;

 private:
  std::vector<Municipality> municipalities_;
  std::map<std::tuple<std::string, int, std::string>, double> keys_;
};

}  // namespace jr
