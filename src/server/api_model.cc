// The settlement what-if of the API: a built-in model with another key or a phase-in.
#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "server/api.h"
#include "server/api_util.h"
#include "settle/builtin_models.h"
#include "settle/model_file.h"

namespace jr::server {
namespace {

std::string Param(const ApiRequest& r, const std::string& name) {
  auto it = r.query.find(name);
  return it == r.query.end() ? "" : it->second;
}

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// Replaces the value of every TOML line `key = ...` by the string `value`.
void ReplaceLine(std::string& toml, const std::string& key, const std::string& value) {
  std::istringstream in(toml);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with(key + " = ")) line = key + " = \"" + value + "\"";
    out += line + "\n";
  }
  toml = out;
}

}  // namespace

Result<std::shared_ptr<const settle::Model>> Api::RequestModel(const ApiRequest& r) const {
  std::string name = Param(r, "model");
  if (name.empty()) name = "solidair";
  auto found = models_.find(name);
  if (found == models_.end()) {
    return Status::Error(fmt::format("onbekend model '{}'; kies uit {}", name,
                                     fmt::join(settle::BuiltinModelNames(), ", ")));
  }
  const std::string key = Param(r, "key");
  auto phase_from = IntParam(r, "phase_from", 0, settlement_.FirstYear() - 3,
                             settlement_.years.rbegin()->first + 1);
  if (!phase_from.ok()) return phase_from.status();
  if (key.empty() && *phase_from == 0) return found->second;

  std::string toml = settle::BuiltinModelToml(name);
  std::string label = name;
  if (!key.empty()) {
    const std::vector<std::string> keys = region_.KeyNames();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      return Status::Error(fmt::format("parameter 'key': onbekende verdeelsleutel '{}'; kies uit {}",
                                       key, fmt::join(keys, ", ")));
    }
    ReplaceAll(toml, "key:inwoners", "key:" + key);
    label += ", sleutel " + key;
  }
  if (*phase_from != 0) {
    auto base = settle::ParseModelToml(toml, "what-if");
    if (!base.ok()) return base.status();
    const std::string rule = base->default_rule.rule->name();
    if (rule.find('*') != std::string::npos || rule.starts_with("phase")) {
      return Status::Error(fmt::format(
          "parameter 'phase_from': model '{}' heeft al een samengestelde regel ({})", name, rule));
    }
    const int y = *phase_from;
    ReplaceLine(toml, "default",
                fmt::format("phase({}: {}; {}: 0.75*{} + 0.25*own; {}: 0.5*{} + 0.5*own; "
                            "{}: 0.25*{} + 0.75*own; {}: own)",
                            y - 1, rule, y, rule, y + 1, rule, y + 2, rule, y + 3));
    label += fmt::format(", ingroei naar profijt vanaf {}", y);
  }
  ReplaceLine(toml, "name", label);
  auto model = settle::ParseModelToml(toml, "what-if");
  if (!model.ok()) return model.status();
  return std::make_shared<const settle::Model>(std::move(model).value());
}

}  // namespace jr::server
