#include "settle/model_file.h"

#include <fmt/format.h>

#include "core/toml_reader.h"
#include "settle/rule_registry.h"

namespace jr::settle {
namespace {

// Parses the rule string in `node` (at key `path`).
Result<RuleBinding> BindRule(const TomlSource& src, const toml::node& node,
                             const std::string& path, bool fixed_cost) {
  if (node.as_string() == nullptr) {
    return TomlError(src, &node, path,
                     "verwacht een regel als tekst, bijvoorbeeld \"own\"");
  }
  auto rule = ParseRule(node.as_string()->get());
  if (!rule.ok()) return TomlError(src, &node, path, rule.status().message());
  if (fixed_cost && (*rule)->needs().own_use) {
    return TomlError(
        src, &node, path,
        fmt::format("regel '{}' kan vaste regionale kosten niet verdelen: niemand "
                    "gebruikt ze; kies bijvoorbeeld key:inwoners",
                    (*rule)->name()));
  }
  return RuleBinding{std::move(rule).value(), TomlLocation(src, &node, path)};
}

// Parses a [buckets] or [fixed_buckets] table into `out`.
Status BindTable(const TomlSource& src, const toml::node& node, const std::string& path,
                 bool fixed_cost, std::map<std::string, RuleBinding>& out) {
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    return TomlError(src, &node, path, "verwacht een tabel van kostenpost = \"regel\"");
  }
  for (const auto& [key, value] : *table) {
    auto binding = BindRule(src, value, KeyPath(path, key.str()), fixed_cost);
    if (!binding.ok()) return binding.status();
    out.emplace(std::string(key.str()), std::move(binding).value());
  }
  return Status::Ok();
}

}  // namespace

Result<Model> ParseModelTable(const toml::table& table, const std::string& file,
                              const std::string& prefix) {
  const TomlSource src{file};
  Model model;
  bool has_default = false;
  bool has_fixed = false;
  for (const auto& [key_ref, node] : table) {
    const std::string key(key_ref.str());
    const std::string path = KeyPath(prefix, key);
    Status s;
    if (key == "name" || key == "description") {
      auto text = StringFromNode(src, node, path);
      if (!text.ok()) return text.status();
      (key == "name" ? model.name : model.description) = *text;
    } else if (key == "default" || key == "fixed") {
      auto binding = BindRule(src, node, path, key == "fixed");
      if (!binding.ok()) return binding.status();
      (key == "default" ? model.default_rule : model.fixed_rule) =
          std::move(binding).value();
      (key == "default" ? has_default : has_fixed) = true;
    } else if (key == "buckets" || key == "fixed_buckets") {
      s = BindTable(src, node, path, key == "fixed_buckets",
                    key == "buckets" ? model.bucket_rules : model.fixed_bucket_rules);
    } else {
      s = UnknownKey(src, node, path, key,
                     "; bekend zijn name, description, default, fixed, buckets en "
                     "fixed_buckets");
    }
    if (!s.ok()) return s;
  }
  if (model.name.empty()) {
    return TomlError(src, nullptr, prefix, "de naam van het model ('name') ontbreekt");
  }
  if (!has_default) {
    return TomlError(
        src, nullptr, prefix,
        "de standaardregel ('default') ontbreekt, bijvoorbeeld default = \"own\"");
  }
  if (!has_fixed) {
    model.fixed_rule = RuleBinding{std::move(ParseRule("key:inwoners")).value(),
                                   Location{file, 0, 0, KeyPath(prefix, "fixed")}};
  }
  return model;
}

Result<Model> ParseModelToml(std::string_view text, const std::string& file) {
  auto table = ParseToml(text, {file});
  if (!table.ok()) return table.status();
  return ParseModelTable(*table, file, "");
}

Result<Model> LoadModelFile(const std::string& path) {
  auto table = ReadTomlFile({path}, "modelbestand");
  if (!table.ok()) return table.status();
  return ParseModelTable(*table, path, "");
}

}  // namespace jr::settle
