// Risk: how much a municipality's contribution under a model could move with chance.
//
// Bootstrap: in every run, each municipality's clients of the year are drawn with
// replacement (as many as it had), their yearly costs replace its declared use, and
// every model is applied again. Per model and municipality the spread of the
// contribution over the runs is reported. Draw d of municipality m in run r is word
// d mod 4 of the block (r, m + (d div 4) << 32, 0) of the risk stream under `seed`
// (core/random_stream.h), so the result does not depend on the thread count or on
// which thread ran which run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "settle/model.h"
#include "settle/settlement_input.h"

namespace jr::settle {

struct RiskOptions {
  int runs = 1000;    // bootstrap runs (>= 2)
  uint64_t seed = 1;  // master seed of all draws
  int threads = 1;    // worker threads (>= 1); the result does not depend on it
};

struct RiskRow {
  std::string model;                  // model name
  std::string municipality;           // code
  std::string name;                   // municipality name
  Money realised;                     // contribution on the realised (not resampled) data
  Money mean;                         // mean contribution over the runs
  Money stddev;                       // standard deviation of the contribution (sample)
  Money median;                       // 50th percentile (nearest rank)
  Money p95;                          // 95th percentile (nearest rank)
  std::optional<double> inhabitants;  // key "inwoners" of the year, if known

  Money spread() const { return p95 - median; }
  // Euro per inhabitant; none when the number of inhabitants is unknown or 0.
  std::optional<double> PerInhabitant(Money amount) const;
};

struct RiskResult {
  int year = 0;
  int runs = 0;
  uint64_t seed = 0;
  std::vector<RiskRow> rows;  // by model (in the given order), then municipality code
};

// Runs the bootstrap for `year`. Fails when the year has no per-client costs, when a
// model cannot be applied (Dutch message with file and key), or options are invalid.
Result<RiskResult> SimulateRisk(const SettlementInput& input,
                                const std::vector<const Model*>& models, int year,
                                const RiskOptions& options);

}  // namespace jr::settle
