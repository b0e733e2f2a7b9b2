// Monte Carlo over the demo region's measures (issue 4 target: 100,000 runs of the 14
// measures of seed 004 x 4 years in < 1 s on 2 cores). The portfolio is the shipped
// data/demo/maatregelen.toml: 15 measures (measure 3 is split into 3a and 3b) on six
// bases, PERT, rank correlation 0.3 within clusters, years 2019-2022.
// Run: make bench, or build-bench/measures_bench.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "agenda/measure_portfolio.h"
#include "agenda/savings_simulation.h"
#include "budget/savings_target.h"
#include "demo/demo_files.h"

namespace {

namespace fs = std::filesystem;

constexpr int64_t kRuns = 100000;

// The demo files written to a temporary folder (maatregelen.toml names begroting.toml
// beside it for the target), and the portfolio read from there.
const jr::MeasurePortfolio& DemoPortfolio() {
  static const jr::MeasurePortfolio portfolio = [] {
    fs::path dir =
        fs::temp_directory_path() / fmt::format("jr_measures_bench_{}", ::getpid());
    fs::create_directories(dir);
    jr::Status s = jr::demo::WriteDemoConfigFiles(dir.string());
    const std::string file = (dir / "maatregelen.toml").string();
    auto p =
        s.ok() ? jr::LoadMeasurePortfolio(file) : jr::Result<jr::MeasurePortfolio>(s);
    auto target = p.ok() ? jr::LoadSavingsTarget(file)
                         : jr::Result<std::map<int, jr::Money>>(p.status());
    fs::remove_all(dir);
    if (!target.ok()) {
      std::cerr << target.status().ToString() << "\n";
      std::exit(1);
    }
    jr::MeasurePortfolio out = std::move(p).value();
    out.target_gap = std::move(target).value();
    return out;
  }();
  return portfolio;
}

void BM_MeasuresMonteCarlo(benchmark::State& state) {
  const jr::MeasurePortfolio& p = DemoPortfolio();
  const jr::SimulationOptions options{
      .runs = kRuns, .seed = 1, .threads = static_cast<int>(state.range(0))};
  for (auto _ : state) {
    auto r = jr::SimulateSavings(p, options);
    if (!r.ok()) state.SkipWithError(r.status().ToString().c_str());
    benchmark::DoNotOptimize(r);
  }
  state.counters["measures"] = static_cast<double>(p.measures.size());
  state.counters["years"] = static_cast<double>(p.years.size());
  state.counters["runs/s"] = benchmark::Counter(
      static_cast<double>(kRuns) * state.iterations(), benchmark::Counter::kIsRate);
}
// Time = wall clock; CPU = CPU time of the whole process (all threads), which is the
// figure to read on a machine that other jobs share.
BENCHMARK(BM_MeasuresMonteCarlo)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
