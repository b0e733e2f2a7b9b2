#include "rules/rule_context.h"

#include <fmt/format.h>

#include <algorithm>

#include "rules/review_rule.h"

namespace jr::rules {
namespace {

// The index keys, built in a buffer of the caller: the lookups run for every line, so
// they allocate nothing ("cat/code", "cat/code/year/agb").
class KeyBuffer {
 public:
  KeyBuffer& Add(std::string_view part) {
    size_t n = std::min(part.size(), sizeof(buf_) - size_);
    std::copy_n(part.data(), n, buf_ + size_);
    size_ += n;
    return *this;
  }
  KeyBuffer& Sep() { return Add("/"); }
  KeyBuffer& Add(int year) {
    char digits[12];
    auto end = fmt::format_to_n(digits, sizeof(digits), "{}", year).out;
    return Add(std::string_view(digits, static_cast<size_t>(end - digits)));
  }
  std::string_view view() const { return {buf_, size_}; }
  // True when every part fit (keys are bounded by the import: 2 + 5 + 4 + 8 chars).
  bool whole() const { return size_ < sizeof(buf_); }

 private:
  char buf_[96];
  size_t size_ = 0;
};

std::string ProductKey(std::string_view category, std::string_view code) {
  KeyBuffer k;
  return std::string(k.Add(category).Sep().Add(code).view());
}
std::string TariffKey(const std::string& category, const std::string& code, int year,
                      const std::string& agb) {
  KeyBuffer k;
  return std::string(
      k.Add(category).Sep().Add(code).Sep().Add(year).Sep().Add(agb).view());
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
  auto decisions = store.LoadReviewDecisions();
  if (!decisions.ok()) return decisions.status();
  return FromValues(
      std::move(region).value(), std::move(products).value(), std::move(tariffs).value(),
      std::move(contracts).value(), std::move(teams).value(), std::move(clients).value(),
      std::move(assignments).value(), std::move(rules), std::move(decisions).value());
}

RuleContext RuleContext::FromValues(
    Region region, std::vector<Product> products, std::vector<Tariff> tariffs,
    std::vector<Contract> contracts, std::vector<YouthTeam> teams,
    std::vector<ClientResidence> clients, std::vector<Assignment> assignments,
    RegionRules rules, std::vector<ReviewDecision> decisions) {
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
  for (ReviewDecision& d : decisions) {
    std::string number = d.assignment;
    c.decisions_.insert_or_assign(std::move(number), std::move(d));
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
  for (size_t i = 0; i < clients_.size();) {
    size_t j = i;
    while (j < clients_.size() && clients_[j].client == clients_[i].client) ++j;
    client_index_.emplace(clients_[i].client, std::make_pair(i, j));
    i = j;
  }
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
  // The youth teams' use per year, in order of start (assignments_ is by number).
  for (size_t i = 0; i < assignments_.size(); ++i) {
    const Assignment& a = assignments_[i];
    if (!a.team.empty())
      team_use_[{a.team, static_cast<int>(a.start.year())}].assignments.push_back(i);
  }
  for (auto& [key, use] : team_use_) {
    std::stable_sort(use.assignments.begin(), use.assignments.end(),
                     [&](size_t x, size_t y) {
                       return assignments_[x].start < assignments_[y].start;
                     });
    const YouthTeam* team = FindTeam(key.first, key.second);
    for (size_t i : use.assignments) {
      const Assignment& a = assignments_[i];
      use.issued += AssignmentValue(a, *this).value_or(Money());
      if (team && team->budget && use.issued > *team->budget) {
        if (!use.exhausted) use.exhausted = a.start;
        past_team_budget_.insert(a.number);
      }
    }
  }
}

const ReviewDecision* RuleContext::FindReviewDecision(std::string_view number) const {
  auto it = decisions_.find(number);
  return it == decisions_.end() ? nullptr : &it->second;
}

const RuleContext::TeamYearUse* RuleContext::TeamUse(const std::string& team,
                                                     int year) const {
  auto it = team_use_.find({team, year});
  return it == team_use_.end() ? nullptr : &it->second;
}

bool RuleContext::PastTeamBudget(const Assignment& a) const {
  return past_team_budget_.count(a.number) > 0;
}

const Assignment* RuleContext::FindAssignment(std::string_view number) const {
  auto it = assignment_index_.find(number);
  return it == assignment_index_.end() ? nullptr : &assignments_[it->second];
}

const Product* RuleContext::FindProduct(std::string_view category,
                                        std::string_view code) const {
  KeyBuffer k;
  k.Add(category).Sep().Add(code);
  if (!k.whole()) return nullptr;
  auto it = product_index_.find(k.view());
  return it == product_index_.end() ? nullptr : &products_[it->second];
}

std::optional<Money> RuleContext::ContractTariff(const std::string& category,
                                                 const std::string& code, int year,
                                                 const std::string& agb) const {
  if (agb.empty()) return std::nullopt;
  KeyBuffer k;
  k.Add(category).Sep().Add(code).Sep().Add(year).Sep().Add(agb);
  if (!k.whole()) return std::nullopt;
  auto it = tariffs_.find(k.view());
  if (it == tariffs_.end()) return std::nullopt;
  return it->second;
}

std::optional<Money> RuleContext::AgreedTariff(const std::string& category,
                                               const std::string& code, int year,
                                               const std::string& agb) const {
  if (auto t = ContractTariff(category, code, year, agb)) return t;
  KeyBuffer k;
  k.Add(category).Sep().Add(code).Sep().Add(year).Sep();
  if (!k.whole()) return std::nullopt;
  auto it = tariffs_.find(k.view());
  if (it == tariffs_.end()) return std::nullopt;
  return it->second;
}

std::optional<int64_t> RuleContext::MaxPerWeek(std::string_view category,
                                               std::string_view code) const {
  KeyBuffer k;
  k.Add(category).Sep().Add(code);
  auto it = max_per_week_.find(k.view());
  if (it == max_per_week_.end() || !k.whole()) return std::nullopt;
  return it->second;
}

std::string RuleContext::ResidenceOn(const std::string& client, Date day) const {
  // The client's periods (by begin): the last one that begins on or before `day`.
  auto range = client_index_.find(client);
  if (range == client_index_.end()) return "";
  const ClientResidence* found = nullptr;
  for (size_t i = range->second.first; i < range->second.second; ++i) {
    if (clients_[i].begin > day) break;
    found = &clients_[i];
  }
  return found ? found->municipality : "";
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
