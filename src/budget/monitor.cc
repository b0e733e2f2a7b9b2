#include "budget/monitor.h"

#include <fmt/format.h>

#include "region/key_weights.h"

namespace jr {
namespace {

Money Indexed(Money m, double indexation) {
  return Money::FromCents(
      RoundCents(static_cast<double>(m.cents()) * (1.0 + indexation)));
}

std::optional<Money> Minus(std::optional<Money> a, std::optional<Money> b) {
  if (!a || !b) return std::nullopt;
  return *a - *b;
}

// Region rows: path, cost and the three caps.
std::vector<MonitorRow> RegionRows(const MonitorInput& in) {
  const BudgetConfig& c = in.config;
  std::vector<PathRow> path = ComputeTargetPath(c.years);
  std::vector<MonitorRow> rows;
  std::optional<Money> prev_realised =
      c.realised_before ? c.realised_before : in.store.Total(c.years.front().year - 1);
  std::optional<Money> prev_cap2;
  for (size_t i = 0; i < c.years.size(); ++i) {
    const BudgetYear& y = c.years[i];
    MonitorRow r;
    r.path = path[i];
    r.realised = y.realised;
    if (!r.realised) {
      r.realised = in.store.Total(y.year);
      r.realised_from_store = r.realised.has_value();
    }
    r.forecast = y.forecast;
    if (r.realised) {
      r.basis = CostBasis::kRealised;
      r.cost = r.realised;
    } else if (r.forecast) {
      r.basis = CostBasis::kForecast;
      r.cost = r.forecast;
    }
    r.path_gap = Minus(r.cost, r.path.annual_cost);
    r.cap[0] = y.state_budget;
    if (prev_realised) {
      r.cap[1] = Indexed(*prev_realised, c.indexation);
    } else if (prev_cap2) {
      r.cap[1] = Indexed(*prev_cap2, c.indexation);
    }
    r.cap[2] = r.path.annual_cost;
    for (int s = 0; s < kScenarios; ++s) r.gap[s] = Minus(r.cost, r.cap[s]);
    prev_realised = r.realised;
    prev_cap2 = r.cap[1];
    rows.push_back(r);
  }
  return rows;
}

// Splits an optional amount by key; nullopt parts when the amount is unknown.
Result<std::vector<std::optional<Money>>> SplitOptional(std::optional<Money> total,
                                                        const KeyWeights& w) {
  std::vector<std::optional<Money>> out(w.codes.size());
  if (!total) return out;
  auto parts = SplitByKey(*total, w);
  if (!parts.ok()) return parts.status();
  for (size_t i = 0; i < out.size(); ++i) out[i] = (*parts)[i];
  return out;
}

Status MunicipalityRows(const MonitorInput& in, const std::vector<MonitorRow>& years,
                        std::vector<MunicipalityRow>& out) {
  const std::string& key = in.key.empty() ? in.config.key : in.key;
  for (const MonitorRow& y : years) {
    auto w = WeightsFor(*in.region, y.path.year, key);
    if (!w.ok()) return w.status();
    std::array<std::vector<std::optional<Money>>, kScenarios> caps;
    for (int s = 0; s < kScenarios; ++s) {
      auto parts = SplitOptional(y.cap[s], *w);
      if (!parts.ok()) return parts.status();
      caps[s] = std::move(parts).value();
    }
    std::vector<std::optional<Money>> cost;
    if (y.realised_from_store) {
      auto shared = in.store.shared.find(y.path.year);
      auto parts =
          SplitOptional(shared == in.store.shared.end() ? Money() : shared->second, *w);
      if (!parts.ok()) return parts.status();
      cost = std::move(parts).value();
      auto own = in.store.own.find(y.path.year);
      for (size_t i = 0; i < cost.size() && own != in.store.own.end(); ++i) {
        auto m = own->second.find(w->codes[i]);
        if (m != own->second.end()) *cost[i] += m->second;
      }
    } else {
      auto parts = SplitOptional(y.cost, *w);
      if (!parts.ok()) return parts.status();
      cost = std::move(parts).value();
    }
    for (size_t i = 0; i < w->codes.size(); ++i) {
      MunicipalityRow r;
      r.year = y.path.year;
      r.code = w->codes[i];
      r.share = w->Share(i);
      r.cost = cost[i];
      r.cost_from_store = y.realised_from_store;
      for (int s = 0; s < kScenarios; ++s) {
        r.cap[s] = caps[s][i];
        r.gap[s] = Minus(r.cost, r.cap[s]);
      }
      out.push_back(std::move(r));
    }
  }
  return Status::Ok();
}

}  // namespace

const char* CostBasisName(CostBasis b) {
  switch (b) {
    case CostBasis::kRealised:
      return "realisatie";
    case CostBasis::kForecast:
      return "prognose";
    case CostBasis::kNone:
      break;
  }
  return "";
}

Result<MonitorResult> ComputeMonitor(const MonitorInput& input) {
  MonitorResult result;
  result.years = RegionRows(input);
  if (input.region != nullptr) {
    if (Status s = MunicipalityRows(input, result.years, result.municipalities);
        !s.ok()) {
      return s;
    }
  }
  return result;
}

}  // namespace jr
