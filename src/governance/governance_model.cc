#include "governance/governance_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/split.h"
#include "region/key_weights.h"

namespace jr::governance {
namespace {

constexpr int64_t kMillion = 1'000'000;

// FTE x cost per FTE, to the cent.
Result<Money> FteCost(double fte, Money per_fte) {
  const double cents = fte * static_cast<double>(per_fte.cents());
  if (!std::isfinite(cents) || std::fabs(cents) > 9e18) {
    return Status::Error(
        fmt::format("kosten van {} fte bij {} euro per fte zijn te groot", fte,
                    per_fte.ToEuroString()));
  }
  return Money::FromCents(std::llround(cents));
}

// The values of `key` per municipality; Dutch error when one has none.
Result<const std::vector<double>*> KeyValues(const RegionYear& r,
                                             const std::string& key) {
  auto it = r.keys.find(key);
  for (size_t i = 0; i < r.codes.size(); ++i) {
    if (it == r.keys.end() || std::isnan(it->second[i])) {
      return Status::Error(
          fmt::format("verdeelsleutel '{}' ontbreekt voor gemeente {} ({}) in jaar {}",
                      key, r.names[i], r.codes[i], r.year));
    }
  }
  if (it == r.keys.end()) {
    return Status::Error(fmt::format("geen gemeenten in jaar {}", r.year));
  }
  return &it->second;
}

// The criteria scores of `form` (kCurrent: the form of today) for `task`.
const Scores& ScoresOf(const Task& task, Form form) {
  if (form == Form::kCurrent) form = task.current_form;
  return form == Form::kLocal ? task.score_local : task.score_regional;
}

// Weighted mean over the tasks of their criteria scores, and the weighted mean of
// those over the criteria.
std::pair<Scores, double> Score(const Config& c, const std::vector<Form>& forms,
                                const Scores& weights) {
  Scores criteria{};
  double task_weight = 0;
  for (const Task& t : c.tasks) task_weight += t.weight;
  for (size_t i = 0; i < c.tasks.size(); ++i) {
    // Tasks all of weight 0 count equally.
    const double w = task_weight > 0 ? c.tasks[i].weight / task_weight
                                     : 1.0 / static_cast<double>(c.tasks.size());
    const Scores& s = ScoresOf(c.tasks[i], forms[i]);
    for (size_t k = 0; k < kCriteria; ++k) criteria[k] += w * s[k];
  }
  double sum = 0, total = 0;
  for (size_t k = 0; k < kCriteria; ++k) {
    sum += weights[k] * criteria[k];
    total += weights[k];
  }
  return {criteria, total > 0 ? sum / total : 0.0};
}

std::string NameOf(const RegionYear& r, const std::string& code) {
  for (size_t i = 0; i < r.codes.size(); ++i) {
    if (r.codes[i] == code) return r.names[i];
  }
  return code;
}

}  // namespace

Result<Outcome> Compute(const Config& config, const RegionYear& region,
                        const Variant& variant, const Scores& weights) {
  const size_t n = region.codes.size();
  if (n == 0) return Status::Error(fmt::format("geen gemeenten in jaar {}", region.year));
  auto inh_values = KeyValues(region, "inwoners");
  if (!inh_values.ok()) return inh_values.status();
  const std::vector<double>& inh = **inh_values;
  const double total_inh = std::accumulate(inh.begin(), inh.end(), 0.0);
  if (total_inh <= 0) {
    return Status::Error(
        fmt::format("de gemeenten hebben samen 0 inwoners in jaar {}", region.year));
  }

  Outcome out;
  out.variant = variant.name;
  out.weights = weights;
  std::vector<double> fte_current(n, 0.0), fte_variant(n, 0.0);
  std::vector<int> local_tasks(n, 0);
  for (size_t i = 0; i < config.tasks.size(); ++i) {
    const Task& task = config.tasks[i];
    TaskOutcome to;
    to.task = &task;
    to.form = variant.forms[i];
    to.current = task.current;
    to.municipal.assign(n, 0.0);
    for (size_t m = 0; m < n; ++m) {
      fte_current[m] += task.current[0] * inh[m] / total_inh;
    }
    if (to.form == Form::kLocal) {
      auto key = KeyValues(region, task.local.key);
      if (!key.ok()) return key.status();
      double sum = 0;
      for (size_t m = 0; m < n; ++m) {
        to.municipal[m] =
            task.local.fixed + task.local.per_unit * (**key)[m] / task.local.unit;
        sum += to.municipal[m];
        ++local_tasks[m];
      }
      to.variant[0] = sum;
      to.variant[1] = task.regional[1] * task.local.service_org_kept;
      to.variant[2] = task.regional[2] * task.local.youth_teams_kept;
      to.variant[3] = task.regional[3] * (1.0 + static_cast<double>(n - 1) *
                                                    config.provider_work_per_extra_party);
    } else {
      to.variant = to.form == Form::kRegional ? task.regional : task.current;
      for (size_t m = 0; m < n; ++m) to.municipal[m] = to.variant[0] * inh[m] / total_inh;
    }
    for (size_t m = 0; m < n; ++m) fte_variant[m] += to.municipal[m];
    out.tasks.push_back(std::move(to));
  }

  // Municipalities: own staff, and their share of the regional actors' cost.
  for (size_t a = 0; a < kActors; ++a) {
    ActorOutcome& ao = out.actors[a];
    ao.actor = kAllActors[a];
    for (const TaskOutcome& t : out.tasks) {
      ao.fte_current += t.current[a];
      ao.fte_variant += t.variant[a];
    }
    if (a == 0) continue;  // the municipalities' cost is the sum of theirs below
    auto now = FteCost(ao.fte_current, config.cost_per_fte[a]);
    if (!now.ok()) return now.status();
    auto then = FteCost(ao.fte_variant, config.cost_per_fte[a]);
    if (!then.ok()) return then.status();
    ao.cost_current = *now;
    ao.cost_variant = *then;
  }
  const Money joint_now = out.actors[1].cost_current + out.actors[2].cost_current;
  const Money joint_then = out.actors[1].cost_variant + out.actors[2].cost_variant;
  auto name_of = [&](const std::string& code) { return NameOf(region, code); };
  auto split_now =
      SplitByKey(joint_now, "inwoners", region.year, region.codes, inh, name_of);
  if (!split_now.ok()) return split_now.status();
  auto split_then =
      SplitByKey(joint_then, "inwoners", region.year, region.codes, inh, name_of);
  if (!split_then.ok()) return split_then.status();
  for (size_t m = 0; m < n; ++m) {
    MunicipalityOutcome mo;
    mo.code = region.codes[m];
    mo.name = region.names[m];
    mo.inhabitants = inh[m];
    mo.below_threshold = inh[m] < static_cast<double>(config.scale_threshold);
    mo.local_tasks = local_tasks[m];
    mo.fte_current = fte_current[m];
    mo.fte_variant = fte_variant[m];
    auto now = FteCost(fte_current[m], config.cost_per_fte[0]);
    if (!now.ok()) return now.status();
    auto then = FteCost(fte_variant[m], config.cost_per_fte[0]);
    if (!then.ok()) return then.status();
    mo.cost_current = *now;
    mo.cost_variant = *then;
    mo.joint_current = (*split_now)[m];
    mo.joint_variant = (*split_then)[m];
    out.actors[0].cost_current += mo.cost_current;
    out.actors[0].cost_variant += mo.cost_variant;
    if (mo.below_threshold) out.below_threshold.push_back(mo.code);
    out.municipalities.push_back(std::move(mo));
  }

  std::vector<Form> today(config.tasks.size(), Form::kCurrent);
  std::tie(out.criteria_current, out.score_current) = Score(config, today, weights);
  std::tie(out.criteria_variant, out.score_variant) =
      Score(config, variant.forms, weights);
  const ActorOutcome& mun = out.actors[0];
  out.municipal_fte_extra = mun.fte_variant - mun.fte_current;
  out.municipal_factor = mun.fte_current > 0 ? mun.fte_variant / mun.fte_current : 0.0;
  const ActorOutcome& prov = out.actors[3];
  out.provider_admin_factor =
      prov.fte_current > 0 ? prov.fte_variant / prov.fte_current : 0.0;
  return out;
}

Result<Voting> ComputeVoting(const RegionYear& region, const VotingRule& rule) {
  const size_t n = region.codes.size();
  if (n == 0) return Status::Error(fmt::format("geen gemeenten in jaar {}", region.year));
  auto inh = KeyValues(region, "inwoners");
  if (!inh.ok()) return inh.status();
  Voting v;
  v.majority = rule.majority;
  const int64_t threshold = std::llround(rule.majority * kMillion);
  const std::vector<double> equal(n, 1.0);
  for (auto [method, values] :
       {std::pair<const char*, const std::vector<double>*>{"omvang", *inh},
        std::pair<const char*, const std::vector<double>*>{"gelijk", &equal}}) {
    // Parts per million are cents of a million "cents": the largest-remainder split.
    auto parts = SplitLargestRemainder(Money::FromCents(kMillion), *values, region.codes);
    if (!parts.ok()) return parts.status();
    std::vector<int64_t> ppm;
    for (size_t i = 0; i < n; ++i) {
      v.weights.push_back(
          {region.codes[i], region.names[i], method, (*parts)[i].cents()});
      ppm.push_back((*parts)[i].cents());
    }
    std::sort(ppm.rbegin(), ppm.rend());
    // Weight: passes with more than `threshold`; the others block when what is left
    // is not more than it.
    int weight_majority = 0, weight_blocking = 0;
    int64_t sum = 0;
    for (size_t k = 0; k < n; ++k) {
      sum += ppm[k];
      if (weight_majority == 0 && sum > threshold)
        weight_majority = static_cast<int>(k + 1);
      if (weight_blocking == 0 && kMillion - sum <= threshold)
        weight_blocking = static_cast<int>(k + 1);
    }
    // Members: more than majority x n of them.
    const auto members = static_cast<int64_t>(n);
    int member_majority = 0, member_blocking = 0;
    for (int64_t k = 1; k <= members; ++k) {
      if (member_majority == 0 && k * kMillion > threshold * members)
        member_majority = static_cast<int>(k);
      if (member_blocking == 0 && (members - k) * kMillion <= threshold * members)
        member_blocking = static_cast<int>(k);
    }
    v.rules.push_back({method, "gewicht", weight_majority, weight_blocking});
    v.rules.push_back({method, "leden", member_majority, member_blocking});
    v.rules.push_back({method, "beide", std::max(weight_majority, member_majority),
                       std::min(weight_blocking, member_blocking)});
  }
  return v;
}

Result<std::vector<ShareRow>> ComputeSharing(const RegionYear& region,
                                             const Sharing& sharing) {
  auto values = KeyValues(region, sharing.key);
  if (!values.ok()) return values.status();
  auto name_of = [&](const std::string& code) { return NameOf(region, code); };
  auto amounts = SplitByKey(sharing.amount, sharing.key, region.year, region.codes,
                            **values, name_of);
  if (!amounts.ok()) return amounts.status();
  // Hours are split as cents are: whole units by the largest remainder.
  auto hours =
      SplitLargestRemainder(Money::FromCents(sharing.hours), **values, region.codes);
  if (!hours.ok()) return hours.status();
  std::vector<ShareRow> rows;
  for (size_t i = 0; i < region.codes.size(); ++i) {
    rows.push_back({region.codes[i], region.names[i], (**values)[i], (*amounts)[i],
                    (*hours)[i].cents()});
  }
  return rows;
}

}  // namespace jr::governance
