#include "settle/model_file.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "settle/rule_registry.h"

namespace jr::settle {
namespace {

std::string Join(const std::string& prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
}

Location Where(const std::string& file, const toml::node& node, std::string path) {
  const toml::source_region& src = node.source();
  return Location{file, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column),
                  std::move(path)};
}

Status ErrorAt(std::string message, Location where) {
  return Status::Error(where.path.empty() ? message
                                          : fmt::format("{}: {}", where.path, message),
                       std::move(where));
}

// Parses the rule string in `node` (at key `path`).
Result<RuleBinding> BindRule(const toml::node& node, const std::string& file,
                             const std::string& path, bool fixed_cost) {
  Location where = Where(file, node, path);
  const auto* text = node.as_string();
  if (text == nullptr) return ErrorAt("verwacht een regel als tekst, bijvoorbeeld \"own\"", where);
  auto rule = ParseRule(text->get());
  if (!rule.ok()) return ErrorAt(rule.status().message(), where);
  if (fixed_cost && (*rule)->needs().own_use) {
    return ErrorAt(fmt::format("regel '{}' kan vaste regionale kosten niet verdelen: niemand "
                               "gebruikt ze; kies bijvoorbeeld key:inwoners",
                               (*rule)->name()),
                   where);
  }
  return RuleBinding{std::move(rule).value(), std::move(where)};
}

// Parses a [buckets] or [fixed_buckets] table into `out`.
Status BindTable(const toml::node& node, const std::string& file, const std::string& path,
                 bool fixed_cost, std::map<std::string, RuleBinding>& out) {
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    return ErrorAt("verwacht een tabel van kostenpost = \"regel\"", Where(file, node, path));
  }
  for (const auto& [key, value] : *table) {
    auto binding = BindRule(value, file, Join(path, key.str()), fixed_cost);
    if (!binding.ok()) return binding.status();
    out.emplace(std::string(key.str()), std::move(binding).value());
  }
  return Status::Ok();
}

Result<std::string> Text(const toml::node& node, const std::string& file,
                         const std::string& path) {
  const auto* text = node.as_string();
  if (text == nullptr) return ErrorAt("verwacht tekst", Where(file, node, path));
  return text->get();
}

}  // namespace

Result<Model> ParseModelTable(const toml::table& table, const std::string& file,
                              const std::string& prefix) {
  Model model;
  bool has_default = false;
  bool has_fixed = false;
  for (const auto& [key_ref, node] : table) {
    const std::string key(key_ref.str());
    const std::string path = Join(prefix, key);
    Status s;
    if (key == "name" || key == "description") {
      auto text = Text(node, file, path);
      if (!text.ok()) return text.status();
      (key == "name" ? model.name : model.description) = *text;
    } else if (key == "default" || key == "fixed") {
      auto binding = BindRule(node, file, path, key == "fixed");
      if (!binding.ok()) return binding.status();
      (key == "default" ? model.default_rule : model.fixed_rule) = std::move(binding).value();
      (key == "default" ? has_default : has_fixed) = true;
    } else if (key == "buckets" || key == "fixed_buckets") {
      s = BindTable(node, file, path, key == "fixed_buckets",
                    key == "buckets" ? model.bucket_rules : model.fixed_bucket_rules);
    } else {
      s = ErrorAt("onbekende sleutel; bekend zijn name, description, default, fixed, buckets "
                  "en fixed_buckets",
                  Where(file, node, path));
    }
    if (!s.ok()) return s;
  }
  Location whole{file, 0, 0, prefix};
  if (model.name.empty()) return ErrorAt("de naam van het model ('name') ontbreekt", whole);
  if (!has_default) {
    return ErrorAt("de standaardregel ('default') ontbreekt, bijvoorbeeld default = \"own\"",
                   whole);
  }
  if (!has_fixed) {
    model.fixed_rule = RuleBinding{std::move(ParseRule("key:inwoners")).value(),
                                   Location{file, 0, 0, Join(prefix, "fixed")}};
  }
  return model;
}

Result<Model> ParseModelToml(std::string_view text, const std::string& file) {
  toml::table table;
  try {
    table = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    return Status::Error(
        fmt::format("geen geldige TOML: {}", e.description()),
        Location{file, static_cast<int>(e.source().begin.line),
                 static_cast<int>(e.source().begin.column), ""});
  }
  return ParseModelTable(table, file, "");
}

Result<Model> LoadModelFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("modelbestand kan niet worden gelezen", Location{path});
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseModelToml(buffer.str(), path);
}

}  // namespace jr::settle
