#include "forecast/lever.h"

#include <set>

#include "core/date.h"
#include "core/toml_reader.h"

namespace jr::forecast {
namespace {

constexpr double kMaxFactor = 100;

Result<Lever> ReadLever(const TomlSource& src, const toml::table& t,
                        const std::string& path, int n) {
  static const std::set<std::string> kKeys = {"name",
                                              "start",
                                              "municipalities",
                                              "inflow_factor",
                                              "duration_factor",
                                              "volume_factor",
                                              "reindication",
                                              "tariff_change",
                                              "products_removed",
                                              "residential_to_outpatient",
                                              "residential",
                                              "outpatient",
                                              "nee_tenzij",
                                              "team_budgets",
                                              "review_above",
                                              "review_refused",
                                              "measure",
                                              "decision",
                                              "delay_months"};
  Lever lever;
  lever.name = "hefboom " + std::to_string(n);
  bool has_start = false;
  // The tables of name = number per group, with their ranges.
  struct Numbers {
    const char* key;
    std::map<std::string, double>* out;
    double lo, hi;
  };
  const Numbers numbers[] = {{"duration_factor", &lever.duration_factor, 0, kMaxFactor},
                             {"volume_factor", &lever.volume_factor, 0, kMaxFactor},
                             {"reindication", &lever.reindication, 0, 1},
                             {"tariff_change", &lever.tariff_change, -0.99, kMaxFactor}};
  for (const auto& [k, v] : t) {
    const std::string key(k.str());
    const std::string key_path = KeyPath(path, key);
    if (!kKeys.count(key)) return UnknownKey(src, v, key_path, key, "");
    if (key == "nee_tenzij" || key == "team_budgets") {
      const auto* b = v.as_boolean();
      if (!b) return TomlError(src, &v, key_path, "verwacht true of false");
      (key == "nee_tenzij" ? lever.nee_tenzij : lever.team_budgets) = b->get();
    } else if (key == "review_above" || key == "review_refused" ||
               key == "delay_months") {
      const bool share = key == "review_refused";
      auto x = NumberInRange(src, v, key_path, 0,
                             share                   ? 1
                             : key == "delay_months" ? 120
                                                     : 1e9);
      if (!x.ok()) return x.status();
      if (key == "review_above") lever.review_above = *x;
      if (share) lever.review_refused = *x;
      if (key == "delay_months") {
        if (*x != static_cast<int>(*x))
          return TomlError(src, &v, key_path, "verwacht een geheel aantal maanden");
        lever.delay_months = static_cast<int>(*x);
      }
    } else if (key == "name" || key == "residential" || key == "outpatient" ||
               key == "start" || key == "measure" || key == "decision") {
      auto text = StringFromNode(src, v, key_path);
      if (!text.ok()) return text.status();
      if (key == "name") lever.name = *text;
      if (key == "residential") lever.residential = *text;
      if (key == "outpatient") lever.outpatient = *text;
      if (key == "measure") lever.measure = *text;
      if (key == "decision") {
        auto m = ParseMonth(*text);
        if (!m.ok()) return TomlError(src, &v, key_path, m.status().message());
        lever.decision_month = MonthIndex(*m);
      }
      if (key == "start") {
        auto m = ParseMonth(*text);
        if (!m.ok()) return TomlError(src, &v, key_path, m.status().message());
        lever.start_month = MonthIndex(*m);
        has_start = true;
      }
    } else if (key == "municipalities" || key == "products_removed") {
      auto list = StringList(src, v, key_path);
      if (!list.ok()) return list.status();
      (key == "municipalities" ? lever.municipalities : lever.products_removed) = *list;
    } else if (key == "inflow_factor") {
      auto by_name = NumberTable(src, v, key_path, 0, kMaxFactor);
      if (!by_name.ok()) return by_name.status();
      for (const auto& [route, f] : *by_name) {
        std::optional<Route> r = RouteFromName(route);
        if (!r) {
          return TomlError(src, v.as_table()->get(route), KeyPath(key_path, route),
                           "onbekende verwijzer '" + route + "'");
        }
        lever.inflow_factor[*r] = f;
      }
    } else if (key == "residential_to_outpatient") {
      auto x = NumberInRange(src, v, key_path, 0, 1);
      if (!x.ok()) return x.status();
      lever.residential_to_outpatient = *x;
    } else {
      for (const Numbers& g : numbers) {
        if (key != g.key) continue;
        auto table = NumberTable(src, v, key_path, g.lo, g.hi);
        if (!table.ok()) return table.status();
        *g.out = *table;
      }
    }
  }
  if (has_start && lever.decision_month) {
    return TomlError(src, &t, path,
                     "geef 'start' of 'decision' (met 'delay_months'), niet beide");
  }
  if (t.contains("delay_months") && !lever.decision_month) {
    return TomlError(src, t.get("delay_months"), KeyPath(path, "delay_months"),
                     "'delay_months' hoort bij een besluitmaand 'decision'");
  }
  if (lever.decision_month) {
    lever.start_month = *lever.decision_month + lever.delay_months;
    has_start = true;
  }
  if (!has_start) {
    return TomlError(src, &t, path,
                     "startmaand 'start' of besluitmaand 'decision' (JJJJ-MM) ontbreekt");
  }
  return lever;
}

Result<std::vector<Lever>> ReadLevers(const TomlSource& src, const toml::table& root) {
  std::vector<Lever> levers;
  for (const auto& [k, v] : root) {
    if (k.str() != "lever") {
      return UnknownKey(src, v, std::string(k.str()), k.str(), " (verwacht [[lever]])");
    }
  }
  auto tables = TableArray(src, root, "lever", "lever", false);
  if (!tables.ok()) return tables.status();
  for (size_t i = 0; i < tables->size(); ++i) {
    auto lever = ReadLever(src, *(*tables)[i], "lever[" + std::to_string(i + 1) + "]",
                           static_cast<int>(i + 1));
    if (!lever.ok()) return lever.status();
    levers.push_back(std::move(lever).value());
  }
  return levers;
}

}  // namespace

Result<std::vector<Lever>> ParseLevers(std::string_view text, const std::string& file) {
  const TomlSource src{file};
  auto root = ParseToml(text, src);
  if (!root.ok()) return root.status();
  return ReadLevers(src, *root);
}

Result<std::vector<Lever>> LoadLevers(const std::string& file) {
  const TomlSource src{file};
  auto root = ReadTomlFile(src, "hefboombestand");
  if (!root.ok()) return root.status();
  return ReadLevers(src, *root);
}

}  // namespace jr::forecast
