// Forecast simulation throughput in entity-months per second on one core (issue 5
// target: >= 50 million). A synthetic region the size of the demo region (ten
// municipalities, ~13,000 running assignments, ~330 new a month), calibrated once;
// each iteration simulates 50 replications of 36 months on one thread.
// Run: build-bench/forecast_bench (configure with -DJEUGDREGIO_BUILD_BENCH=ON).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "forecast/calibration.h"
#include "forecast/capacity.h"
#include "forecast/entity_key.h"
#include "forecast/lever.h"
#include "forecast/lever_plan.h"
#include "forecast/simulation.h"
#include "forecast/synthetic_history.h"

namespace {

using namespace jr::forecast;

const Calibration& DemoSizedCalibration() {
  static const Calibration c = [] {
    SyntheticSpec spec;
    spec.municipalities = 10;
    spec.months = 72;
    spec.groups = {{"ambulant", 18, 0.10, 0.7, 52000, 0.5},
                   {"ggz", 7, 0.09, 0.7, 38000, 0.5},
                   {"verblijf", 1.5, 0.045, 0.6, 400000, 0.3},
                   {"overig", 6, 0.08, 0.6, 100000, 0.5}};
    using namespace std::chrono;
    auto r = Calibrate(SyntheticHistory(spec), 2023y / 1 / 1);
    if (!r.ok()) std::abort();
    return *r;
  }();
  return c;
}

// The same region with providers and teams (issue 14 item 3): per group ten providers
// with equal shares, one team per municipality, each contract's ceiling 95% of its
// share of the group's running cost in a year (so ceilings run out), and "nee, tenzij"
// on from the first month: every new assignment is admitted against its provider's
// ceiling and its team's budget.
const Calibration& DemoSizedCalibrationWithCapacity() {
  static const Calibration c = [] {
    Calibration x = DemoSizedCalibration();
    auto cap = std::make_shared<Capacity>();
    const int groups = static_cast<int>(x.groups.size());
    const int munis = static_cast<int>(x.municipalities.size());
    const int per_group = 10;
    cap->groups = groups;
    std::vector<double> yearly(groups, 0), team_yearly(munis, 0);
    for (const RunningAssignment& a : x.running) {
      double cost = a.monthly_cost > 0 ? a.monthly_cost : x.products[a.product].mean_cost;
      yearly[a.group] += 12 * cost;
      team_yearly[a.municipality] += 12 * cost;
    }
    cap->lot_contracts.resize(groups);
    for (int g = 0; g < groups; ++g) {
      for (int k = 0; k < per_group; ++k) {
        const int p = g * per_group + k;
        cap->providers.push_back("P" + std::to_string(p));
        cap->contracts.push_back({cap->providers.back(),
                                  p,
                                  g,
                                  {{x.base_year, 0.95 * yearly[g] / per_group}},
                                  {}});
        cap->lot_contracts[g].push_back(p);
      }
    }
    cap->contract_of.assign(static_cast<size_t>(groups) * per_group * groups, -1);
    for (int p = 0; p < groups * per_group; ++p)
      cap->contract_of[p * groups + p / per_group] = p;
    for (int m = 0; m < munis; ++m)
      cap->teams.push_back(
          {"T" + std::to_string(m), {{x.base_year, team_yearly[m]}}, {}});
    cap->mix.resize(static_cast<size_t>(munis) * groups);
    cap->mix_cumulative.resize(cap->mix.size());
    for (int m = 0; m < munis; ++m) {
      for (int g = 0; g < groups; ++g) {
        for (int k = 0; k < per_group; ++k) {
          cap->mix[m * groups + g].push_back({g * per_group + k, m});
          cap->mix_cumulative[m * groups + g].push_back((k + 1.0) / per_group);
        }
      }
    }
    for (size_t i = 0; i < x.running.size(); ++i) {
      const RunningAssignment& a = x.running[i];
      cap->running.push_back(
          {a.group * per_group + static_cast<int>(i % per_group), a.municipality});
    }
    cap->p_not_deferrable = 0.3;
    cap->p_deferrable = 0.5;
    x.capacity = cap;
    return x;
  }();
  return c;
}

void Simulate36(benchmark::State& state, const Calibration& c, const LeverPlan& plan) {
  SimulationOptions o;
  o.months = 36;
  o.runs = 50;
  o.threads = 1;
  int64_t entity_months = 0;
  for (auto _ : state) {
    SimulationResult r = Simulate(c, plan, o);
    entity_months += r.entity_months;
    benchmark::DoNotOptimize(r.cost.data());
  }
  state.SetItemsProcessed(entity_months);
  state.counters["entity_months_per_run"] =
      static_cast<double>(entity_months) /
      (static_cast<double>(state.iterations()) * o.runs);
}

void BM_SimulateOneCore(benchmark::State& state) {
  const Calibration& c = DemoSizedCalibration();
  Simulate36(state, c, LeverPlan(c, 36));
}
// CPU time of the one thread: the figure per core, also on a shared machine.
BENCHMARK(BM_SimulateOneCore)->Unit(benchmark::kMillisecond);

void BM_SimulateOneCoreWithCapacity(benchmark::State& state) {
  const Calibration& c = DemoSizedCalibrationWithCapacity();
  Lever nee_tenzij;
  nee_tenzij.start_month = c.start_month;
  nee_tenzij.nee_tenzij = true;
  nee_tenzij.team_budgets = true;
  auto plan = LeverPlan::Resolve(c, 36, {nee_tenzij});
  if (!plan.ok()) std::abort();
  Simulate36(state, c, *plan);
}
BENCHMARK(BM_SimulateOneCoreWithCapacity)->Unit(benchmark::kMillisecond);

// The bare keyed-Philox loop the simulation is measured against (issue 14: the
// simulation's entity-months per second >= 0.35 x this loop's draws per second, both
// on one core in one run): one keyed block per item, its first uniform added into a
// small array (so the loop does one store per item, as the simulation per month).
void BM_BareKeyedPhilox(benchmark::State& state) {
  const EntityDraws rs(1, jr::Stream::kForecast);
  std::vector<double> acc(1024, 0.0);
  int64_t items = 0;
  uint32_t run = 0;
  for (auto _ : state) {
    for (uint64_t i = 0; i < 1'000'000; ++i) {
      acc[i & 1023] += rs.Uniforms(run, {i, 0}, 0)[0];
    }
    items += 1'000'000;
    ++run;
    benchmark::DoNotOptimize(acc.data());
  }
  state.SetItemsProcessed(items);
}
BENCHMARK(BM_BareKeyedPhilox)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
