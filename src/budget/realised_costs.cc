#include "budget/realised_costs.h"

#include "store/store.h"

namespace jr {

std::optional<Money> RealisedCosts::Total(int year) const {
  auto o = own.find(year);
  auto s = shared.find(year);
  if (o == own.end() && s == shared.end()) return std::nullopt;
  Money total = s == shared.end() ? Money() : s->second;
  if (o != own.end()) {
    for (const auto& [code, m] : o->second) total += m;
  }
  return total;
}

Result<RealisedCosts> LoadRealisedCosts(const Store& store, const Region& region,
                                        bool include_fixed, bool include_local) {
  RealisedCosts r;
  auto use = store.UseByMunicipalityYearBucket();
  if (!use.ok()) return use.status();
  for (const UseRow& u : *use) {
    r.own[u.year][region.SuccessorIn(u.municipality, u.year)] += u.cost;
  }
  if (include_local) {
    auto local = store.LoadLocalCosts();
    if (!local.ok()) return local.status();
    for (const CostItem& c : *local) {
      r.own[c.year][region.SuccessorIn(c.municipality, c.year)] += c.amount;
    }
  }
  if (include_fixed) {
    auto fixed = store.LoadFixedCosts();
    if (!fixed.ok()) return fixed.status();
    for (const CostItem& c : *fixed) {
      r.shared[c.year] += c.amount;
      r.shared_by_bucket[c.year][c.bucket] += c.amount;
    }
  }
  return r;
}

}  // namespace jr
