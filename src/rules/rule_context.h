// RuleContext: everything the care rules look up, built once from the store before
// the declarations stream past: assignments by number, products with their care
// class, regional and contract tariffs, contracts, clients' residence periods, youth
// teams and the region's own rules (regels.toml).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "care/assignment.h"
#include "care/product.h"
#include "care/provider.h"
#include "care/review_decision.h"
#include "core/status.h"
#include "region/region.h"
#include "rules/region_rules.h"
#include "store/store.h"

namespace jr::rules {

// Hashing of std::string keys that also finds by std::string_view (no key copies).
struct KeyHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using KeyMap = std::unordered_map<std::string, V, KeyHash, std::equal_to<>>;

class RuleContext {
 public:
  // Loads what the rules need from `store`. Errors of the store are returned.
  static Result<RuleContext> Build(const Store& store, RegionRules rules);
  // For tests: from values.
  static RuleContext FromValues(Region region, std::vector<Product> products,
                                std::vector<Tariff> tariffs,
                                std::vector<Contract> contracts,
                                std::vector<YouthTeam> teams,
                                std::vector<ClientResidence> clients,
                                std::vector<Assignment> assignments, RegionRules rules,
                                std::vector<ReviewDecision> decisions = {});

  const RegionRules& rules() const { return rules_; }
  const Region& region() const { return region_; }
  const std::vector<Assignment>& assignments() const { return assignments_; }
  const std::vector<Contract>& contracts() const { return contracts_; }
  const std::vector<YouthTeam>& teams() const { return teams_; }

  // nullptr when unknown.
  const Assignment* FindAssignment(std::string_view number) const;
  const Product* FindProduct(std::string_view category, std::string_view code) const;
  // The provider's contract tariff for the product and year (tarieven.csv with agb).
  std::optional<Money> ContractTariff(const std::string& category,
                                      const std::string& code, int year,
                                      const std::string& agb) const;
  // The contract tariff, else the regional one; none when neither is known.
  std::optional<Money> AgreedTariff(const std::string& category, const std::string& code,
                                    int year, const std::string& agb) const;
  // The region's maximum units per ISO week for the product (regels.toml).
  std::optional<int64_t> MaxPerWeek(std::string_view category,
                                    std::string_view code) const;
  // The municipality where `client` lives on `day` (its residence period with the
  // latest begin <= day); empty when none is known.
  std::string ResidenceOn(const std::string& client, Date day) const;
  // True when the product's cost bucket is residential care (RegionRules).
  bool IsResidential(const Assignment& a) const;
  // The youth team in a year; nullptr when unknown.
  const YouthTeam* FindTeam(const std::string& team, int year) const;
  // The review committee's decision on an assignment (toetsingen.csv); nullptr: none.
  const ReviewDecision* FindReviewDecision(std::string_view number) const;

  // What a youth team issued in a year: its assignments that start in the year, in
  // order of start and number, each valued by AssignmentValue (none: 0); `exhausted`
  // is the start of the first one that takes the sum above the team's budget.
  struct TeamYearUse {
    Money issued;
    std::optional<Date> exhausted;
    std::vector<size_t> assignments;  // indices into assignments()
  };
  const TeamYearUse* TeamUse(const std::string& team, int year) const;
  // True when `a` was issued after its team's budget of the year ran out (it is the
  // one that took the sum above the budget, or a later one).
  bool PastTeamBudget(const Assignment& a) const;

 private:
  void Index();

  RegionRules rules_;
  Region region_;
  std::vector<Product> products_;
  std::vector<Contract> contracts_;
  std::vector<YouthTeam> teams_;
  std::vector<ClientResidence> clients_;  // by client, begin
  std::vector<Assignment> assignments_;   // by number
  KeyMap<size_t> assignment_index_;
  KeyMap<size_t> product_index_;  // "cat/code"
  KeyMap<Money> tariffs_;         // "cat/code/year/agb"
  // Per client the range [first, second) of its periods in clients_.
  KeyMap<std::pair<size_t, size_t>> client_index_;
  std::map<std::string, int64_t, std::less<>> max_per_week_;      // "cat/code"
  std::map<std::string, ReviewDecision, std::less<>> decisions_;  // by assignment
  std::map<std::pair<std::string, int>, TeamYearUse> team_use_;
  std::unordered_set<std::string> past_team_budget_;  // assignment numbers
};

}  // namespace jr::rules
