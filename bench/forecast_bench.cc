// Forecast simulation throughput in entity-months per second on one core (issue 5
// target: >= 50 million). A synthetic region the size of the demo region (ten
// municipalities, ~13,000 running assignments, ~330 new a month), calibrated once;
// each iteration simulates 50 replications of 36 months on one thread.
// Run: build-bench/forecast_bench (configure with -DJEUGDREGIO_BUILD_BENCH=ON).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <vector>

#include "forecast/calibration.h"
#include "forecast/entity_key.h"
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

void BM_SimulateOneCore(benchmark::State& state) {
  const Calibration& c = DemoSizedCalibration();
  SimulationOptions o;
  o.months = 36;
  o.runs = 50;
  o.threads = 1;
  LeverPlan plan(c, o.months);
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
// CPU time of the one thread: the figure per core, also on a shared machine.
BENCHMARK(BM_SimulateOneCore)->Unit(benchmark::kMillisecond);

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
