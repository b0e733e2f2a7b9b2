// Settlement speed (issue 3 targets). Run: make bench, or build-bench/settle_bench.
//
// BM_SettleAllModels: every built-in model over 342 synthetic municipalities x 20 care
// buckets x 10 settled years, from aggregated use per municipality, year and bucket
// (the pool rule also reads the per-client costs). Three earlier years of data are
// generated as well, so vlaktaks-3 has its history in every settled year. Target:
// < 50 ms for all models and years.
//
// BM_RiskDemoSized: the bootstrap of `settle --compare <5 models> --risk --runs 2000`
// on an input of the demo region's size (10 municipalities, ~14,500 clients a year),
// by thread count. Target: < 2 s on 2 cores. The real CLI run on the demo database is
// timed separately (see the report in BENCHMARKS.md).
#include <benchmark/benchmark.h>

#include "settle/builtin_models.h"
#include "settle/risk.h"
#include "settle/settlement.h"
#include "settle/synthetic_input.h"

namespace {

using jr::settle::Model;

constexpr int kFirstYear = 2012;
constexpr int kHistoryYears = 3;  // for vlaktaks-3
constexpr int kSettledYears = 10;

std::vector<Model> Models(const std::vector<std::string>& names) {
  std::vector<Model> out;
  for (const std::string& name : names)
    out.push_back(jr::settle::BuiltinModel(name).value());
  return out;
}

void BM_SettleAllModels(benchmark::State& state) {
  jr::settle::SyntheticOptions o;
  o.municipalities = 342;
  o.buckets = 20;
  o.first_year = kFirstYear;
  o.years = kHistoryYears + kSettledYears;
  o.max_clients = 4;
  o.merge_every = 25;
  o.fixed_costs = 4;
  const jr::settle::SettlementInput input = jr::settle::MakeSyntheticInput(o);
  const std::vector<Model> models = Models(jr::settle::BuiltinModelNames());
  int64_t settled = 0;
  for (auto _ : state) {
    for (const Model& model : models) {
      for (int y = kFirstYear + kHistoryYears; y < kFirstYear + o.years; ++y) {
        auto s = jr::settle::SettleYear(input, model, y);
        if (!s.ok()) {
          state.SkipWithError(s.status().ToString().c_str());
          return;
        }
        benchmark::DoNotOptimize(s->municipalities.data());
        ++settled;
      }
    }
  }
  state.SetItemsProcessed(settled);  // model-years
}
BENCHMARK(BM_SettleAllModels)->Unit(benchmark::kMillisecond);

void BM_RiskDemoSized(benchmark::State& state) {
  jr::settle::SyntheticOptions o;
  o.municipalities = 10;
  o.buckets = 8;
  o.first_year = 2018;
  o.years = 4;
  o.max_clients = 360;  // ~180 per municipality and bucket: ~14,400 clients a year
  o.fixed_costs = 4;
  const jr::settle::SettlementInput input = jr::settle::MakeSyntheticInput(o);
  const std::vector<Model> models =
      Models({"solidair", "profijt", "vlaktaks-3", "zwaar-solidair", "pool-100k"});
  std::vector<const Model*> pointers;
  for (const Model& m : models) pointers.push_back(&m);
  jr::settle::RiskOptions options;
  options.runs = 2000;
  options.seed = 1;
  options.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    auto r = jr::settle::SimulateRisk(input, pointers, 2021, options);
    if (!r.ok()) {
      state.SkipWithError(r.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(r->rows.data());
  }
  state.SetItemsProcessed(state.iterations() * options.runs);  // runs
}
BENCHMARK(BM_RiskDemoSized)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
