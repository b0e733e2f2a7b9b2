#include "rules/region_rules.h"

#include <fmt/format.h>

#include "core/env.h"
#include "core/toml_reader.h"

namespace jr::rules {
namespace {

// Raised whenever a rule's behaviour changes, so stored decisions are recognisably
// from another version.
constexpr int kRulesVersion = 1;

// FNV-1a, 64 bit: the same on every machine and build.
uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

Status ReadProduct(const TomlSource& src, const toml::table& t, const std::string& path,
                   ProductLimit* out) {
  for (const auto& [k, node] : t) {
    std::string key(k.str());
    if (key != "categorie" && key != "code" && key != "max_per_week") {
      return UnknownKey(src, node, KeyPath(path, key), key,
                        "; bekend zijn categorie, code en max_per_week");
    }
  }
  auto category = RequireString(src, t, "categorie", path);
  if (!category.ok()) return category.status();
  auto code = RequireString(src, t, "code", path);
  if (!code.ok()) return code.status();
  out->category = *category;
  out->code = *code;
  if (t.contains("max_per_week")) {
    auto max = RequireInt(src, t, "max_per_week", path);
    if (!max.ok()) return max.status();
    if (*max < 0 || *max > 10000) {
      return TomlError(src, t.get("max_per_week"), KeyPath(path, "max_per_week"),
                       fmt::format("'{}' = {} ligt niet tussen 0 en 10000",
                                   KeyPath(path, "max_per_week"), *max));
    }
    out->max_per_week = *max;
  }
  return Status::Ok();
}

}  // namespace

std::string RegionRules::Fingerprint() const {
  std::string text = fmt::format("v{}", kRulesVersion);
  for (const ProductLimit& p : products) {
    text += fmt::format("|p:{}/{}:{}", p.category, p.code,
                        p.max_per_week ? std::to_string(*p.max_per_week) : "-");
  }
  text +=
      fmt::format("|t:{}", review_above ? std::to_string(review_above->cents()) : "-");
  for (const std::string& b : residential_buckets) text += "|v:" + b;
  return fmt::format("regels-v{}-{:016x}", kRulesVersion, Fnv1a(text));
}

Result<RegionRules> ParseRegionRules(std::string_view text, const std::string& file) {
  TomlSource src{file};
  auto doc = ParseToml(text, src);
  if (!doc.ok()) return doc.status();
  RegionRules rules;
  for (const auto& [k, node] : *doc) {
    std::string key(k.str());
    if (key == "product") {
      auto tables = TableArray(src, *doc, "product", "", false);
      if (!tables.ok()) return tables.status();
      for (size_t i = 0; i < tables->size(); ++i) {
        std::string path = fmt::format("product[{}]", i + 1);
        ProductLimit p;
        if (Status s = ReadProduct(src, *(*tables)[i], path, &p); !s.ok()) return s;
        for (const ProductLimit& q : rules.products) {
          if (q.category == p.category && q.code == p.code) {
            return TomlError(
                src, (*tables)[i], path,
                fmt::format("product {}/{} staat er twee keer in", p.category, p.code));
          }
        }
        rules.products.push_back(std::move(p));
      }
    } else if (key == "toetsing" || key == "woonplaats") {
      const toml::table* t = node.as_table();
      if (t == nullptr) {
        return TomlError(src, &node, key, fmt::format("'{}' moet een tabel zijn", key));
      }
      for (const auto& [k2, n2] : *t) {
        std::string key2(k2.str());
        std::string path = KeyPath(key, key2);
        if (key == "toetsing" && key2 == "bedrag_boven") {
          auto m = MoneyFromNode(src, n2, path);
          if (!m.ok()) return m.status();
          if (*m < Money()) {
            return TomlError(src, &n2, path, "het bedrag mag niet negatief zijn");
          }
          rules.review_above = *m;
        } else if (key == "woonplaats" && key2 == "verblijf") {
          auto list = StringList(src, n2, path);
          if (!list.ok()) return list.status();
          rules.residential_buckets = *list;
        } else {
          return UnknownKey(
              src, n2, path, key2,
              key == "toetsing" ? "; bekend is bedrag_boven" : "; bekend is verblijf");
        }
      }
    } else {
      return UnknownKey(src, node, key, key,
                        "; bekend zijn product, toetsing en woonplaats");
    }
  }
  return rules;
}

Result<RegionRules> LoadRegionRules(const std::string& file) {
  auto text = Env::Default().ReadFile(file);
  if (!text.ok()) return Status::Error("regelbestand kan niet worden gelezen", {file});
  return ParseRegionRules(*text, file);
}

}  // namespace jr::rules
