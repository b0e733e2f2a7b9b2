#include "settle/input_builder.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string_view>

namespace jr::settle {

std::string InputBuilder::Target(const std::string& code, int year) const {
  std::string cache_key = code + "/" + std::to_string(year);
  auto it = targets_.find(cache_key);
  if (it == targets_.end()) {
    std::string target = region_.SuccessorIn(code, year);
    const Municipality* m = region_.Find(target);
    if (m == nullptr || !m->ActiveInYear(year)) target.clear();
    it = targets_.emplace(std::move(cache_key), std::move(target)).first;
  }
  if (it->second.empty()) ++dropped_;
  return it->second;
}

int InputBuilder::Intern(const std::string& name) {
  auto [it, added] = name_ids_.emplace(name, static_cast<int>(names_.size()));
  if (added) names_.push_back(name);
  return it->second;
}

void InputBuilder::AddUse(const std::string& code, int year, const std::string& bucket,
                          Money cost, int64_t clients) {
  std::string target = Target(code, year);
  if (target.empty()) return;
  auto& cell = use_[{year, bucket, target}];
  cell.first += cost;
  cell.second += clients;
}

void InputBuilder::AddClientCost(const std::string& client, const std::string& code,
                                 int year, const std::string& bucket, Money cost) {
  std::string target = Target(code, year);
  if (target.empty()) return;
  auto id =
      client_ids_.emplace(client, static_cast<int>(client_ids_.size())).first->second;
  client_rows_.push_back(ClientRow{year, id, Intern(target), Intern(bucket), cost});
}

void InputBuilder::AddFixedCost(int year, const std::string& bucket, Money amount) {
  fixed_[{year, bucket}] += amount;
}

void InputBuilder::AddLocalCost(const std::string& code, int year,
                                const std::string& bucket, Money amount) {
  std::string target = Target(code, year);
  if (target.empty()) return;
  local_[{year, bucket, target}] += amount;
}

SettlementInput InputBuilder::Build() const {
  SettlementInput out;
  for (const Municipality& m : region_.municipalities()) {
    out.names[m.code] = m.name;
    if (!m.successor.empty()) out.successor[m.code] = m.successor;
  }
  std::map<int, std::set<std::string>> buckets;
  std::map<int, std::set<std::string>> local_buckets;
  for (const auto& [k, v] : use_) buckets[std::get<0>(k)].insert(std::get<1>(k));
  std::set<std::pair<int, int>> client_buckets;
  for (const ClientRow& row : client_rows_) client_buckets.emplace(row.year, row.bucket);
  for (const auto& [year, bucket] : client_buckets) buckets[year].insert(names_[bucket]);
  for (const auto& [k, v] : local_) local_buckets[std::get<0>(k)].insert(std::get<1>(k));
  std::set<int> years;
  for (const auto& [y, b] : buckets) years.insert(y);
  for (const auto& [y, b] : local_buckets) years.insert(y);
  for (const auto& [k, v] : fixed_) years.insert(k.first);

  const std::vector<std::string> key_names = region_.KeyNames();
  for (int y : years) {
    YearData& d = out.years[y];
    d.year = y;
    d.municipalities = region_.ActiveIn(y);
    const size_t n = d.municipalities.size();
    d.buckets.assign(buckets[y].begin(), buckets[y].end());
    d.use.assign(d.buckets.size(), std::vector<Money>(n));
    d.clients.assign(d.buckets.size(), std::vector<int64_t>(n));
    for (const std::string& key : key_names) {
      std::vector<double> values(n, std::numeric_limits<double>::quiet_NaN());
      bool any = false;
      for (size_t m = 0; m < n; ++m) {
        if (auto v = region_.Key(d.municipalities[m], y, key)) {
          values[m] = *v;
          any = true;
        }
      }
      if (any) d.keys[key] = std::move(values);
    }
    d.state_grant.resize(n);
    if (auto it = d.keys.find(kKeyStateGrant); it != d.keys.end()) {
      for (size_t m = 0; m < n; ++m) {
        if (!std::isnan(it->second[m])) {
          d.state_grant[m] = Money::FromCents(RoundCents(it->second[m] * 100.0));
        }
      }
    }
    for (const std::string& bucket : local_buckets[y]) {
      d.local_costs.push_back(CostLine{bucket, std::vector<Money>(n)});
    }
  }
  for (const auto& [k, v] : use_) {
    YearData& d = out.years[std::get<0>(k)];
    int b = d.BucketIndex(std::get<1>(k));
    int m = d.MunicipalityIndex(std::get<2>(k));
    d.use[b][m] += v.first;
    d.clients[b][m] += v.second;
  }
  // Clients in the order of their pseudonyms, not of arrival: the bootstrap draws by
  // position, so the same data gives the same draws however many years were loaded.
  std::vector<int> rank(client_ids_.size());
  {
    std::vector<std::pair<std::string_view, int>> by_name;
    by_name.reserve(client_ids_.size());
    for (const auto& [name, id] : client_ids_) by_name.emplace_back(name, id);
    std::sort(by_name.begin(), by_name.end());
    for (size_t i = 0; i < by_name.size(); ++i)
      rank[by_name[i].second] = static_cast<int>(i);
  }
  std::vector<ClientRow> rows = client_rows_;
  std::sort(rows.begin(), rows.end(), [&rank](const ClientRow& a, const ClientRow& b) {
    return std::tie(a.year, rank[a.client], a.municipality, a.bucket) <
           std::tie(b.year, rank[b.client], b.municipality, b.bucket);
  });
  for (size_t i = 0; i < rows.size(); ++i) {
    const ClientRow& row = rows[i];
    YearData& d = out.years[row.year];
    const int m = d.MunicipalityIndex(names_[row.municipality]);
    const int b = d.BucketIndex(names_[row.bucket]);
    const bool same_client = i > 0 && rows[i - 1].year == row.year &&
                             rows[i - 1].client == row.client &&
                             rows[i - 1].municipality == row.municipality;
    if (same_client && rows[i - 1].bucket == row.bucket) {
      d.client_costs.back().cost += row.cost;
      continue;
    }
    const int client = d.client_costs.empty() ? 0
                       : same_client          ? d.client_costs.back().client
                                              : d.client_costs.back().client + 1;
    d.client_costs.push_back(ClientCost{client, m, b, row.cost});
  }
  for (const auto& [k, amount] : fixed_) {
    out.years[k.first].fixed_costs.push_back(CostLine{k.second, {amount}});
  }
  for (const auto& [k, amount] : local_) {
    YearData& d = out.years[std::get<0>(k)];
    for (CostLine& line : d.local_costs) {
      if (line.bucket == std::get<1>(k))
        line.cost[d.MunicipalityIndex(std::get<2>(k))] += amount;
    }
  }
  return out;
}

}  // namespace jr::settle
