// Capacity: providers and youth teams inside the forecast (issue 14 item 3).
//
// Every simulated assignment carries a provider and an issuing team: a running one its
// own (the store's assignment), a new one a (provider, team) pair drawn from the mix
// observed per municipality x product group in the assignments that started in the
// last `mix_months` before the cut-off. A provider's contract of a year and lot (the
// lot is the product's cost bucket, which is the forecast's product group) has a
// ceiling (contracten.csv, the same Store::LoadContracts the care rules read); a team
// has a budget per year (jeugdteams.csv). Years after the last contract or budget keep
// the last one.
//
// In each replication the cost of the assignments is added per contract and team and
// month; the base year's months before the forecast start count with what was
// declared. A ceiling (budget) "runs out" in the first month its year's cumulative
// cost goes above it (as `check --plafonds`). Levers (lever.h) decide what happens
// to a NEW assignment (a re-indication is one) that starts after that month:
//  - nee_tenzij = true: the rules' order (docs/rules.md, "Nee, tenzij"): to the other
//    contracted provider of the lot with the most room, else allowed when the care
//    cannot wait, deferred to January of the next year when it can, refused when not
//    assessed; off (the baseline): it goes ahead and the overrun is shown;
//  - team_budgets = true: past the team's budget the same order without a redirect;
//  - review_above: an assignment whose value (monthly cost x duration) is above the
//    amount is refused with probability review_refused (the committee's refusals).
// The shares "cannot wait" / "can wait" / "not assessed" and the committee's refusal
// share are those of the review decisions in the store (toetsingen.csv).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "care/provider.h"
#include "care/review_decision.h"
#include "forecast/calibration.h"
#include "forecast/history.h"
#include "forecast/lever_plan.h"

namespace jr::forecast {

struct CapacityContract {
  std::string agb;
  int provider = 0;               // index into Capacity::providers
  int lot = 0;                    // product group index (Calibration::groups)
  std::map<int, double> ceiling;  // year -> cents (< 0: the contract has none)
  // Cents declared per month of the base year before the forecast start.
  std::array<double, 12> before{};
  // The ceiling in `year`: its own, else the latest earlier year's; < 0 = none.
  double CeilingIn(int year) const;
};

struct CapacityTeam {
  std::string team;
  std::map<int, double> budget;  // year -> cents (< 0: none)
  std::array<double, 12> before{};
  std::string municipality;  // CBS code
  double BudgetIn(int year) const;
};

struct Capacity {
  std::vector<std::string> providers;  // AGB codes, sorted
  std::vector<CapacityContract> contracts;
  std::vector<CapacityTeam> teams;
  int groups = 0;
  // Contract of provider p in lot g: contract_of[p * groups + g]; -1 = none.
  std::vector<int> contract_of;
  // Contracts per lot (for a redirect).
  std::vector<std::vector<int>> lot_contracts;
  // The observed (provider, team) mix per municipality x group: choices with their
  // cumulative shares (last = 1); empty = nothing observed (no provider, no team).
  struct Choice {
    int provider = -1;  // index into providers, -1 = unknown
    int team = -1;      // index into teams, -1 = none
  };
  std::vector<std::vector<Choice>> mix;  // [muni * groups + group]
  std::vector<std::vector<double>> mix_cumulative;
  // Per Calibration::running entry: its provider and team (-1 = unknown / none).
  std::vector<Choice> running;
  // Review decisions: P(cannot wait), P(can wait), the rest is not assessed; and the
  // committee's share of refusals.
  double p_not_deferrable = 0;
  double p_deferrable = 0;
  double review_refused = 0;

  bool empty() const { return contracts.empty() && teams.empty(); }
  int ContractOf(int provider, int group) const {
    return provider < 0 ? -1 : contract_of[provider * groups + group];
  }
  // The choice for uniform u in cell (muni, group).
  Choice Pick(int muni, int group, double u) const;
  // Fills the guide table Pick starts its search from (after mix_cumulative is set;
  // without it Pick searches the whole cell).
  void BuildGuide();
  static constexpr int kGuide = 64;
  // [cell * kGuide + j]: the first index i with mix_cumulative[cell][i] > j / kGuide.
  std::vector<uint32_t> mix_guide;
};

struct CapacityOptions {
  int mix_months = 24;  // the provider/team mix: assignments started in the last n
};

// Builds the capacity model for `c` (calibrated on `h`): contracts, teams and review
// decisions as the store holds them.
Capacity CalibrateCapacity(const Calibration& c, const History& h,
                           const std::vector<Contract>& contracts,
                           const std::vector<YouthTeam>& teams,
                           const std::vector<ReviewDecision>& decisions,
                           const CapacityOptions& options = {});

// What the simulation counted per replication, per contract (team) and horizon year.
// Layout [run][contract][year] (teams: [run][team][year]).
struct CapacityResult {
  int runs = 0, years = 0, first_year = 0;
  int contracts = 0, teams = 0;
  std::vector<double> spend;        // cents, incl. the base year's months before
  std::vector<int8_t> out_month;    // 1-12: month the ceiling ran out; 0 = not
  std::vector<int32_t> redirected;  // new assignments sent away from it
  std::vector<int32_t> received;    // new assignments sent to it
  std::vector<int32_t> allowed, deferred, refused;  // past its ceiling
  std::vector<double> team_spend;
  std::vector<int8_t> team_out_month;
  std::vector<int32_t> team_allowed, team_deferred, team_refused;
  std::vector<int32_t> review_refused;  // [run][year]: refused by review_above

  size_t At(int run, int k, int y) const {
    return (static_cast<size_t>(run) * contracts + k) * years + y;
  }
  size_t TeamAt(int run, int t, int y) const {
    return (static_cast<size_t>(run) * teams + t) * years + y;
  }
};

// Summary over the replications of one contract-year (or team-year).
struct CeilingForecast {
  std::string agb;           // or the team code
  std::string lot;           // group name; empty for a team
  std::string municipality;  // a team's CBS code; empty for a contract
  int year = 0;
  double ceiling = -1;  // cents; < 0 none
  double spend_mean = 0, spend_p10 = 0, spend_p90 = 0;
  double overrun_mean = 0;  // mean of max(0, spend - ceiling)
  double share_out = 0;     // share of runs in which it ran out
  int month_p50 = 0;        // median month it ran out (1-12); 0 = not in
                            // most runs
  double redirected = 0, received = 0, allowed = 0, deferred = 0, refused = 0;
};

struct CapacitySummary {
  std::vector<CeilingForecast> providers;  // by agb, lot, year; only with a ceiling
  std::vector<CeilingForecast> teams;      // by team, year; only with a budget
  std::vector<double> review_refused;      // mean per horizon year
  int first_year = 0;
};

// One replication's running state (used by the simulation).
class CapacityState {
 public:
  enum class Outcome { kGo, kDeferred, kRefused };
  // REQUIRES: r allocated for cap (AllocateCapacityResult).
  CapacityState(const Capacity& cap, const Calibration& c, int months, CapacityResult& r,
                int run);
  // Called at the start of month m (0 .. months-1, in order), after every cost of the
  // months before it was added: which ceilings and budgets have run out.
  void BeginMonth(int m);
  // Cost of an assignment of contract k (-1: none) and team t (-1: none) in month m.
  void Add(int k, int t, int m, double cents) {
    if (k >= 0) spend_[static_cast<size_t>(k) * months_ + m] += cents;
    if (t >= 0) team_spend_[static_cast<size_t>(t) * months_ + m] += cents;
  }
  // False when no lever can act on a new assignment of `group`, `team` and `provider`
  // of value `value` (cents) starting in month m in muni: Admit would return kGo
  // without a draw, so the caller need not make its uniforms.
  bool Concerns(const LeverPlan& plan, int m, int muni, int group, int team, int provider,
                double value) const {
    const double above = plan.ReviewAbove(m, muni);
    if (above >= 0 && value > above) return true;
    const int k = cap_.ContractOf(provider, group);
    if (k >= 0 && ceiling_[k] >= 0 && cum_[k] > ceiling_[k] && plan.NeeTenzij(m, muni))
      return true;
    return team >= 0 && budget_[team] >= 0 && team_cum_[team] > budget_[team] &&
           plan.TeamBudgets(m, muni);
  }
  // A new assignment of `group` and `team` starting in month m (the current one) at
  // `provider` (may be changed to another of the lot), of value `value` (cents),
  // with the levers of the plan in (m, muni) and its capacity uniforms u.
  Outcome Admit(const LeverPlan& plan, int m, int muni, int group, int team, double value,
                const std::array<double, 4>& u, int& provider);
  // After the last month: the months the ceilings and budgets ran out.
  void Finish();

 private:
  Outcome Decide(double u) const;
  int Year(int m) const { return (start_month_ + m) / 12 - first_year_; }

  const Capacity& cap_;
  CapacityResult& r_;
  const int run_, months_, start_month_, first_year_;
  std::vector<double> spend_, team_spend_;  // [k][m], [t][m]
  std::vector<double> cum_, team_cum_;      // the year's cost through the month before
  std::vector<double> ceiling_, budget_;    // of the current year; < 0 none
};

// Sizes `r` for cap, runs and the horizon of `c` (months).
void AllocateCapacityResult(const Capacity& cap, const Calibration& c, int months,
                            int runs, CapacityResult& r);

CapacitySummary SummarizeCapacity(const Calibration& c, const Capacity& cap,
                                  const CapacityResult& r);

}  // namespace jr::forecast
