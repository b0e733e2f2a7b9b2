#include "agenda/measure_portfolio.h"

#include <fmt/format.h>

#include <algorithm>

namespace jr {
namespace {

std::string FormatEuros(double euros) {
  return Money::FromCents(RoundCents(euros * 100)).ToEuroString();
}

bool HasYear(const MeasurePortfolio& p, int year) {
  return std::binary_search(p.years.begin(), p.years.end(), year);
}

Status ParseBase(const TomlSource& src, const MeasurePortfolio& p,
                 const std::string& name, const toml::node& node, MeasureBase& b) {
  const std::string at = "basis." + name;
  const toml::table* t = node.as_table();
  if (t == nullptr)
    return TomlError(src, &node, at, fmt::format("'{}' moet een tabel zijn", at));
  b.name = name;
  auto d = OptionalString(src, *t, "omschrijving", at + ".omschrijving", "");
  if (!d.ok()) return d.status();
  b.description = *d;
  const toml::node* amount = t->get("bedrag");
  if (amount == nullptr) {
    return TomlError(src, t, at + ".bedrag",
                     fmt::format("verplicht veld '{}.bedrag' ontbreekt", at));
  }
  if (amount->is_table()) {
    auto per_year = ReadYearAmounts(src, *amount, at + ".bedrag", p.years);
    if (!per_year.ok()) return per_year.status();
    for (const auto& [y, m] : *per_year) b.amount[y] = m.ToEurosApprox();
  } else {
    auto m = MoneyFromNode(src, *amount, at + ".bedrag");
    if (!m.ok()) return m.status();
    for (int y : p.years) b.amount[y] = m->ToEurosApprox();
  }
  for (int y : p.years) {
    auto it = b.amount.find(y);
    if (it == b.amount.end() || it->second <= 0) {
      return TomlError(
          src, amount, at + ".bedrag",
          fmt::format("basis '{}' heeft geen positief bedrag voor {}", name, y));
    }
  }
  return Status::Ok();
}

Result<Bandwidth> ParseBandwidth(const TomlSource& src, const toml::node& node,
                                 const std::string& path) {
  const toml::array* arr = node.as_array();
  if (arr == nullptr || (arr->size() != 2 && arr->size() != 3)) {
    return TomlError(src, &node, path,
                     fmt::format("'{}' moet [min, max] of [min, modus, max] zijn", path));
  }
  std::vector<double> v;
  for (size_t i = 0; i < arr->size(); ++i) {
    auto m = MoneyFromNode(src, (*arr)[i], path);
    if (!m.ok()) return m.status();
    v.push_back(m->ToEurosApprox());
  }
  Bandwidth b{v.front(), (v.front() + v.back()) / 2, v.back()};
  if (v.size() == 3) b.mode = v[1];
  if (b.min < 0)
    return TomlError(src, &node, path, fmt::format("'{}': minimum is negatief", path));
  if (b.min > b.max) {
    return TomlError(src, &node, path,
                     fmt::format("'{}': minimum ({}) is groter dan maximum ({})", path,
                                 FormatEuros(b.min), FormatEuros(b.max)));
  }
  if (b.mode < b.min || b.mode > b.max) {
    return TomlError(src, &node, path,
                     fmt::format("'{}': modus ligt buiten [min, max]", path));
  }
  return b;
}

// Reads the chances `kans_vertraging` and `kans_mislukt` of `t` (fallback: the
// given defaults) into `slip` and `fail`: each in [0, 1], together at most 1.
Status ParseChances(const TomlSource& src, const toml::table& t, const std::string& at,
                    double& slip, double& fail) {
  const std::string prefix = at.empty() ? "" : at + ".";
  for (auto [key, out] : {std::pair<const char*, double*>{"kans_vertraging", &slip},
                          std::pair<const char*, double*>{"kans_mislukt", &fail}}) {
    auto v = OptionalDouble(src, t, key, prefix + key, *out);
    if (!v.ok()) return v.status();
    if (*v < 0 || *v > 1) {
      return TomlError(src, t.get(key), prefix + key,
                       fmt::format("'{}{}' moet tussen 0 en 1 liggen", prefix, key));
    }
    *out = *v;
  }
  if (slip + fail > 1) {
    return TomlError(
        src, &t, prefix + "kans_mislukt",
        fmt::format("'{0}kans_vertraging' + '{0}kans_mislukt' is meer dan 1", prefix));
  }
  return Status::Ok();
}

Status ParseMeasure(const TomlSource& src, const MeasurePortfolio& p,
                    DistributionKind fallback, const toml::table& t,
                    const std::string& at, Measure& m) {
  struct TextField {
    const char* key;
    std::string* out;
    bool required;
  };
  for (TextField f :
       {TextField{"id", &m.id, true}, TextField{"naam", &m.name, true},
        TextField{"verantwoordelijk", &m.responsible, false},
        TextField{"basis", &m.base, true}, TextField{"cluster", &m.cluster, false},
        TextField{"doorlooptijd", &m.lead_time, false}}) {
    std::string path = at + "." + f.key;
    auto s = f.required ? RequireString(src, t, f.key, path)
                        : OptionalString(src, t, f.key, path, "");
    if (!s.ok()) return s.status();
    *f.out = *s;
  }
  if (p.BaseIndex(m.base) == p.bases.size()) {
    return TomlError(
        src, t.get("basis"), at + ".basis",
        fmt::format("onbekende basis '{}' (geef [basis.{}])", m.base, m.base));
  }
  if (const toml::node* inv = t.get("investering")) {
    auto amount = MoneyFromNode(src, *inv, at + ".investering");
    if (amount.ok()) {
      m.investment = *amount;
    } else if (auto s = inv->value_exact<std::string>()) {
      m.investment_note = *s;
    } else {
      return amount.status();
    }
  }
  auto dist =
      OptionalString(src, t, "verdeling", at + ".verdeling", DistributionName(fallback));
  if (!dist.ok()) return dist.status();
  auto kind = ParseDistributionKind(*dist);
  if (!kind) {
    return TomlError(
        src, t.get("verdeling"), at + ".verdeling",
        fmt::format("onbekende verdeling '{}' (uniform, driehoek of pert)", *dist));
  }
  m.distribution = *kind;
  m.p_slip = p.default_p_slip;
  m.p_fail = p.default_p_fail;
  if (Status st = ParseChances(src, t, at, m.p_slip, m.p_fail); !st.ok()) return st;
  const toml::node* sav = t.get("besparing");
  if (sav == nullptr) {
    return TomlError(src, &t, at + ".besparing",
                     fmt::format("verplicht veld '{}.besparing' ontbreekt", at));
  }
  const toml::table* st = sav->as_table();
  if (st == nullptr) {
    return TomlError(src, sav, at + ".besparing",
                     "'besparing' moet een tabel per jaar zijn");
  }
  const MeasureBase& base = p.bases[p.BaseIndex(m.base)];
  for (const auto& [k, v] : *st) {
    std::string path = fmt::format("{}.besparing.{}", at, k.str());
    auto year = YearFromKey(src, v, k.str(), path);
    if (!year.ok()) return year.status();
    if (!HasYear(p, *year)) {
      return TomlError(src, &v, path, fmt::format("jaar {} valt buiten 'jaren'", *year));
    }
    auto b = ParseBandwidth(src, v, path);
    if (!b.ok()) return b.status();
    if (b->max > base.amount.at(*year)) {
      return TomlError(src, &v, path,
                       fmt::format("maximale besparing {} is groter dan basis '{}' ({})",
                                   FormatEuros(b->max), base.name,
                                   FormatEuros(base.amount.at(*year))));
    }
    m.savings[*year] = *b;
  }
  return Status::Ok();
}

}  // namespace

size_t MeasurePortfolio::BaseIndex(const std::string& name) const {
  for (size_t i = 0; i < bases.size(); ++i) {
    if (bases[i].name == name) return i;
  }
  return bases.size();
}

Result<MeasurePortfolio> ParseMeasurePortfolio(const toml::table& doc,
                                               const TomlSource& src) {
  MeasurePortfolio p;
  auto years = RequireYearList(src, doc, "jaren", "jaren");
  if (!years.ok()) return years.status();
  p.years = *years;
  auto dist = OptionalString(src, doc, "verdeling", "verdeling", "pert");
  if (!dist.ok()) return dist.status();
  auto kind = ParseDistributionKind(*dist);
  if (!kind) {
    return TomlError(
        src, doc.get("verdeling"), "verdeling",
        fmt::format("onbekende verdeling '{}' (uniform, driehoek of pert)", *dist));
  }
  auto rho = OptionalDouble(src, doc, "rangcorrelatie", "rangcorrelatie", 0.0);
  if (!rho.ok()) return rho.status();
  if (*rho < 0 || *rho >= 1) {
    return TomlError(src, doc.get("rangcorrelatie"), "rangcorrelatie",
                     "'rangcorrelatie' moet in [0, 1) liggen");
  }
  p.rank_correlation = *rho;
  if (Status st = ParseChances(src, doc, "", p.default_p_slip, p.default_p_fail);
      !st.ok()) {
    return st;
  }
  const toml::node* bases = doc.get("basis");
  const toml::table* bt = bases == nullptr ? nullptr : bases->as_table();
  if (bt == nullptr || bt->empty()) {
    return TomlError(src, bases, "basis",
                     "verplicht veld 'basis' ontbreekt: geef [basis.<naam>]-tabellen");
  }
  for (const auto& [k, v] : *bt) {
    MeasureBase b;
    if (Status s = ParseBase(src, p, std::string(k.str()), v, b); !s.ok()) return s;
    p.bases.push_back(std::move(b));
  }
  const toml::node* ms = doc.get("maatregel");
  const toml::array* arr = ms == nullptr ? nullptr : ms->as_array();
  if (arr == nullptr || arr->empty()) {
    return TomlError(src, ms, "maatregel",
                     "verplicht veld 'maatregel' ontbreekt: geef [[maatregel]]-tabellen");
  }
  for (size_t i = 0; i < arr->size(); ++i) {
    std::string at = fmt::format("maatregel[{}]", i + 1);
    const toml::table* t = (*arr)[i].as_table();
    if (t == nullptr)
      return TomlError(src, &(*arr)[i], at, fmt::format("'{}' moet een tabel zijn", at));
    Measure m;
    if (Status s = ParseMeasure(src, p, *kind, *t, at, m); !s.ok()) return s;
    for (const Measure& other : p.measures) {
      if (other.id == m.id) {
        return TomlError(src, t->get("id"), at + ".id",
                         fmt::format("maatregel '{}' komt twee keer voor", m.id));
      }
    }
    p.measures.push_back(std::move(m));
  }
  return p;
}

Result<MeasurePortfolio> LoadMeasurePortfolio(const std::string& file) {
  TomlSource src{file};
  auto doc = ReadTomlFile(src);
  if (!doc.ok()) return doc.status();
  return ParseMeasurePortfolio(*doc, src);
}

}  // namespace jr
