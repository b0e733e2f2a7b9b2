#include "region/region.h"

#include <algorithm>
#include <set>

namespace jr {

void Region::AddMunicipality(Municipality m) { municipalities_.push_back(std::move(m)); }

void Region::SetKey(const std::string& code, int year, const std::string& key,
                    double value) {
  keys_[{code, year, key}] = value;
}

const Municipality* Region::Find(const std::string& code) const {
  for (const Municipality& m : municipalities_) {
    if (m.code == code) return &m;
  }
  return nullptr;
}

std::vector<std::string> Region::ActiveIn(int year) const {
  std::vector<std::string> out;
  for (const Municipality& m : municipalities_) {
    if (m.ActiveInYear(year)) out.push_back(m.code);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Region::SuccessorIn(const std::string& code, int year) const {
  std::string current = code;
  for (int guard = 0; guard < 32; ++guard) {
    const Municipality* m = Find(current);
    if (m == nullptr || m->ActiveInYear(year) || m->successor.empty()) return current;
    current = m->successor;
  }
  return current;
}

std::optional<double> Region::Key(const std::string& code, int year,
                                  const std::string& key) const {
  auto it = keys_.find({code, year, key});
  if (it == keys_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Region::KeyNames() const {
  std::set<std::string> names;
  for (const auto& [k, v] : keys_) names.insert(std::get<2>(k));
  return {names.begin(), names.end()};
}

}  // namespace jr
