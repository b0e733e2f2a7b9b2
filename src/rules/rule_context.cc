#include "rules/rule_context.h"

#include <fmt/format.h>

#include <algorithm>

namespace jr::rules {
namespace {

std::string ProductKey(std::string_view category, std::string_view code) {
  return fmt::format("{}/{}", category, code);
}
std::string TariffKey(const std::string& category, const std::string& code, int year,
                      const std::string& agb) {
  return fmt::format("{}/{}/{}/{}", category, code, year, agb);
}

}  // namespace

Result<RuleContext> RuleContext::Build(const Store& store, RegionRules rules) {
  auto region = store.LoadRegion();
  if (!region.ok()) return region.status();
  auto products = store.LoadProducts();
  if (!products.ok()) return products.status();
  auto tariffs = store.LoadTariffs();
  if (!tariffs.ok()) return tariffs.status();
  auto contracts = store.LoadContracts();
  if (!contracts.ok()) return contracts.status();
  auto teams = store.LoadYouthTeams();
  if (!teams.ok()) return teams.status();
  auto clients = store.LoadClients();
  if (!clients.ok()) return clients.status();
  auto assignments = store.LoadAssignments();
  if (!assignments.ok()) return assignments.status();
  return FromValues(std::move(region).value(), std::move(products).value(),
                    std::move(tariffs).value(), std::move(contracts).value(),
                    std::move(teams).value(), std::move(clients).value(),
                    std::move(assignments).value(), std::move(rules));
}

RuleContext RuleContext::FromValues(Region region, std::vector<Product> products,
                                    std::vector<Tariff> tariffs,
                                    std::vector<Contract> contracts,
                                    std::vector<YouthTeam> teams,
                                    std::vector<ClientResidence> clients,
                                    std::vector<Assignment> assignments,
                                    RegionRules rules) {
  RuleContext c;
  c.rules_ = std::move(rules);
  c.region_ = std::move(region);
  c.products_ = std::move(products);
  c.contracts_ = std::move(contracts);
  c.teams_ = std::move(teams);
  c.clients_ = std::move(clients);
  c.assignments_ = std::move(assignments);
  for (const Tariff& t : tariffs) {
    c.tariffs_[TariffKey(t.category, t.code, t.year, t.agb)] = t.per_unit;
  }
  c.Index();
  return c;
}

void RuleContext::Index() {
  std::sort(assignments_.begin(), assignments_.end(),
            [](const Assignment& a, const Assignment& b) { return a.number < b.number; });
  std::sort(clients_.begin(), clients_.end(),
            [](const ClientResidence& a, const ClientResidence& b) {
              return std::tie(a.client, a.begin) < std::tie(b.client, b.begin);
            });
  assignment_index_.reserve(assignments_.size());
  for (size_t i = 0; i < assignments_.size(); ++i) {
    assignment_index_.emplace(assignments_[i].number, i);
  }
  for (size_t i = 0; i < products_.size(); ++i) {
    product_index_[ProductKey(products_[i].category, products_[i].code)] = i;
  }
  for (const ProductLimit& p : rules_.products) {
    if (p.max_per_week) max_per_week_[ProductKey(p.category, p.code)] = *p.max_per_week;
  }
}

const Assignment* RuleContext::FindAssignment(std::string_view number) const {
  auto it = assignment_index_.find(std::string(number));
  return it == assignment_index_.end() ? nullptr : &assignments_[it->second];
}

const Product* RuleContext::FindProduct(std::string_view category,
                                        std::string_view code) const {
  auto it = product_index_.find(ProductKey(category, code));
  return it == product_index_.end() ? nullptr : &products_[it->second];
}

std::optional<Money> RuleContext::ContractTariff(const std::string& category,
                                                 const std::string& code, int year,
                                                 const std::string& agb) const {
  if (agb.empty()) return std::nullopt;
  auto it = tariffs_.find(TariffKey(category, code, year, agb));
  if (it == tariffs_.end()) return std::nullopt;
  return it->second;
}

std::optional<Money> RuleContext::AgreedTariff(const std::string& category,
                                               const std::string& code, int year,
                                               const std::string& agb) const {
  if (auto t = ContractTariff(category, code, year, agb)) return t;
  auto it = tariffs_.find(TariffKey(category, code, year, ""));
  if (it == tariffs_.end()) return std::nullopt;
  return it->second;
}

std::optional<int64_t> RuleContext::MaxPerWeek(std::string_view category,
                                               std::string_view code) const {
  auto it = max_per_week_.find(ProductKey(category, code));
  if (it == max_per_week_.end()) return std::nullopt;
  return it->second;
}

std::string RuleContext::ResidenceOn(const std::string& client, Date day) const {
  // The first period of the client after `day`, then one back.
  auto it = std::upper_bound(
      clients_.begin(), clients_.end(), std::pair<const std::string&, Date>(client, day),
      [](const std::pair<const std::string&, Date>& k, const ClientResidence& r) {
        return std::tie(k.first, k.second) < std::tie(r.client, r.begin);
      });
  if (it == clients_.begin()) return "";
  --it;
  if (it->client != client) return "";
  return it->municipality;
}

bool RuleContext::IsResidential(const Assignment& a) const {
  const Product* p = FindProduct(a.category, a.product_code);
  if (p == nullptr) return false;
  return std::find(rules_.residential_buckets.begin(), rules_.residential_buckets.end(),
                   p->bucket) != rules_.residential_buckets.end();
}

const YouthTeam* RuleContext::FindTeam(const std::string& team, int year) const {
  for (const YouthTeam& t : teams_) {
    if (t.team == team && t.year == year) return &t;
  }
  return nullptr;
}

}  // namespace jr::rules
