#include "core/toml_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/env.h"

namespace jr {
namespace {

constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2200;

Status Missing(const TomlSource& src, const toml::table& table, const std::string& path) {
  return TomlError(src, &table, path, fmt::format("verplicht veld '{}' ontbreekt", path));
}

bool IsYear(int64_t y) { return y >= kFirstYear && y <= kLastYear; }

// A number for a message, with a decimal comma: 0,5.
std::string Dutch(double x) {
  std::string s = fmt::format("{:g}", x);
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

}  // namespace

Location TomlLocation(const TomlSource& src, const toml::node* node, std::string path) {
  Location where{src.file, 0, 0, std::move(path)};
  if (node != nullptr) {
    where.line = static_cast<int>(node->source().begin.line);
    where.column = static_cast<int>(node->source().begin.column);
  }
  return where;
}

Status TomlError(const TomlSource& src, const toml::node* node, std::string path,
                 std::string message) {
  return Status::Error(std::move(message), TomlLocation(src, node, std::move(path)));
}

Status UnknownKey(const TomlSource& src, const toml::node& node, const std::string& path,
                  std::string_view key, std::string_view known) {
  return TomlError(src, &node, path, fmt::format("onbekende sleutel '{}'{}", key, known));
}

std::string KeyPath(std::string_view path, std::string_view key) {
  if (path.empty()) return std::string(key);
  return fmt::format("{}.{}", path, key);
}

Result<toml::table> ParseToml(std::string_view text, const TomlSource& src) {
  try {
    return toml::parse(text, src.file);
  } catch (const toml::parse_error& e) {
    Location where{src.file, static_cast<int>(e.source().begin.line),
                   static_cast<int>(e.source().begin.column), ""};
    return Status::Error(fmt::format("geen geldige TOML: {}", e.description()), where);
  }
}

Result<toml::table> ReadTomlFile(const TomlSource& src, std::string_view what) {
  auto text = Env::Default().ReadFile(src.file);
  if (!text.ok())
    return Status::Error(fmt::format("{} kan niet worden gelezen", what), {src.file});
  return ParseToml(*text, src);
}

Result<Money> MoneyFromNode(const TomlSource& src, const toml::node& node,
                            const std::string& path) {
  // An amount whose cents do not fit in 64 bits is refused, not wrapped.
  auto too_large = [&] {
    return TomlError(src, &node, path, fmt::format("bedrag '{}' is te groot", path));
  };
  if (auto i = node.value_exact<int64_t>()) {
    auto m = Money::CheckedMul(Money::FromCents(*i), 100);
    if (!m.ok()) return too_large();
    return m;
  }
  if (auto d = node.value_exact<double>()) {
    double cents = *d * 100.0;
    if (!std::isfinite(cents) ||
        std::abs(cents - std::round(cents)) > 1e-6 * std::max(1.0, std::abs(cents))) {
      return TomlError(src, &node, path,
                       fmt::format("bedrag '{}' heeft meer dan twee decimalen", path));
    }
    // 2^63 cents: llround of a larger value is undefined.
    if (std::abs(cents) >= 9.2e18) return too_large();
    return Money::FromCents(RoundCents(cents));
  }
  if (auto s = node.value_exact<std::string>()) {
    auto m = Money::Parse(*s);
    if (!m.ok()) return TomlError(src, &node, path, m.status().message());
    return m;
  }
  return TomlError(src, &node, path,
                   fmt::format("'{}' moet een bedrag in euro zijn", path));
}

Result<std::string> StringFromNode(const TomlSource& src, const toml::node& node,
                                   const std::string& path) {
  auto s = node.value_exact<std::string>();
  if (!s) return TomlError(src, &node, path, fmt::format("'{}' moet tekst zijn", path));
  return *s;
}

Result<double> NumberFromNode(const TomlSource& src, const toml::node& node,
                              const std::string& path) {
  auto d = node.value<double>();  // integers convert
  if (!d || !std::isfinite(*d)) {
    return TomlError(src, &node, path, fmt::format("'{}' moet een getal zijn", path));
  }
  return *d;
}

Result<double> NumberInRange(const TomlSource& src, const toml::node& node,
                             const std::string& path, double lo, double hi) {
  auto x = NumberFromNode(src, node, path);
  if (!x.ok()) return x;
  if (*x < lo || *x > hi) {
    return TomlError(src, &node, path,
                     fmt::format("'{}' = {} ligt niet tussen {} en {}", path, Dutch(*x),
                                 Dutch(lo), Dutch(hi)));
  }
  return x;
}

Result<std::vector<std::string>> StringList(const TomlSource& src, const toml::node& node,
                                            const std::string& path) {
  const toml::array* a = node.as_array();
  if (a == nullptr) {
    return TomlError(src, &node, path,
                     fmt::format("'{}' moet een lijst van teksten zijn", path));
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < a->size(); ++i) {
    auto s = StringFromNode(src, (*a)[i], fmt::format("{}[{}]", path, i + 1));
    if (!s.ok()) return s.status();
    out.push_back(std::move(s).value());
  }
  return out;
}

Result<std::map<std::string, double>> NumberTable(const TomlSource& src,
                                                  const toml::node& node,
                                                  const std::string& path, double lo,
                                                  double hi) {
  const toml::table* t = node.as_table();
  if (t == nullptr) {
    return TomlError(src, &node, path,
                     fmt::format("'{}' moet een tabel {{ naam = getal }} zijn", path));
  }
  std::map<std::string, double> out;
  for (const auto& [k, v] : *t) {
    auto x = NumberInRange(src, v, KeyPath(path, k.str()), lo, hi);
    if (!x.ok()) return x.status();
    out[std::string(k.str())] = *x;
  }
  return out;
}

Result<std::optional<Money>> OptionalMoney(const TomlSource& src,
                                           const toml::table& table, std::string_view key,
                                           const std::string& path) {
  const toml::node* n = table.get(key);
  if (n == nullptr) return std::optional<Money>();
  auto m = MoneyFromNode(src, *n, path);
  if (!m.ok()) return m.status();
  return std::optional<Money>(*m);
}

Result<Money> RequireMoney(const TomlSource& src, const toml::table& table,
                           std::string_view key, const std::string& path) {
  const toml::node* n = table.get(key);
  if (n == nullptr) return Missing(src, table, path);
  return MoneyFromNode(src, *n, path);
}

Result<std::string> RequireString(const TomlSource& src, const toml::table& table,
                                  std::string_view key, const std::string& path) {
  const toml::node* n = table.get(key);
  if (n == nullptr) return Missing(src, table, path);
  return StringFromNode(src, *n, path);
}

Result<std::string> OptionalString(const TomlSource& src, const toml::table& table,
                                   std::string_view key, const std::string& path,
                                   std::string fallback) {
  if (table.get(key) == nullptr) return fallback;
  return RequireString(src, table, key, path);
}

Result<int64_t> RequireInt(const TomlSource& src, const toml::table& table,
                           std::string_view key, const std::string& path) {
  const toml::node* n = table.get(key);
  if (n == nullptr) return Missing(src, table, path);
  auto i = n->value_exact<int64_t>();
  if (!i)
    return TomlError(src, n, path, fmt::format("'{}' moet een geheel getal zijn", path));
  return *i;
}

Result<int64_t> OptionalInt(const TomlSource& src, const toml::table& table,
                            std::string_view key, const std::string& path,
                            int64_t fallback) {
  if (table.get(key) == nullptr) return fallback;
  return RequireInt(src, table, key, path);
}

Result<int> RequireYear(const TomlSource& src, const toml::table& table,
                        std::string_view key, const std::string& path) {
  auto year = RequireInt(src, table, key, path);
  if (!year.ok()) return year.status();
  if (!IsYear(*year)) {
    return TomlError(src, table.get(key), path,
                     fmt::format("jaar {} valt buiten het bereik {}-{}", *year,
                                 kFirstYear, kLastYear));
  }
  return static_cast<int>(*year);
}

Result<double> RequireDouble(const TomlSource& src, const toml::table& table,
                             std::string_view key, const std::string& path) {
  const toml::node* n = table.get(key);
  if (n == nullptr) return Missing(src, table, path);
  return NumberFromNode(src, *n, path);
}

Result<double> OptionalDouble(const TomlSource& src, const toml::table& table,
                              std::string_view key, const std::string& path,
                              double fallback) {
  if (table.get(key) == nullptr) return fallback;
  return RequireDouble(src, table, key, path);
}

Result<bool> OptionalBool(const TomlSource& src, const toml::table& table,
                          std::string_view key, const std::string& path, bool fallback) {
  const toml::node* n = table.get(key);
  if (n == nullptr) return fallback;
  auto b = n->value_exact<bool>();
  if (!b)
    return TomlError(src, n, path, fmt::format("'{}' moet true of false zijn", path));
  return *b;
}

Result<std::optional<Date>> OptionalDate(const TomlSource& src, const toml::table& table,
                                         std::string_view key, const std::string& path) {
  const toml::node* n = table.get(key);
  if (n == nullptr) return std::optional<Date>();
  if (auto d = n->value_exact<toml::date>()) {
    Date date{std::chrono::year(d->year), std::chrono::month(d->month),
              std::chrono::day(d->day)};
    return std::optional<Date>(date);
  }
  if (auto s = n->value_exact<std::string>()) {
    auto d = ParseDate(*s);
    if (!d.ok()) return TomlError(src, n, path, d.status().message());
    return std::optional<Date>(*d);
  }
  return TomlError(src, n, path,
                   fmt::format("'{}' moet een datum zijn (JJJJ-MM-DD)", path));
}

Result<int> YearFromKey(const TomlSource& src, const toml::node& node,
                        std::string_view key, const std::string& path) {
  int year = 0;
  auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), year);
  if (ec != std::errc() || end != key.data() + key.size() || !IsYear(year)) {
    return TomlError(src, &node, path, fmt::format("'{}' is geen jaartal", key));
  }
  return year;
}

Result<std::vector<const toml::table*>> TableArray(const TomlSource& src,
                                                   const toml::table& table,
                                                   std::string_view key,
                                                   const std::string& path,
                                                   bool required) {
  std::vector<const toml::table*> out;
  const toml::node* n = table.get(key);
  if (n == nullptr) {
    if (required) return Missing(src, table, path);
    return out;
  }
  const toml::array* arr = n->as_array();
  if (arr == nullptr || !arr->is_array_of_tables()) {
    return TomlError(
        src, n, path,
        fmt::format("'{}' moet een lijst van tabellen zijn ([[{}]])", path, key));
  }
  for (const toml::node& row : *arr) out.push_back(row.as_table());
  return out;
}

Result<std::vector<int>> RequireYearList(const TomlSource& src, const toml::table& table,
                                         std::string_view key, const std::string& path) {
  const toml::node* n = table.get(key);
  const toml::array* arr = n == nullptr ? nullptr : n->as_array();
  if (arr == nullptr || arr->empty()) {
    return TomlError(
        src, n == nullptr ? &table : n, path,
        fmt::format("verplicht veld '{}' ontbreekt: geef een lijst van jaartallen",
                    path));
  }
  std::vector<int> years;
  for (size_t i = 0; i < arr->size(); ++i) {
    auto y = (*arr)[i].value_exact<int64_t>();
    std::string at = fmt::format("{}[{}]", path, i + 1);
    if (!y || !IsYear(*y)) {
      return TomlError(src, &(*arr)[i], at, fmt::format("'{}' is geen jaartal", at));
    }
    if (!years.empty() && *y <= years.back()) {
      return TomlError(src, &(*arr)[i], at,
                       fmt::format("'{}': jaren moeten oplopend en uniek zijn", path));
    }
    years.push_back(static_cast<int>(*y));
  }
  return years;
}

Result<std::map<int, Money>> ReadYearAmounts(const TomlSource& src,
                                             const toml::node& node,
                                             const std::string& path,
                                             const std::vector<int>& allowed) {
  const toml::table* t = node.as_table();
  if (t == nullptr) {
    return TomlError(src, &node, path,
                     fmt::format("'{}' moet een tabel per jaar zijn", path));
  }
  std::map<int, Money> out;
  for (const auto& [k, v] : *t) {
    std::string at = KeyPath(path, k.str());
    auto year = YearFromKey(src, v, k.str(), at);
    if (!year.ok()) return year.status();
    if (!allowed.empty() &&
        std::find(allowed.begin(), allowed.end(), *year) == allowed.end()) {
      return TomlError(
          src, &v, at,
          fmt::format("jaar {} valt buiten de jaren van dit bestand", *year));
    }
    auto m = MoneyFromNode(src, v, at);
    if (!m.ok()) return m.status();
    out[*year] = *m;
  }
  return out;
}

}  // namespace jr
