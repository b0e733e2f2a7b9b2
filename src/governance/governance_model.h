// The governance engine (DESIGN.md §2.9): the staffing and cost of a variant per actor,
// task and municipality from the scale model, its score on the five criteria, the
// voting weights by size and equal with what a decision needs, and the pro-rata
// sharing of joint costs and project capacity. Plain functions on values.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "governance/governance_config.h"

namespace jr::governance {

// The region's municipalities of one year with the keys the model needs.
struct RegionYear {
  int year = 0;
  std::vector<std::string> codes;  // active in `year`, sorted
  std::vector<std::string> names;  // same order
  // Values per key name ("inwoners", "jeugdigen", ...), same order as codes; holds
  // "inwoners" and every key the config's scale models and sharing name.
  std::map<std::string, std::vector<double>> keys;

  const std::vector<double>& inhabitants() const { return keys.at("inwoners"); }
};

struct TaskOutcome {
  const Task* task = nullptr;
  Form form = Form::kCurrent;     // as the variant chose it
  ActorFte current{};             // FTE today
  ActorFte variant{};             // FTE in the variant
  std::vector<double> municipal;  // the variant's municipal FTE per municipality
};

struct ActorOutcome {
  Actor actor = Actor::kMunicipalities;
  double fte_current = 0;
  double fte_variant = 0;
  Money cost_current;
  Money cost_variant;
};

struct MunicipalityOutcome {
  std::string code, name;
  double inhabitants = 0;
  bool below_threshold = false;  // inhabitants < Config::scale_threshold
  int local_tasks = 0;           // tasks the variant has it do itself
  double fte_current = 0;        // its own staff for the tasks
  double fte_variant = 0;
  Money cost_current;  // its own staff's cost
  Money cost_variant;
  // Its share (by inhabitants, to the cent) of the service organisation's and the
  // youth teams' cost for the tasks.
  Money joint_current;
  Money joint_variant;
};

struct Outcome {
  std::string variant;
  std::vector<TaskOutcome> tasks;                   // config order
  std::array<ActorOutcome, kActors> actors;         // kAllActors order
  std::vector<MunicipalityOutcome> municipalities;  // RegionYear order
  Scores weights{};                                 // of the criteria
  Scores criteria_current{}, criteria_variant{};    // 1-5 per criterion
  double score_current = 0, score_variant = 0;      // weighted mean of the criteria
  std::vector<std::string> below_threshold;         // codes, sorted
  double municipal_fte_extra = 0;                   // variant - today, all together
  double municipal_factor = 0;                      // variant / today (0 when today is 0)
  double provider_admin_factor = 0;  // providers' FTE variant / today (0 when 0)
};

// The FTE of every task and actor in `variant`:
//  - huidig: the task's FTE today;
//  - regionaal: its regional FTE; municipalities' part split by inhabitants;
//  - lokaal: each municipality lokaal.vast + lokaal.per_eenheid x key / eenheid; the
//    service organisation and youth teams keep their fraction of the regional FTE;
//    providers' work is the regional work x (1 + (parties - 1) x
//    werk_per_extra_partij), with one contracting party per municipality.
// Costs are FTE x cost per FTE, rounded to the cent per municipality and per actor.
// Dutch error when a key is missing for a municipality or amounts overflow.
// REQUIRES: variant.forms.size() == config.tasks.size(); region has "inwoners".
Result<Outcome> Compute(const Config& config, const RegionYear& region,
                        const Variant& variant, const Scores& weights);

// Voting weight per municipality, in parts per million (adding up to 1,000,000
// exactly: largest remainder, ties by code).
struct VoteWeight {
  std::string code, name;
  std::string method;  // "omvang" (by inhabitants) or "gelijk"
  int64_t ppm = 0;
};
// What a decision needs under a method: the fewest municipalities (the heaviest
// first) that carry it or can block it.
struct DecisionRule {
  std::string method;    // "omvang" | "gelijk"
  std::string rule;      // "gewicht" | "leden" | "beide"
  int min_majority = 0;  // fewest municipalities with more than the majority
  int min_blocking = 0;  // fewest municipalities that can block a decision
};
struct Voting {
  double majority = 0.5;
  std::vector<VoteWeight> weights;  // by size, then equal; codes in order
  std::vector<DecisionRule> rules;  // per method: gewicht, leden, beide
};
Result<Voting> ComputeVoting(const RegionYear& region, const VotingRule& rule);

// Joint costs to the cent and project capacity to the hour, pro rata by the key.
struct ShareRow {
  std::string code, name;
  double key_value = 0;
  Money amount;
  int64_t hours = 0;
};
Result<std::vector<ShareRow>> ComputeSharing(const RegionYear& region,
                                             const Sharing& sharing);

}  // namespace jr::governance
