#include "forecast/lever_plan.h"

#include <algorithm>

namespace jr::forecast {

LeverPlan::LeverPlan(const Calibration& c, int months)
    : months_(months),
      munis_(static_cast<int>(c.municipalities.size())),
      groups_(static_cast<int>(c.groups.size())),
      products_(static_cast<int>(c.products.size())) {
  size_t mm = static_cast<size_t>(months_) * munis_;
  inflow_.assign(mm * kRoutes, 1.0);
  duration_.assign(mm * groups_, 1.0);
  volume_.assign(mm * groups_, 1.0);
  tariff_.assign(mm * groups_, 1.0);
  reindication_.assign(mm * groups_, -1.0);
  shift_.assign(mm, 0.0);
  removed_.assign(mm * products_, 0);
  nee_tenzij_.assign(mm, 0);
  team_budgets_.assign(mm, 0);
  review_above_.assign(mm, -1.0);
  review_refused_.assign(mm, -1.0);
}

Result<LeverPlan> LeverPlan::Resolve(const Calibration& c, int months,
                                     const std::vector<Lever>& levers) {
  LeverPlan plan(c, months);
  for (const Lever& lever : levers) {
    auto error = [&](const std::string& what) {
      return Status::Error("hefboom '" + lever.name + "': " + what);
    };
    std::vector<int> munis;
    for (const std::string& code : lever.municipalities) {
      int i = c.MunicipalityIndex(code);
      if (i < 0) return error("onbekende gemeente '" + code + "'");
      munis.push_back(i);
    }
    if (lever.municipalities.empty()) {
      for (int i = 0; i < plan.munis_; ++i) munis.push_back(i);
    }
    // Group indexes of a per-group table; "alle" expands to every group.
    std::vector<std::pair<int, double>> resolved[4];
    const std::map<std::string, double>* tables[4] = {
        &lever.duration_factor, &lever.volume_factor, &lever.tariff_change,
        &lever.reindication};
    for (int t = 0; t < 4; ++t) {
      for (const auto& [name, value] : *tables[t]) {
        if (name == kAllGroups) {
          for (int g = 0; g < plan.groups_; ++g) resolved[t].push_back({g, value});
          continue;
        }
        int g = c.GroupIndex(name);
        if (g < 0) return error("onbekende productgroep '" + name + "'");
        resolved[t].push_back({g, value});
      }
    }
    std::vector<int> removed;
    for (const std::string& p : lever.products_removed) {
      int i = c.ProductIndex(p);
      if (i < 0) return error("onbekend product '" + p + "'");
      removed.push_back(i);
    }
    if (lever.residential_to_outpatient > 0) {
      plan.residential_ = c.GroupIndex(lever.residential);
      plan.outpatient_ = c.GroupIndex(lever.outpatient);
      if (plan.residential_ < 0)
        return error("onbekende productgroep '" + lever.residential + "'");
      if (plan.outpatient_ < 0)
        return error("onbekende productgroep '" + lever.outpatient + "'");
    }
    for (int m = std::max(0, lever.start_month - c.start_month); m < months; ++m) {
      for (int muni : munis) {
        const size_t at = static_cast<size_t>(m) * plan.munis_ + muni;
        if (lever.nee_tenzij) plan.nee_tenzij_[at] = *lever.nee_tenzij;
        if (lever.team_budgets) plan.team_budgets_[at] = *lever.team_budgets;
        if (lever.review_above) plan.review_above_[at] = *lever.review_above * 100;
        if (lever.review_refused) plan.review_refused_[at] = *lever.review_refused;
        for (const auto& [route, f] : lever.inflow_factor) {
          plan.inflow_[plan.Index(m, muni, static_cast<int>(route), kRoutes)] *= f;
        }
        for (const auto& [g, f] : resolved[0])
          plan.duration_[plan.Index(m, muni, g, plan.groups_)] *= f;
        for (const auto& [g, f] : resolved[1])
          plan.volume_[plan.Index(m, muni, g, plan.groups_)] *= f;
        for (const auto& [g, f] : resolved[2])
          plan.tariff_[plan.Index(m, muni, g, plan.groups_)] *= 1 + f;
        for (const auto& [g, p] : resolved[3])
          plan.reindication_[plan.Index(m, muni, g, plan.groups_)] = p;
        for (int p : removed) plan.removed_[plan.Index(m, muni, p, plan.products_)] = 1;
        double& s = plan.shift_[static_cast<size_t>(m) * plan.munis_ + muni];
        s = 1 - (1 - s) * (1 - lever.residential_to_outpatient);
      }
    }
    plan.empty_ = false;
  }
  return plan;
}

}  // namespace jr::forecast
