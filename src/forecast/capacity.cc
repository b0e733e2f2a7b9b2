#include "forecast/capacity.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <tuple>
#include <unordered_map>

#include "forecast/forecast_summary.h"

namespace jr::forecast {
namespace {

double InYear(const std::map<int, double>& by_year, int year) {
  auto it = by_year.upper_bound(year);
  if (it == by_year.begin()) return -1;
  return std::prev(it)->second;
}

int MonthOfDate(Date d) { return MonthIndex(d.year() / d.month()); }

// The first month (1-12) in which the cumulative of `spend` goes above `limit`; 0 none.
int OutMonth(const double* spend, double limit) {
  if (limit < 0) return 0;
  double cum = 0;
  for (int m = 0; m < 12; ++m) {
    cum += spend[m];
    if (cum > limit) return m + 1;
  }
  return 0;
}

}  // namespace

double CapacityContract::CeilingIn(int year) const { return InYear(ceiling, year); }
double CapacityTeam::BudgetIn(int year) const { return InYear(budget, year); }

Capacity::Choice Capacity::Pick(int muni, int group, double u) const {
  const size_t cell = static_cast<size_t>(muni) * groups + group;
  const std::vector<double>& cum = mix_cumulative[cell];
  if (cum.empty()) return {};
  size_t i;
  if (!mix_guide.empty()) {
    // The guide's entry is at or before the answer: scan on from it.
    i = mix_guide[cell * kGuide + static_cast<size_t>(u * kGuide)];
    while (i + 1 < cum.size() && cum[i] <= u) ++i;
  } else {
    i = std::upper_bound(cum.begin(), cum.end(), u) - cum.begin();
  }
  return mix[cell][std::min(i, cum.size() - 1)];
}

void Capacity::BuildGuide() {
  mix_guide.assign(mix_cumulative.size() * kGuide, 0);
  for (size_t cell = 0; cell < mix_cumulative.size(); ++cell) {
    const std::vector<double>& cum = mix_cumulative[cell];
    for (int j = 0; j < kGuide; ++j) {
      const double at = static_cast<double>(j) / kGuide;
      mix_guide[cell * kGuide + j] = static_cast<uint32_t>(
          std::upper_bound(cum.begin(), cum.end(), at) - cum.begin());
    }
  }
}

Capacity CalibrateCapacity(const Calibration& c, const History& h,
                           const std::vector<Contract>& contracts,
                           const std::vector<YouthTeam>& teams,
                           const std::vector<ReviewDecision>& decisions,
                           const CapacityOptions& o) {
  Capacity cap;
  cap.groups = static_cast<int>(c.groups.size());
  // Providers: of the contracts and of the assignments.
  std::vector<std::string> agbs;
  for (const Contract& k : contracts) agbs.push_back(k.agb);
  for (const Assignment& a : h.assignments) {
    if (!a.agb.empty()) agbs.push_back(a.agb);
  }
  std::sort(agbs.begin(), agbs.end());
  agbs.erase(std::unique(agbs.begin(), agbs.end()), agbs.end());
  cap.providers = agbs;
  auto provider_of = [&](const std::string& agb) {
    auto it = std::lower_bound(agbs.begin(), agbs.end(), agb);
    return it != agbs.end() && *it == agb ? static_cast<int>(it - agbs.begin()) : -1;
  };
  cap.contract_of.assign(agbs.size() * cap.groups, -1);
  cap.lot_contracts.resize(cap.groups);
  for (const Contract& k : contracts) {
    const int g = c.GroupIndex(k.lot);
    const int p = provider_of(k.agb);
    if (g < 0 || p < 0) continue;
    int& at = cap.contract_of[p * cap.groups + g];
    if (at < 0) {
      at = static_cast<int>(cap.contracts.size());
      cap.contracts.push_back({k.agb, p, g, {}, {}});
    }
    cap.contracts[at].ceiling[k.year] =
        k.ceiling ? static_cast<double>(k.ceiling->cents()) : -1.0;
  }
  // Contracts are in order of their first appearance; sort by agb and lot, keeping the
  // indexes right.
  std::vector<int> order(cap.contracts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return std::tie(cap.contracts[a].provider, cap.contracts[a].lot) <
           std::tie(cap.contracts[b].provider, cap.contracts[b].lot);
  });
  std::vector<CapacityContract> sorted;
  for (int i : order) sorted.push_back(cap.contracts[i]);
  cap.contracts = std::move(sorted);
  std::fill(cap.contract_of.begin(), cap.contract_of.end(), -1);
  for (size_t k = 0; k < cap.contracts.size(); ++k) {
    const CapacityContract& x = cap.contracts[k];
    cap.contract_of[x.provider * cap.groups + x.lot] = static_cast<int>(k);
    cap.lot_contracts[x.lot].push_back(static_cast<int>(k));
  }

  std::vector<std::string> codes;
  for (const YouthTeam& t : teams) codes.push_back(t.team);
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  for (const std::string& code : codes) cap.teams.push_back({code, {}, {}, {}});
  auto team_of = [&](const std::string& code) {
    auto it = std::lower_bound(codes.begin(), codes.end(), code);
    return it != codes.end() && *it == code ? static_cast<int>(it - codes.begin()) : -1;
  };
  for (const YouthTeam& t : teams) {
    CapacityTeam& team = cap.teams[team_of(t.team)];
    team.municipality = t.municipality;
    team.budget[t.year] = t.budget ? static_cast<double>(t.budget->cents()) : -1.0;
  }

  // Per assignment: its group (-1 unknown), contract and team.
  std::unordered_map<std::string, int> product_group;
  for (const ProductParams& p : c.products) product_group.emplace(p.key, p.group);
  std::vector<int> group(h.assignments.size(), -1);
  std::string key;
  for (size_t i = 0; i < h.assignments.size(); ++i) {
    const Assignment& a = h.assignments[i];
    key.assign(a.category).append("/").append(a.product_code);
    if (auto it = product_group.find(key); it != product_group.end())
      group[i] = it->second;
  }
  // What was declared in the base year before the start.
  const int year_start = c.base_year * 12;
  for (const AssignmentMonth& am : h.months) {
    if (am.month < year_start || am.month >= c.start_month) continue;
    const Assignment& a = h.assignments[am.assignment];
    const int g = group[am.assignment];
    if (g < 0) continue;
    const int k = cap.ContractOf(provider_of(a.agb), g);
    if (k >= 0) cap.contracts[k].before[am.month - year_start] += am.cost_cents;
    const int t = a.team.empty() ? -1 : team_of(a.team);
    if (t >= 0) cap.teams[t].before[am.month - year_start] += am.cost_cents;
  }

  // The (provider, team) mix of the assignments started in the last mix_months.
  const size_t cells = c.municipalities.size() * cap.groups;
  std::vector<std::map<std::pair<int, int>, double>> count(cells);
  for (size_t i = 0; i < h.assignments.size(); ++i) {
    const Assignment& a = h.assignments[i];
    const int start = MonthOfDate(a.start);
    if (group[i] < 0 || start >= c.start_month || start < c.start_month - o.mix_months)
      continue;
    const int mu = c.MunicipalityIndex(a.municipality);
    if (mu < 0) continue;
    count[mu * cap.groups + group[i]]
         [{provider_of(a.agb), a.team.empty() ? -1 : team_of(a.team)}] += 1;
  }
  cap.mix.resize(cells);
  cap.mix_cumulative.resize(cells);
  for (size_t k = 0; k < cells; ++k) {
    double total = 0;
    for (const auto& [choice, n] : count[k]) total += n;
    double acc = 0;
    for (const auto& [choice, n] : count[k]) {
      acc += n;
      cap.mix[k].push_back({choice.first, choice.second});
      cap.mix_cumulative[k].push_back(acc / total);
    }
    if (!cap.mix_cumulative[k].empty()) cap.mix_cumulative[k].back() = 1.0;
  }

  cap.BuildGuide();
  cap.running.resize(c.running.size());
  for (size_t i = 0; i < c.running.size(); ++i) {
    const int a = c.running[i].assignment;
    if (a < 0 || a >= static_cast<int>(h.assignments.size())) continue;
    const Assignment& x = h.assignments[a];
    cap.running[i] = {provider_of(x.agb), x.team.empty() ? -1 : team_of(x.team)};
  }

  if (!decisions.empty()) {
    double not_deferrable = 0, deferrable = 0, refused = 0;
    for (const ReviewDecision& d : decisions) {
      if (d.deferrable) (*d.deferrable ? deferrable : not_deferrable) += 1;
      if (!d.approved) refused += 1;
    }
    const double n = static_cast<double>(decisions.size());
    cap.p_not_deferrable = not_deferrable / n;
    cap.p_deferrable = deferrable / n;
    cap.review_refused = refused / n;
  }
  return cap;
}

void AllocateCapacityResult(const Capacity& cap, const Calibration& c, int months,
                            int runs, CapacityResult& r) {
  r.runs = runs;
  r.first_year = c.start_month / 12;
  r.years = months > 0 ? (c.start_month + months - 1) / 12 - r.first_year + 1 : 0;
  r.contracts = static_cast<int>(cap.contracts.size());
  r.teams = static_cast<int>(cap.teams.size());
  const size_t n = static_cast<size_t>(runs) * r.contracts * r.years;
  const size_t nt = static_cast<size_t>(runs) * r.teams * r.years;
  r.spend.assign(n, 0);
  r.out_month.assign(n, 0);
  for (auto* v : {&r.redirected, &r.received, &r.allowed, &r.deferred, &r.refused})
    v->assign(n, 0);
  r.team_spend.assign(nt, 0);
  r.team_out_month.assign(nt, 0);
  for (auto* v : {&r.team_allowed, &r.team_deferred, &r.team_refused}) v->assign(nt, 0);
  r.review_refused.assign(static_cast<size_t>(runs) * r.years, 0);
}

CapacityState::CapacityState(const Capacity& cap, const Calibration& c, int months,
                             CapacityResult& r, int run)
    : cap_(cap),
      r_(r),
      run_(run),
      months_(months),
      start_month_(c.start_month),
      first_year_(c.start_month / 12),
      spend_(cap.contracts.size() * months, 0.0),
      team_spend_(cap.teams.size() * months, 0.0),
      cum_(cap.contracts.size(), 0.0),
      team_cum_(cap.teams.size(), 0.0),
      ceiling_(cap.contracts.size(), -1.0),
      budget_(cap.teams.size(), -1.0) {}

void CapacityState::BeginMonth(int m) {
  const int month = start_month_ + m;
  const int year = month / 12, of_year = month % 12;
  const bool new_year = m == 0 || of_year == 0;
  // Per contract (ceiling) and per team (budget) alike: a new year starts from its
  // limit and, in the forecast's first year, from the months declared before the
  // start; another month adds the month before.
  auto roll = [&](const auto& items, auto limit_in, std::vector<double>& limit,
                  std::vector<double>& cum, const std::vector<double>& spend) {
    for (size_t k = 0; k < cum.size(); ++k) {
      if (new_year) {
        limit[k] = limit_in(items[k], year);
        cum[k] = 0;
        if (m == 0) {
          for (int i = 0; i < of_year; ++i) cum[k] += items[k].before[i];
        }
      } else {
        cum[k] += spend[k * months_ + m - 1];
      }
    }
  };
  roll(
      cap_.contracts, [](const CapacityContract& x, int y) { return x.CeilingIn(y); },
      ceiling_, cum_, spend_);
  roll(
      cap_.teams, [](const CapacityTeam& x, int y) { return x.BudgetIn(y); }, budget_,
      team_cum_, team_spend_);
}

CapacityState::Outcome CapacityState::Decide(double u) const {
  if (u < cap_.p_not_deferrable) return Outcome::kGo;
  if (u < cap_.p_not_deferrable + cap_.p_deferrable) return Outcome::kDeferred;
  return Outcome::kRefused;
}

CapacityState::Outcome CapacityState::Admit(const LeverPlan& plan, int m, int muni,
                                            int group, int team, double value,
                                            const std::array<double, 4>& u,
                                            int& provider) {
  const int y = Year(m);
  const double above = plan.ReviewAbove(m, muni);
  if (above >= 0 && value > above) {
    double p = plan.ReviewRefused(m, muni);
    if (p < 0) p = cap_.review_refused;
    if (u[2] < p) {
      ++r_.review_refused[static_cast<size_t>(run_) * r_.years + y];
      return Outcome::kRefused;
    }
  }
  const int k = cap_.ContractOf(provider, group);
  if (plan.NeeTenzij(m, muni) && k >= 0 && ceiling_[k] >= 0 && cum_[k] > ceiling_[k]) {
    // The other provider of the lot with the most room (no ceiling: unlimited).
    int best = -1;
    double best_room = 0;
    for (int other : cap_.lot_contracts[group]) {
      if (other == k) continue;
      const double room = ceiling_[other] < 0 ? std::numeric_limits<double>::infinity()
                                              : ceiling_[other] - cum_[other];
      if (room <= 0) continue;
      if (best < 0 || room > best_room) {
        best = other;
        best_room = room;
      }
    }
    const size_t at = r_.At(run_, k, y);
    if (best >= 0) {
      ++r_.redirected[at];
      ++r_.received[r_.At(run_, best, y)];
      provider = cap_.contracts[best].provider;
      return Outcome::kGo;
    }
    Outcome o = Decide(u[1]);
    ++(o == Outcome::kGo         ? r_.allowed
       : o == Outcome::kDeferred ? r_.deferred
                                 : r_.refused)[at];
    if (o != Outcome::kGo) return o;
  }
  if (plan.TeamBudgets(m, muni) && team >= 0 && budget_[team] >= 0 &&
      team_cum_[team] > budget_[team]) {
    Outcome o = Decide(u[1]);
    const size_t at = r_.TeamAt(run_, team, y);
    ++(o == Outcome::kGo         ? r_.team_allowed
       : o == Outcome::kDeferred ? r_.team_deferred
                                 : r_.team_refused)[at];
    return o;
  }
  return Outcome::kGo;
}

void CapacityState::Finish() {
  const int year0 = first_year_;
  const int offset = start_month_ % 12;  // months of the first year before the start
  std::array<double, 12> months{};
  // Per contract and per team alike: each year's spend (with the months before the
  // start in the first year) and the month its limit ran out.
  auto close = [&](const auto& items, auto limit_in, const std::vector<double>& spend,
                   auto at, std::vector<double>& total_out,
                   std::vector<int8_t>& out_month) {
    for (size_t k = 0; k < items.size(); ++k) {
      for (int y = 0; y < r_.years; ++y) {
        months.fill(0);
        for (int i = 0; i < 12; ++i) {
          const int m = (year0 + y) * 12 + i - start_month_;
          if (m < 0) {
            months[i] = y == 0 && i < offset ? items[k].before[i] : 0;
          } else if (m < months_) {
            months[i] = spend[k * months_ + m];
          }
        }
        double total = 0;
        for (double v : months) total += v;
        const size_t i = at(static_cast<int>(k), y);
        total_out[i] = total;
        out_month[i] =
            static_cast<int8_t>(OutMonth(months.data(), limit_in(items[k], year0 + y)));
      }
    }
  };
  close(
      cap_.contracts, [](const CapacityContract& x, int y) { return x.CeilingIn(y); },
      spend_, [&](int k, int y) { return r_.At(run_, k, y); }, r_.spend, r_.out_month);
  close(
      cap_.teams, [](const CapacityTeam& x, int y) { return x.BudgetIn(y); }, team_spend_,
      [&](int t, int y) { return r_.TeamAt(run_, t, y); }, r_.team_spend,
      r_.team_out_month);
}

namespace {

// The row of one contract-year or team-year from its per-run values.
CeilingForecast Row(int runs, double limit, const std::vector<double>& spend,
                    const std::vector<int8_t>& out,
                    const std::function<size_t(int)>& at) {
  CeilingForecast row;
  row.ceiling = limit;
  std::vector<double> s(runs);
  std::vector<int> months(runs);
  double overrun = 0;
  int n_out = 0;
  for (int run = 0; run < runs; ++run) {
    s[run] = spend[at(run)];
    overrun += std::max(0.0, s[run] - limit);
    const int m = out[at(run)];
    months[run] = m > 0 ? m : 13;
    n_out += m > 0;
  }
  Distribution d = Summarise(s);
  row.spend_mean = d.mean;
  row.spend_p10 = d.p10;
  row.spend_p90 = d.p90;
  row.overrun_mean = overrun / runs;
  row.share_out = static_cast<double>(n_out) / runs;
  // The median month (the lower one of an even count): 13 = not within the year.
  auto mid = months.begin() + (runs - 1) / 2;
  std::nth_element(months.begin(), mid, months.end());
  row.month_p50 = *mid <= 12 ? *mid : 0;
  return row;
}

double MeanOf(const std::vector<int32_t>& v, int runs,
              const std::function<size_t(int)>& at) {
  double sum = 0;
  for (int run = 0; run < runs; ++run) sum += v[at(run)];
  return sum / runs;
}

}  // namespace

CapacitySummary SummarizeCapacity(const Calibration& c, const Capacity& cap,
                                  const CapacityResult& r) {
  CapacitySummary out;
  out.first_year = r.first_year;
  if (r.runs <= 0) return out;
  for (int k = 0; k < r.contracts; ++k) {
    const CapacityContract& x = cap.contracts[k];
    for (int y = 0; y < r.years; ++y) {
      const double limit = x.CeilingIn(r.first_year + y);
      if (limit < 0) continue;
      auto at = [&](int run) { return r.At(run, k, y); };
      CeilingForecast row = Row(r.runs, limit, r.spend, r.out_month, at);
      row.agb = x.agb;
      row.lot = c.groups[x.lot].name;
      row.year = r.first_year + y;
      row.redirected = MeanOf(r.redirected, r.runs, at);
      row.received = MeanOf(r.received, r.runs, at);
      row.allowed = MeanOf(r.allowed, r.runs, at);
      row.deferred = MeanOf(r.deferred, r.runs, at);
      row.refused = MeanOf(r.refused, r.runs, at);
      out.providers.push_back(row);
    }
  }
  for (int t = 0; t < r.teams; ++t) {
    const CapacityTeam& x = cap.teams[t];
    for (int y = 0; y < r.years; ++y) {
      const double limit = x.BudgetIn(r.first_year + y);
      if (limit < 0) continue;
      auto at = [&](int run) { return r.TeamAt(run, t, y); };
      CeilingForecast row = Row(r.runs, limit, r.team_spend, r.team_out_month, at);
      row.agb = x.team;
      row.municipality = x.municipality;
      row.year = r.first_year + y;
      row.allowed = MeanOf(r.team_allowed, r.runs, at);
      row.deferred = MeanOf(r.team_deferred, r.runs, at);
      row.refused = MeanOf(r.team_refused, r.runs, at);
      out.teams.push_back(row);
    }
  }
  out.review_refused.assign(r.years, 0);
  for (int y = 0; y < r.years; ++y) {
    double sum = 0;
    for (int run = 0; run < r.runs; ++run)
      sum += r.review_refused[static_cast<size_t>(run) * r.years + y];
    out.review_refused[y] = sum / r.runs;
  }
  return out;
}

}  // namespace jr::forecast
