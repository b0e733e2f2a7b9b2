#include "governance/governance_run.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <set>

namespace jr::governance {

int LastYearWithInhabitants(const Region& region) {
  int last = 0;
  for (int y = 2200; y >= 1900; --y) {
    std::vector<std::string> codes = region.ActiveIn(y);
    if (codes.empty()) continue;
    bool all = true;
    for (const std::string& c : codes) all = all && region.Key(c, y, kKeyInhabitants);
    if (all) {
      last = y;
      break;
    }
  }
  return last;
}

Result<RegionYear> RegionYearOf(const Region& region, int year, const Config& config) {
  RegionYear r;
  r.year = year;
  r.codes = region.ActiveIn(year);
  if (r.codes.empty()) {
    return Status::Error(fmt::format("geen gemeenten in de regio in jaar {}", year));
  }
  for (const std::string& c : r.codes) r.names.push_back(region.Find(c)->name);
  std::set<std::string> keys = {kKeyInhabitants, config.sharing.key};
  for (const Task& t : config.tasks) keys.insert(t.local.key);
  for (const std::string& key : keys) {
    std::vector<double>& values = r.keys[key];
    for (size_t i = 0; i < r.codes.size(); ++i) {
      auto v = region.Key(r.codes[i], year, key);
      if (!v && key == kKeyInhabitants) {
        return Status::Error(
            fmt::format("verdeelsleutel 'inwoners' ontbreekt voor gemeente {} ({}) in "
                        "jaar {}",
                        r.names[i], r.codes[i], year));
      }
      values.push_back(v.value_or(std::numeric_limits<double>::quiet_NaN()));
    }
  }
  return r;
}

Result<GovernanceRun> Run(const Region& region, const RunOptions& o) {
  GovernanceRun run;
  auto config = LoadConfig(o.config_file);
  if (!config.ok()) return config.status();
  run.config = std::move(config).value();
  auto variant = ResolveVariant(run.config, o.variant);
  if (!variant.ok()) return variant.status();
  run.variant = std::move(variant).value();
  Scores weights = run.config.weights;
  if (!o.weights.empty()) {
    auto w = ParseWeights(o.weights, weights);
    if (!w.ok()) return w.status();
    weights = *w;
  }
  const int year = o.year != 0 ? o.year : LastYearWithInhabitants(region);
  if (year == 0) {
    return Status::Error(
        "de regio heeft geen inwoners per gemeente (kengetallen, sleutel 'inwoners'); "
        "importeer eerst kengetallen.csv");
  }
  auto r = RegionYearOf(region, year, run.config);
  if (!r.ok()) return r.status();
  run.region = std::move(r).value();
  auto outcome = Compute(run.config, run.region, run.variant, weights);
  if (!outcome.ok()) return outcome.status();
  run.outcome = std::move(outcome).value();
  for (const char* name : kBuiltinVariants) {
    auto b = Compute(run.config, run.region, *BuiltinVariant(run.config, name), weights);
    if (!b.ok()) return b.status();
    run.builtins.push_back(std::move(b).value());
  }
  auto voting = ComputeVoting(run.region, run.config.voting);
  if (!voting.ok()) return voting.status();
  run.voting = std::move(voting).value();
  auto sharing = ComputeSharing(run.region, run.config.sharing);
  if (!sharing.ok()) return sharing.status();
  run.sharing = std::move(sharing).value();
  return run;
}

}  // namespace jr::governance
