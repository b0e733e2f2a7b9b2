#include "settle/settle_run.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "settle/builtin_models.h"
#include "settle/model_file.h"
#include "settle/rule_registry.h"
#include "settle/settlement_loader.h"

namespace jr::settle {
namespace {

// SettleOptions::phase_from on the default rule of `model` (named `name` in errors).
Status PhaseIn(Model& model, const std::string& name, int year) {
  const std::string rule = model.default_rule.rule->name();
  if (rule.find('*') != std::string::npos || rule.starts_with("phase")) {
    return Status::Error(
        fmt::format("model '{}' heeft al een samengestelde regel ({})", name, rule));
  }
  // A copy of the rule is its canonical name parsed again (rule_registry.h).
  auto phased = ParseRule(
      fmt::format("phase({}: {}; {}: 0.75*{} + 0.25*own; {}: 0.5*{} + 0.5*own; "
                  "{}: 0.25*{} + 0.75*own; {}: own)",
                  year - 1, rule, year, rule, year + 1, rule, year + 2, rule, year + 3));
  if (!phased.ok()) return phased.status();
  model.default_rule.rule = std::move(phased).value();
  return Status::Ok();
}

// The what-if of `options` on `model`, named after it.
Result<Model> WhatIf(Model model, const SettleOptions& options) {
  const std::string name = model.name;
  if (!options.key.empty()) {
    model = model.WithKey(options.key);
    model.name += ", sleutel " + options.key;
  }
  if (options.phase_from != 0) {
    Status s = PhaseIn(model, name, options.phase_from);
    if (!s.ok()) return s;
    model.name += fmt::format(", ingroei naar profijt vanaf {}", options.phase_from);
  }
  return model;
}

// The years of `options` in `input`; Dutch error when there are none.
Result<std::vector<int>> SettledYears(const SettlementInput& input,
                                      const SettleOptions& o) {
  const bool range = o.first_year != 0 || o.last_year != 0;
  if (input.years.empty()) {
    // Only the years asked were read, so an empty input may mean just those are empty.
    if (o.every_year || !range) {
      return Status::Error("geen gegevens om te verrekenen; importeer eerst declaraties");
    }
    return Status::Error(o.first_year == o.last_year
                             ? fmt::format("geen gegevens voor jaar {}", o.first_year)
                             : fmt::format("geen gegevens voor de jaren {}-{}",
                                           o.first_year, o.last_year));
  }
  std::vector<int> out;
  if (o.every_year) {
    for (const auto& [year, data] : input.years) out.push_back(year);
  } else if (range) {
    for (int y = o.first_year; y <= o.last_year; ++y) out.push_back(y);
  } else {
    out.push_back(input.years.rbegin()->first);
  }
  return out;
}

}  // namespace

std::vector<YearSettlement> SettleResult::All() const {
  std::vector<YearSettlement> out;
  for (const ModelSettlement& m : models)
    out.insert(out.end(), m.years.begin(), m.years.end());
  return out;
}

Result<std::vector<Model>> ResolveModels(const SettleOptions& options) {
  std::vector<Model> from_files;
  for (const std::string& file : options.model_files) {
    auto m = LoadModelFile(file);
    if (!m.ok()) return m.status();
    from_files.push_back(std::move(m).value());
  }
  std::vector<std::string> names = options.models;
  if (names.empty())
    names.push_back(from_files.empty() ? "solidair" : from_files.front().name);
  std::vector<Model> out;
  for (const std::string& name : names) {
    auto it = std::find_if(from_files.begin(), from_files.end(),
                           [&](const Model& m) { return m.name == name; });
    Result<Model> model =
        it != from_files.end() ? Result<Model>(std::move(*it)) : BuiltinModel(name);
    if (it != from_files.end()) from_files.erase(it);
    if (!model.ok()) return model.status();
    auto varied = WhatIf(std::move(model).value(), options);
    if (!varied.ok()) return varied.status();
    out.push_back(std::move(varied).value());
  }
  return out;
}

Status CheckKey(const SettlementInput& input, const std::string& key) {
  const std::vector<std::string> keys = input.KeyNames();
  if (std::find(keys.begin(), keys.end(), key) != keys.end()) return Status::Ok();
  return Status::Error(fmt::format("onbekende verdeelsleutel '{}'; kies uit {}", key,
                                   fmt::join(keys, ", ")));
}

Result<SettlementInput> LoadInput(const Store& store, const SettleOptions& options,
                                  const std::vector<Model>& models) {
  // Only the years asked and those the rules look back on are read, and per-client
  // costs only when needed (risk, pool rules): grouping the declarations is most of
  // the time.
  SettlementLoadOptions load;
  load.client_costs = options.risk;
  for (const Model& m : models) {
    load.client_costs = load.client_costs || m.needs().client_costs;
    load.lookback = std::max(load.lookback, m.needs().lookback);
  }
  if (!options.every_year) {
    load.first_year = options.first_year;
    load.last_year = options.last_year;
  }
  return LoadSettlementInput(store, load);
}

Result<SettleResult> Run(const SettlementInput& input,
                         const std::vector<const Model*>& models,
                         const SettleOptions& options) {
  auto years = SettledYears(input, options);
  if (!years.ok()) return years.status();
  if (options.risk && options.risk_year == 0 && years->size() != 1) {
    return Status::Error("--risk werkt op één jaar; gebruik --year");
  }
  SettleResult out;
  for (const Model* model : models) {
    ModelSettlement settled{model->name,
                            model->description,
                            model->default_rule.rule->name(),
                            model->fixed_rule.rule->name(),
                            {},
                            {}};
    for (int year : *years) {
      auto s = SettleYear(input, *model, year);
      if (s.ok()) {
        settled.years.push_back(std::move(s).value());
      } else if (options.skip_unsettled) {
        settled.unsettled.push_back(year);
      } else {
        return s.status();
      }
    }
    out.models.push_back(std::move(settled));
  }
  if (options.risk) {
    const int year = options.risk_year != 0 ? options.risk_year : years->front();
    std::vector<const Model*> risk_models;
    for (size_t i = 0; i < models.size(); ++i) {
      const std::vector<int>& unsettled = out.models[i].unsettled;
      if (std::find(unsettled.begin(), unsettled.end(), year) == unsettled.end()) {
        risk_models.push_back(models[i]);
      }
    }
    auto risk = SimulateRisk(input, risk_models, year, options.risk_options);
    if (!risk.ok()) return risk.status();
    out.risk = std::move(risk).value();
  }
  return out;
}

Result<SettleResult> Run(const Store& store, const SettleOptions& options) {
  auto models = ResolveModels(options);
  if (!models.ok()) return models.status();
  auto input = LoadInput(store, options, *models);
  if (!input.ok()) return input.status();
  if (!options.key.empty() && !input->years.empty()) {
    Status s = CheckKey(*input, options.key);
    if (!s.ok()) return s;
  }
  std::vector<const Model*> pointers;
  for (const Model& m : *models) pointers.push_back(&m);
  return Run(*input, pointers, options);
}

}  // namespace jr::settle
