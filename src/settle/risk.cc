#include "settle/risk.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <thread>

#include "core/random_stream.h"
#include "settle/settlement.h"

namespace jr::settle {
namespace {

// The clients of one municipality: ranges [begin, end) of rows in client_costs.
using ClientRanges = std::vector<std::pair<size_t, size_t>>;

// Draws the resampled year data of one run. One per thread: Run() reuses its buffers,
// so a run allocates nothing.
class Resampler {
 public:
  // Of the per-client rows of a run only those costing more than `floor_cents` are
  // written (the models read no others; INT64_MAX: none); the sums per bucket and
  // municipality always cover every row.
  Resampler(const YearData& base, uint64_t seed, int64_t floor_cents)
      : base_(base),
        work_(base),
        floor_cents_(floor_cents),
        stream_(seed, Stream::kRisk) {
    const size_t n = base.municipalities.size();
    clients_.resize(n);
    residual_use_ = base.use;
    residual_clients_ = base.clients;
    const auto& rows = base.client_costs;
    for (size_t i = 0; i < rows.size();) {
      size_t j = i;
      while (j < rows.size() && rows[j].client == rows[i].client) {
        residual_use_[rows[j].bucket][rows[j].municipality] -= rows[j].cost;
        residual_clients_[rows[j].bucket][rows[j].municipality] -= 1;
        ++j;
      }
      clients_[rows[i].municipality].emplace_back(i, j);
      i = j;
    }
    work_.client_costs.clear();
    work_.client_costs.reserve(rows.size());
  }

  // The year data of run `run`; valid until the next call.
  const YearData& Run(uint32_t run) {
    work_.use = residual_use_;
    work_.clients = residual_clients_;
    work_.client_costs.clear();
    int next_client = 0;
    for (size_t m = 0; m < clients_.size(); ++m) {
      const ClientRanges& pool = clients_[m];
      const uint64_t size = pool.size();
      RandomBlock words = {};
      for (size_t d = 0; d < pool.size(); ++d) {
        // One block gives the draws 4k .. 4k+3 of (seed, run, municipality).
        if (d % 4 == 0) words = stream_.Block(run, m | (uint64_t{d / 4} << 32), 0);
        const auto& [begin, end] = pool[ToIndex(words[d % 4], size)];
        for (size_t i = begin; i < end; ++i) {
          const ClientCost& row = base_.client_costs[i];
          work_.use[row.bucket][row.municipality] += row.cost;
          work_.clients[row.bucket][row.municipality] += 1;
          if (row.cost.cents() > floor_cents_) {
            work_.client_costs.push_back(row);
            work_.client_costs.back().client = next_client;
          }
        }
        ++next_client;
      }
    }
    return work_;
  }

 private:
  const YearData& base_;
  YearData work_;
  int64_t floor_cents_;
  std::vector<ClientRanges> clients_;
  std::vector<std::vector<Money>> residual_use_;
  std::vector<std::vector<int64_t>> residual_clients_;
  RandomStream stream_;
};

// Nearest-rank percentile of sorted values. REQUIRES: !sorted.empty()
Money Percentile(const std::vector<int64_t>& sorted, double p) {
  size_t rank = static_cast<size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return Money::FromCents(sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1]);
}

}  // namespace

std::optional<double> RiskRow::PerInhabitant(Money amount) const {
  if (!inhabitants || *inhabitants <= 0) return std::nullopt;
  return amount.ToEurosApprox() / *inhabitants;
}

Result<RiskResult> SimulateRisk(const SettlementInput& input,
                                const std::vector<const Model*>& models, int year,
                                const RiskOptions& options) {
  if (options.runs < 2) return Status::Error("risico vraagt minstens 2 runs (--runs)");
  if (options.threads < 1)
    return Status::Error("risico vraagt minstens 1 thread (--threads)");
  const YearData* base = input.Year(year);
  if (base == nullptr) {
    return Status::Error(fmt::format("geen gegevens voor jaar {} (gegevens vanaf {})",
                                     year, input.FirstYear()));
  }
  if (base->client_costs.empty()) {
    return Status::Error(fmt::format(
        "risico vraagt de kosten per cliënt, maar die ontbreken voor jaar {}", year));
  }
  RiskResult out{year, options.runs, options.seed, {}};
  // Realised contributions, which also checks that every model applies.
  std::vector<YearSettlement> realised;
  for (const Model* model : models) {
    auto s = SettleYearData(input, *base, *model);
    if (!s.ok()) return s.status();
    realised.push_back(std::move(s).value());
  }
  const size_t n = base->municipalities.size();
  const size_t runs = static_cast<size_t>(options.runs);
  // values[model][municipality][run], in cents.
  std::vector<std::vector<std::vector<int64_t>>> values(
      models.size(), std::vector<std::vector<int64_t>>(n, std::vector<int64_t>(runs)));
  const size_t threads = std::min(static_cast<size_t>(options.threads), runs);
  std::vector<Status> failures(threads);
  int64_t floor_cents = INT64_MAX;
  for (const Model* model : models) {
    const RuleNeeds needs = model->needs();
    if (needs.client_costs)
      floor_cents = std::min(floor_cents, needs.client_cost_floor_cents);
  }
  auto work = [&](size_t t) {
    Resampler resampler(*base, options.seed, floor_cents);
    for (size_t r = t; r < runs; r += threads) {
      const YearData& data = resampler.Run(static_cast<uint32_t>(r));
      for (size_t k = 0; k < models.size(); ++k) {
        auto s = SettleYearData(input, data, *models[k]);
        if (!s.ok()) {
          failures[t] =
              Status::Error(fmt::format("risicorun {}: {}", r, s.status().message()),
                            s.status().where());
          return;
        }
        for (size_t m = 0; m < n; ++m)
          values[k][m][r] = s->municipalities[m].contribution.cents();
      }
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& th : pool) th.join();
  for (const Status& s : failures) {
    if (!s.ok()) return s;
  }

  const auto inhabitants = base->keys.find("inwoners");
  for (size_t k = 0; k < models.size(); ++k) {
    for (size_t m = 0; m < n; ++m) {
      std::vector<int64_t>& v = values[k][m];
      long double sum = 0;
      for (int64_t x : v) sum += x;
      const long double mean = sum / runs;
      long double squares = 0;
      for (int64_t x : v) squares += (x - mean) * (x - mean);
      std::sort(v.begin(), v.end());
      RiskRow row;
      row.model = models[k]->name;
      row.municipality = base->municipalities[m];
      row.name = input.Name(row.municipality);
      row.realised = realised[k].municipalities[m].contribution;
      row.mean = Money::FromCents(RoundCents(static_cast<double>(mean)));
      row.stddev = Money::FromCents(
          RoundCents(static_cast<double>(std::sqrt(squares / (runs - 1)))));
      row.median = Percentile(v, 0.5);
      row.p95 = Percentile(v, 0.95);
      if (inhabitants != base->keys.end() && !std::isnan(inhabitants->second[m])) {
        row.inhabitants = inhabitants->second[m];
      }
      out.rows.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace jr::settle
