#include "budget/budget_config.h"

#include <fmt/format.h>

namespace jr {
namespace {

// Reads one [[jaar]] table into `y`.
Status ParseYear(const TomlSource& src, const toml::table& t, const std::string& at,
                 BudgetYear& y) {
  auto year = RequireYear(src, t, "jaar", at + ".jaar");
  if (!year.ok()) return year.status();
  y.year = *year;
  struct Field {
    const char* key;
    std::optional<Money>* out;
  };
  std::optional<Money> amendment, target;
  for (Field f :
       {Field{"begroting", &y.budget}, Field{"burap", &amendment},
        Field{"taakstelling", &target}, Field{"bijdrage_rijk", &y.state_contribution},
        Field{"rijksbudget", &y.state_budget}, Field{"realisatie", &y.realised},
        Field{"prognose", &y.forecast}}) {
    auto m = OptionalMoney(src, t, f.key, at + "." + f.key);
    if (!m.ok()) return m.status();
    *f.out = *m;
  }
  y.amendment = amendment.value_or(Money());
  y.target = target.value_or(Money());
  return Status::Ok();
}

}  // namespace

Result<BudgetConfig> ParseBudgetConfig(const toml::table& doc, const TomlSource& src) {
  BudgetConfig c;
  auto idx = OptionalDouble(src, doc, "indexatie", "indexatie", c.indexation);
  if (!idx.ok()) return idx.status();
  if (*idx < -0.5 || *idx > 0.5) {
    return TomlError(src, doc.get("indexatie"), "indexatie",
                     fmt::format("indexatie {} ligt niet tussen -0,5 en 0,5", *idx));
  }
  c.indexation = *idx;
  auto yearly = OptionalDouble(src, doc, "indexatie_per_jaar", "indexatie_per_jaar",
                               c.yearly_indexation);
  if (!yearly.ok()) return yearly.status();
  if (*yearly < -0.5 || *yearly > 0.5) {
    return TomlError(
        src, doc.get("indexatie_per_jaar"), "indexatie_per_jaar",
        fmt::format("indexatie_per_jaar {} ligt niet tussen -0,5 en 0,5", *yearly));
  }
  c.yearly_indexation = *yearly;
  auto key = OptionalString(src, doc, "sleutel", "sleutel", c.key);
  if (!key.ok()) return key.status();
  c.key = *key;
  auto before =
      OptionalMoney(src, doc, "realisatie_voorgaand_jaar", "realisatie_voorgaand_jaar");
  if (!before.ok()) return before.status();
  c.realised_before = *before;
  if (const toml::node* n = doc.get("realisatie_uit_database")) {
    const toml::table* t = n->as_table();
    if (t == nullptr) {
      return TomlError(src, n, "realisatie_uit_database",
                       "'realisatie_uit_database' moet een tabel zijn");
    }
    auto fixed =
        OptionalBool(src, *t, "vaste_kosten", "realisatie_uit_database.vaste_kosten",
                     c.include_fixed_costs);
    if (!fixed.ok()) return fixed.status();
    auto local =
        OptionalBool(src, *t, "lokale_kosten", "realisatie_uit_database.lokale_kosten",
                     c.include_local_costs);
    if (!local.ok()) return local.status();
    c.include_fixed_costs = *fixed;
    c.include_local_costs = *local;
  }
  const toml::node* years = doc.get("jaar");
  const toml::array* arr = years == nullptr ? nullptr : years->as_array();
  if (arr == nullptr || arr->empty()) {
    return TomlError(src, years, "jaar",
                     "verplicht veld 'jaar' ontbreekt: geef [[jaar]]-tabellen");
  }
  for (size_t i = 0; i < arr->size(); ++i) {
    std::string at = fmt::format("jaar[{}]", i + 1);
    const toml::table* t = (*arr)[i].as_table();
    if (t == nullptr)
      return TomlError(src, &(*arr)[i], at, fmt::format("'{}' moet een tabel zijn", at));
    BudgetYear y;
    if (Status s = ParseYear(src, *t, at, y); !s.ok()) return s;
    if (i == 0 && !y.budget) {
      return TomlError(src, t, at + ".begroting",
                       fmt::format("verplicht veld '{}.begroting' ontbreekt: het eerste "
                                   "jaar is de beginwaarde",
                                   at));
    }
    if (i > 0 && y.year != c.years.back().year + 1) {
      return TomlError(
          src, t->get("jaar"), at + ".jaar",
          fmt::format(
              "jaar {} sluit niet aan op {}: jaren moeten opeenvolgend en oplopend zijn",
              y.year, c.years.back().year));
    }
    c.years.push_back(y);
  }
  return c;
}

Result<BudgetConfig> LoadBudgetConfig(const std::string& file) {
  TomlSource src{file};
  auto doc = ReadTomlFile(src);
  if (!doc.ok()) return doc.status();
  return ParseBudgetConfig(*doc, src);
}

}  // namespace jr
