#include "settle/settlement_input.h"

#include <algorithm>
#include <set>

namespace jr::settle {
namespace {

int IndexIn(const std::vector<std::string>& sorted, const std::string& v) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), v);
  if (it == sorted.end() || *it != v) return -1;
  return static_cast<int>(it - sorted.begin());
}

}  // namespace

int YearData::MunicipalityIndex(const std::string& code) const {
  return IndexIn(municipalities, code);
}

int YearData::BucketIndex(const std::string& bucket) const {
  return IndexIn(buckets, bucket);
}

std::vector<Money> YearData::UseOf(int bucket) const {
  if (bucket >= 0) return use[bucket];
  std::vector<Money> out(municipalities.size());
  for (const auto& row : use) {
    for (size_t m = 0; m < row.size(); ++m) out[m] += row[m];
  }
  return out;
}

std::vector<int64_t> YearData::ClientsOf(int bucket) const {
  if (bucket >= 0) return clients[bucket];
  std::vector<int64_t> out(municipalities.size());
  for (const auto& row : clients) {
    for (size_t m = 0; m < row.size(); ++m) out[m] += row[m];
  }
  return out;
}

Money YearData::TotalUse(int bucket) const {
  Money total;
  for (Money v : UseOf(bucket)) total += v;
  return total;
}

const YearData* SettlementInput::Year(int year) const {
  auto it = years.find(year);
  return it == years.end() ? nullptr : &it->second;
}

int SettlementInput::FirstYear() const {
  return years.empty() ? 0 : years.begin()->first;
}

std::vector<int> SettlementInput::RollUp(const YearData& from, const YearData& to) const {
  std::vector<int> out(from.municipalities.size(), -1);
  for (size_t m = 0; m < from.municipalities.size(); ++m) {
    std::string code = from.municipalities[m];
    for (int guard = 0; guard < 32; ++guard) {
      int idx = to.MunicipalityIndex(code);
      if (idx >= 0) {
        out[m] = idx;
        break;
      }
      auto it = successor.find(code);
      if (it == successor.end()) break;
      code = it->second;
    }
  }
  return out;
}

std::string SettlementInput::Name(const std::string& code) const {
  auto it = names.find(code);
  return it == names.end() ? code : it->second;
}

std::vector<std::string> SettlementInput::KeyNames() const {
  std::set<std::string> out;
  for (const auto& [year, data] : years) {
    for (const auto& [key, values] : data.keys) out.insert(key);
  }
  return {out.begin(), out.end()};
}

}  // namespace jr::settle
