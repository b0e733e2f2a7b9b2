#include "agenda/savings_simulation.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <numbers>
#include <thread>

#include "agenda/savings_combination.h"
#include "core/random_stream.h"

namespace jr {
namespace {

constexpr int64_t kChunk = 1024;

// The portfolio in flat arrays, ready for the inner loop.
struct Model {
  int n_years = 0, n_measures = 0, n_bases = 0, n_clusters = 0;
  std::vector<std::optional<Distribution>> dist;  // [year * n_measures + measure]
  // The distribution of the year before, for a measure that slipped a year.
  std::vector<std::optional<Distribution>> late;  // same index
  std::vector<double> p_fail, p_slip;             // per measure
  std::vector<double> measure_mean;               // same index; analytic
  std::vector<double> base_amount;                // [year * n_bases + base]
  std::vector<double> total_mean;                 // per year; shift for the sums
  std::vector<int> base_of;                       // per measure
  std::vector<int> cluster_of;                    // per measure; -1 = alone
  std::vector<int> years;
  double rho = 0;  // Pearson, copula
};

Model Prepare(const MeasurePortfolio& p) {
  Model m;
  m.years = p.years;
  m.n_years = static_cast<int>(p.years.size());
  m.n_measures = static_cast<int>(p.measures.size());
  m.n_bases = static_cast<int>(p.bases.size());
  std::vector<std::string> clusters;
  for (const Measure& ms : p.measures) {
    m.p_fail.push_back(ms.p_fail);
    m.p_slip.push_back(ms.p_slip);
    m.base_of.push_back(static_cast<int>(p.BaseIndex(ms.base)));
    if (ms.cluster.empty()) {
      m.cluster_of.push_back(-1);
      continue;
    }
    auto it = std::find(clusters.begin(), clusters.end(), ms.cluster);
    m.cluster_of.push_back(static_cast<int>(it - clusters.begin()));
    if (it == clusters.end()) clusters.push_back(ms.cluster);
  }
  m.n_clusters = static_cast<int>(clusters.size());
  for (int y : p.years) {
    for (const Measure& ms : p.measures) {
      m.dist.push_back(SavingDistribution(ms, y));
      m.late.push_back(SavingDistribution(ms, y - 1));
      m.measure_mean.push_back(ExpectedSaving(ms, y));
    }
    for (const MeasureBase& b : p.bases) m.base_amount.push_back(b.amount.at(y));
    m.total_mean.push_back(AnalyticMeanSaving(p, y));
  }
  m.rho = 2 * std::sin(std::numbers::pi * p.rank_correlation / 6);
  return m;
}

// Counter-based draws: block (entity, run, year) of the savings stream.
class Draws {
 public:
  explicit Draws(uint64_t seed) : stream_(seed, Stream::kSavings) {}

  // A uniform in (0, 1) with 52 random bits.
  double Uniform(int64_t run, int entity, int year) const {
    return ToOpenUnit(Bits64(Block(run, entity, year)));
  }
  // Two uniforms in (0, 1) from one block: a measure's fate in a run (year 0, which
  // no portfolio has): u[0] against p_fail, u[1] against p_slip.
  std::array<double, 2> Fate(int64_t run, int entity) const {
    const RandomBlock r = Block(run, entity, 0);
    return {ToOpenUnit(Bits64(r, 0)), ToOpenUnit(Bits64(r, 2))};
  }
  // A standard normal (Box-Muller).
  double Normal(int64_t run, int entity, int year) const {
    const RandomBlock r = Block(run, entity, year);
    return BoxMuller(ToOpenUnit(Bits64(r, 0)), ToOpenUnit(Bits64(r, 2)));
  }

 private:
  RandomBlock Block(int64_t run, int entity, int year) const {
    return stream_.Block(static_cast<uint32_t>(entity), static_cast<uint64_t>(run),
                         static_cast<uint32_t>(year));
  }
  RandomStream stream_;
};

// Sums of one chunk, shifted by the analytic means for accuracy.
struct ChunkSums {
  std::vector<double> t, tt;  // per year: sum dT, sum dT^2
  std::vector<double> s, ts;  // per year x measure: sum dS, sum dT dS
};

struct Output {
  std::vector<double> total;  // [year * runs + run]
  std::vector<double> naive;
  std::vector<ChunkSums> chunks;
};

void RunChunk(const Model& m, const Draws& draws, int64_t chunk, int64_t runs,
              Output& out) {
  ChunkSums& sums = out.chunks[chunk];
  sums.t.assign(m.n_years, 0.0);
  sums.tt.assign(m.n_years, 0.0);
  sums.s.assign(static_cast<size_t>(m.n_years) * m.n_measures, 0.0);
  sums.ts.assign(sums.s.size(), 0.0);
  std::vector<double> saving(m.n_measures), untouched(m.n_bases), factor(m.n_clusters);
  enum Fate : char { kOnTime, kLate, kFailed };
  std::vector<Fate> fate(m.n_measures);
  const double a = std::sqrt(m.rho), b = std::sqrt(1 - m.rho);
  const int64_t end = std::min(runs, (chunk + 1) * kChunk);
  for (int64_t run = chunk * kChunk; run < end; ++run) {
    for (int i = 0; i < m.n_measures; ++i) {
      fate[i] = kOnTime;
      if (m.p_fail[i] == 0 && m.p_slip[i] == 0) continue;
      const auto u = draws.Fate(run, i);
      if (u[0] < m.p_fail[i]) {
        fate[i] = kFailed;
      } else if (u[1] < m.p_slip[i] / (1 - m.p_fail[i])) {
        fate[i] = kLate;  // P(late) = (1 - p_fail) x p_slip / (1 - p_fail) = p_slip
      }
    }
    for (int y = 0; y < m.n_years; ++y) {
      const int year = m.years[y];
      if (m.rho > 0) {
        for (int c = 0; c < m.n_clusters; ++c)
          factor[c] = draws.Normal(run, m.n_measures + c, year);
      }
      std::fill(untouched.begin(), untouched.end(), 1.0);
      double naive = 0;
      for (int i = 0; i < m.n_measures; ++i) {
        const size_t k = static_cast<size_t>(y) * m.n_measures + i;
        const auto& d = fate[i] == kLate ? m.late[k] : m.dist[k];
        double s = 0;
        if (d && fate[i] != kFailed) {
          double u;
          if (m.rho > 0 && m.cluster_of[i] >= 0) {
            double z = a * factor[m.cluster_of[i]] + b * draws.Normal(run, i, year);
            u = 0.5 * std::erfc(-z / std::numbers::sqrt2);
          } else {
            u = draws.Uniform(run, i, year);
          }
          s = d->Quantile(u);
        }
        saving[i] = s;
        naive += s;
        untouched[m.base_of[i]] *=
            1.0 - s / m.base_amount[static_cast<size_t>(y) * m.n_bases + m.base_of[i]];
      }
      double total = 0;
      for (int k = 0; k < m.n_bases; ++k) {
        total +=
            m.base_amount[static_cast<size_t>(y) * m.n_bases + k] * (1.0 - untouched[k]);
      }
      out.total[static_cast<size_t>(y) * runs + run] = total;
      out.naive[static_cast<size_t>(y) * runs + run] = naive;
      const double dt = total - m.total_mean[y];
      sums.t[y] += dt;
      sums.tt[y] += dt * dt;
      for (int i = 0; i < m.n_measures; ++i) {
        const size_t k = static_cast<size_t>(y) * m.n_measures + i;
        const double ds = saving[i] - m.measure_mean[k];
        sums.s[k] += ds;
        sums.ts[k] += dt * ds;
      }
    }
  }
}

// Mean and the type-7 quantiles at 10%, 50% and 90%, with selection instead of a full
// sort (same values: order statistics do not depend on how they are found).
void Percentiles(std::vector<double> v, double& mean, double& p10, double& p50,
                 double& p90) {
  double sum = 0;
  for (double x : v) sum += x;
  mean = sum / static_cast<double>(v.size());
  auto from = v.begin();
  auto quantile = [&](double p) {
    const double h = (static_cast<double>(v.size()) - 1) * p;
    const auto lo = v.begin() + static_cast<int64_t>(h);
    std::nth_element(from, lo, v.end());  // [begin, from) holds smaller values already
    from = lo;
    if (lo + 1 == v.end()) return *lo;
    const double next = *std::min_element(lo + 1, v.end());
    return *lo + (h - static_cast<double>(lo - v.begin())) * (next - *lo);
  };
  p10 = quantile(0.10);
  p50 = quantile(0.50);
  p90 = quantile(0.90);
}

}  // namespace

Result<SimulationResult> SimulateSavings(const MeasurePortfolio& p,
                                         const SimulationOptions& options) {
  if (options.runs < 1)
    return Status::Error("aantal runs moet minstens 1 zijn", {"", 0, 0, "runs"});
  if (options.threads < 1) {
    return Status::Error("aantal threads moet minstens 1 zijn", {"", 0, 0, "threads"});
  }
  const Model m = Prepare(p);
  const Draws draws(options.seed);
  const int64_t runs = options.runs;
  const int64_t n_chunks = (runs + kChunk - 1) / kChunk;
  Output out;
  out.total.assign(static_cast<size_t>(m.n_years) * runs, 0.0);
  out.naive.assign(out.total.size(), 0.0);
  out.chunks.resize(n_chunks);
  std::atomic<int64_t> next{0};
  auto worker = [&] {
    for (int64_t c = next++; c < n_chunks; c = next++) RunChunk(m, draws, c, runs, out);
  };
  const int n_threads = static_cast<int>(std::min<int64_t>(options.threads, n_chunks));
  std::vector<std::thread> pool;
  for (int t = 1; t < n_threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();

  SimulationResult r;
  r.runs = runs;
  r.seed = options.seed;
  r.pearson_correlation = m.rho;
  const double n = static_cast<double>(runs);
  for (int y = 0; y < m.n_years; ++y) {
    YearSavings ys;
    ys.year = m.years[y];
    ys.analytic_mean = m.total_mean[y];
    auto first = out.total.begin() + static_cast<int64_t>(y) * runs;
    std::vector<double> total(first, first + runs);
    auto nfirst = out.naive.begin() + static_cast<int64_t>(y) * runs;
    Percentiles(std::vector<double>(nfirst, nfirst + runs), ys.naive_mean, ys.naive_p10,
                ys.naive_p50, ys.naive_p90);
    if (auto g = p.target_gap.find(ys.year); g != p.target_gap.end()) {
      ys.target_gap = g->second;
      const double need = g->second.ToEurosApprox();
      int64_t met =
          std::count_if(total.begin(), total.end(), [&](double t) { return t >= need; });
      ys.p_target = static_cast<double>(met) / n;
    }
    Percentiles(std::move(total), ys.mean, ys.p10, ys.p50, ys.p90);
    double st = 0, stt = 0;
    std::vector<double> ss(m.n_measures, 0.0), sts(m.n_measures, 0.0);
    for (const ChunkSums& c : out.chunks) {
      st += c.t[y];
      stt += c.tt[y];
      for (int i = 0; i < m.n_measures; ++i) {
        ss[i] += c.s[static_cast<size_t>(y) * m.n_measures + i];
        sts[i] += c.ts[static_cast<size_t>(y) * m.n_measures + i];
      }
    }
    const double var_t = stt / n - (st / n) * (st / n);
    for (int i = 0; i < m.n_measures; ++i) {
      const double cov = sts[i] / n - (st / n) * (ss[i] / n);
      ys.variance_share.push_back(var_t > 0 ? cov / var_t : 0.0);
      ys.measure_mean.push_back(
          m.measure_mean[static_cast<size_t>(y) * m.n_measures + i] + ss[i] / n);
    }
    r.years.push_back(std::move(ys));
  }
  return r;
}

}  // namespace jr
