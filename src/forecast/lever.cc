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
                                              "outpatient"};
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
    if (key == "name" || key == "residential" || key == "outpatient" || key == "start") {
      auto text = StringFromNode(src, v, key_path);
      if (!text.ok()) return text.status();
      if (key == "name") lever.name = *text;
      if (key == "residential") lever.residential = *text;
      if (key == "outpatient") lever.outpatient = *text;
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
  if (!has_start)
    return TomlError(src, &t, path, "startmaand 'start' (JJJJ-MM) ontbreekt");
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
