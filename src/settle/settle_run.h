// settle::Run: the one settlement pipeline, used by `jeugdregio settle`, the server's
// settlement page (what-if) and the report: the models (built in or from model files,
// optionally with another key or a phase-in), the input from the store (only the
// years and per-client costs the models need), the settlement of each model and year,
// and the bootstrap risk.
//
// Callers that keep the input (the server loads it once) or check it first (the report)
// use the steps: ResolveModels, LoadInput, Run(input, models, options). Pure apart from
// the store read in LoadInput; thread-safe on const inputs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "settle/model.h"
#include "settle/risk.h"
#include "settle/settlement.h"
#include "settle/settlement_input.h"
#include "store/store.h"

namespace jr::settle {

struct SettleOptions {
  // Models in this order: built-in names (builtin_models.h) or the name of a model in
  // model_files. Empty = the first model of model_files, or solidair without files.
  std::vector<std::string> models;
  std::vector<std::string> model_files;  // model files (TOML, docs/settle.md)
  // What-if on the key: not empty = every rule that splits by a key (key:, pool:, the
  // terms of blends and phase-in paths) and the rules of the fixed regional costs split
  // by this key instead (Model::WithKey). One of the input's keys.
  std::string key;
  // What-if (the server's settlement page): not 0 = the default rule R of each model
  // phases into own use, year phase_from - 1 R, then 75/25, 50/50, 25/75, and own use
  // from phase_from + 3. Not for a default rule that is already a blend or a phase-in.
  int phase_from = 0;
  // The years settled, [first_year, last_year], each must have data; both 0 = the last
  // year with data. With first_year and last_year only those years (and the years the
  // rules look back on) are read from the store.
  int first_year = 0;
  int last_year = 0;
  bool every_year = false;  // every year with data instead (first/last_year ignored)
  // A year a model cannot settle (too little history, a key missing) is left out of
  // its results (ModelSettlement::unsettled) instead of failing the run.
  bool skip_unsettled = false;
  // Also the bootstrap risk of `risk_year`, for the models that settled it.
  bool risk = false;
  int risk_year = 0;  // 0 = the year settled (then exactly one year must be settled)
  RiskOptions risk_options;  // runs, seed and threads of the risk
};

// The settlement of one model.
struct ModelSettlement {
  std::string name;          // as stored with its results: "solidair, sleutel jeugdigen"
  std::string description;   // Dutch, one line
  std::string default_rule;  // canonical name of the rule of care buckets not listed
  std::string fixed_rule;    // canonical name of the rule of fixed regional costs
  std::vector<YearSettlement> years;  // the years it settled, ascending
  std::vector<int> unsettled;         // with skip_unsettled: the years it could not
};

struct SettleResult {
  std::vector<ModelSettlement> models;  // in the order of SettleOptions::models
  std::optional<RiskResult> risk;       // with SettleOptions::risk

  // Every model's years, model by model: the rows of SettlementTable.
  std::vector<YearSettlement> All() const;
};

// The models named by `options`, from its model files or built in, with its what-if
// (key, phase_from) applied; a what-if model is named after it ("solidair, sleutel
// jeugdigen"). Does not check the key (CheckKey). Dutch error for an unknown model, a
// model file that cannot be read, or a phase-in of a composite rule.
Result<std::vector<Model>> ResolveModels(const SettleOptions& options);
// OK when `key` is one of the input's keys; otherwise a Dutch error listing them.
Status CheckKey(const SettlementInput& input, const std::string& key);
// Reads from the store what settling `models` as `options` say needs (see
// SettleOptions::first_year). Fails with the store's (Dutch) message.
Result<SettlementInput> LoadInput(const Store& store, const SettleOptions& options,
                                  const std::vector<Model>& models);
// Settles the years of `options` under every model of `models` (options.models,
// model_files, key and phase_from are not read: the models are given), then the risk.
// Dutch error when there are no data for the years, a model cannot settle a year
// (unless skip_unsettled), or the risk cannot be computed.
Result<SettleResult> Run(const SettlementInput& input,
                         const std::vector<const Model*>& models,
                         const SettleOptions& options);
// The whole pipeline: ResolveModels, LoadInput, CheckKey (with options.key), Run.
Result<SettleResult> Run(const Store& store, const SettleOptions& options);

}  // namespace jr::settle
