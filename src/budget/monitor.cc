#include "budget/monitor.h"

#include <fmt/format.h>

#include <algorithm>

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

// The base of scenario 2 and the shares of caps 2 and 3: the realisation of the year
// before the first, of the municipalities in the region in the first year (the
// realisation of one that merged counts for its successor; one that left the region
// is not in the base). Per municipality: its declared care (+ local costs when
// configured) and its share of the fixed regional costs by the fixed-cost key.
struct Base {
  int year = 0;
  std::map<std::string, Money> by_code;  // municipality of the first year -> base
  Money total;                           // sum of by_code
};

// Splits each fixed cost bucket of `year` by the fixed-cost key over the
// municipalities active that year (as settle does, to the cent).
Result<std::map<std::string, Money>> FixedShares(const MonitorInput& in, int year) {
  std::map<std::string, Money> out;
  auto buckets = in.store.shared_by_bucket.find(year);
  if (buckets == in.store.shared_by_bucket.end()) return out;
  auto w = WeightsFor(*in.region, year, kFixedCostKey);
  if (!w.ok()) return w.status();
  for (const auto& [bucket, amount] : buckets->second) {
    auto parts = SplitByKey(amount, *w);
    if (!parts.ok()) return parts.status();
    for (size_t i = 0; i < w->codes.size(); ++i) out[w->codes[i]] += (*parts)[i];
  }
  return out;
}

Result<std::optional<Base>> BaseRealisation(const MonitorInput& in) {
  const int first = in.config.years.front().year;
  const int base_year = first - 1;
  if (in.region == nullptr) return std::optional<Base>();
  auto own = in.store.own.find(base_year);
  if (own == in.store.own.end()) return std::optional<Base>();
  auto fixed = FixedShares(in, base_year);
  if (!fixed.ok()) return fixed.status();
  const std::vector<std::string> active = in.region->ActiveIn(first);
  auto in_region = [&active](const std::string& code) {
    return std::binary_search(active.begin(), active.end(), code);
  };
  Base base;
  base.year = base_year;
  for (const std::string& code : active) base.by_code[code] = Money();
  auto add = [&](const std::string& code, Money m) {
    const std::string to = in.region->SuccessorIn(code, first);
    if (!in_region(to)) return;  // left the region: not in the base
    base.by_code[to] += m;
    base.total += m;
  };
  for (const auto& [code, m] : own->second) add(code, m);
  for (const auto& [code, m] : *fixed) add(code, m);
  return std::optional<Base>(std::move(base));
}

// Region rows: path, cost and the three caps.
std::vector<MonitorRow> RegionRows(const MonitorInput& in,
                                   const std::optional<Base>& base) {
  const BudgetConfig& c = in.config;
  std::vector<PathRow> path = ComputeTargetPath(c.years);
  std::vector<MonitorRow> rows;
  std::optional<Money> base_total = c.realised_before;
  if (!base_total && base) base_total = base->total;
  if (!base_total && in.region == nullptr) {
    base_total = in.store.Total(c.years.front().year - 1);
  }
  std::optional<Money> cap2;
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
    // A fixed base: later overruns do not raise the cap.
    if (i == 0) {
      if (base_total) cap2 = Indexed(*base_total, c.indexation);
    } else if (cap2) {
      cap2 = Indexed(*cap2, c.yearly_indexation);
    }
    r.cap[1] = cap2;
    r.cap[2] = r.path.annual_cost;
    for (int s = 0; s < kScenarios; ++s) r.gap[s] = Minus(r.cost, r.cap[s]);
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

// The weights of the municipalities active in `year` by their base (a municipality
// merged since the first year carries the base of its predecessors).
KeyWeights BaseWeights(const Region& region, const Base& base, int year) {
  KeyWeights w;
  w.year = year;
  w.key = "basisjaar";
  w.codes = region.ActiveIn(year);
  w.weights.assign(w.codes.size(), 0.0);
  for (const auto& [code, m] : base.by_code) {
    const std::string to = region.SuccessorIn(code, year);
    auto it = std::lower_bound(w.codes.begin(), w.codes.end(), to);
    if (it == w.codes.end() || *it != to) continue;
    w.weights[it - w.codes.begin()] += static_cast<double>(m.cents());
  }
  for (double v : w.weights) w.total += v;
  return w;
}

Status MunicipalityRows(const MonitorInput& in, const std::optional<Base>& base,
                        const std::vector<MonitorRow>& years,
                        std::vector<MunicipalityRow>& out, MonitorResult& result) {
  const std::string& key = in.key.empty() ? in.config.key : in.key;
  const bool by_base = key.empty() && base && base->total > Money();
  const std::string share_key = key.empty() ? kFixedCostKey : key;
  if (by_base) {
    result.share_basis = fmt::format("aandeel in de realisatie {}", base->year);
  } else {
    result.share_basis = fmt::format("verdeelsleutel '{}'", share_key);
  }
  result.cap1_basis = "eigen rijksbudget jeugd";
  for (const MonitorRow& y : years) {
    KeyWeights w;
    if (by_base) {
      w = BaseWeights(*in.region, *base, y.path.year);
    } else {
      auto kw = WeightsFor(*in.region, y.path.year, share_key);
      if (!kw.ok()) return kw.status();
      w = std::move(kw).value();
    }
    // Scenario 1 by each municipality's own state budget for youth (the key
    // rijksbijdrage); without that key, by the same shares as 2 and 3.
    auto grant = WeightsFor(*in.region, y.path.year, kKeyStateGrant);
    const bool grant_ok = grant.ok() && grant->total > 0 && grant->codes == w.codes;
    if (!grant_ok) {
      result.cap1_basis =
          fmt::format("{} (geen rijksbijdrage per gemeente)", result.share_basis);
    }
    std::array<std::vector<std::optional<Money>>, kScenarios> caps;
    for (int s = 0; s < kScenarios; ++s) {
      auto parts = SplitOptional(y.cap[s], s == 0 && grant_ok ? *grant : w);
      if (!parts.ok()) return parts.status();
      caps[s] = std::move(parts).value();
    }
    std::vector<std::optional<Money>> cost(w.codes.size());
    if (y.realised_from_store) {
      auto fixed = FixedShares(in, y.path.year);
      if (!fixed.ok()) return fixed.status();
      auto own = in.store.own.find(y.path.year);
      for (size_t i = 0; i < cost.size(); ++i) {
        Money c;
        if (auto f = fixed->find(w.codes[i]); f != fixed->end()) c += f->second;
        if (own != in.store.own.end()) {
          if (auto m = own->second.find(w.codes[i]); m != own->second.end()) {
            c += m->second;
          }
        }
        cost[i] = c;
      }
    } else {
      auto parts = SplitOptional(y.cost, w);
      if (!parts.ok()) return parts.status();
      cost = std::move(parts).value();
    }
    for (size_t i = 0; i < w.codes.size(); ++i) {
      MunicipalityRow r;
      r.year = y.path.year;
      r.code = w.codes[i];
      r.share = w.Share(i);
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
  auto base = BaseRealisation(input);
  if (!base.ok()) return base.status();
  if (*base) {
    result.base_year = (*base)->year;
    result.base_total = (*base)->total;
  }
  result.years = RegionRows(input, *base);
  if (input.region != nullptr) {
    if (Status s =
            MunicipalityRows(input, *base, result.years, result.municipalities, result);
        !s.ok()) {
      return s;
    }
  }
  return result;
}

}  // namespace jr
