#include "forecast/lever.h"

#include <toml++/toml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "core/date.h"

namespace jr::forecast {
namespace {

Location Where(const std::string& file, const toml::node& node, const std::string& path) {
  const auto& src = node.source();
  return {file, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column), path};
}

// Reads a table of name -> number into `out`, checking each value is in [lo, hi].
Status ReadNumbers(const toml::node& node, const std::string& file, const std::string& path,
                   double lo, double hi, std::map<std::string, double>& out) {
  const toml::table* t = node.as_table();
  if (!t) return Status::Error("verwacht een tabel { naam = getal }", Where(file, node, path));
  for (const auto& [k, v] : *t) {
    std::string key_path = path + "." + std::string(k.str());
    std::optional<double> x = v.value<double>();
    if (!x) return Status::Error("verwacht een getal", Where(file, v, key_path));
    if (*x < lo || *x > hi) {
      return Status::Error("waarde " + std::to_string(*x) + " buiten het bereik " +
                               std::to_string(lo) + " .. " + std::to_string(hi),
                           Where(file, v, key_path));
    }
    out[std::string(k.str())] = *x;
  }
  return Status::Ok();
}

Status ReadStrings(const toml::node& node, const std::string& file, const std::string& path,
                   std::vector<std::string>& out) {
  const toml::array* a = node.as_array();
  if (!a) return Status::Error("verwacht een lijst van teksten", Where(file, node, path));
  for (const auto& v : *a) {
    std::optional<std::string> s = v.value<std::string>();
    if (!s) return Status::Error("verwacht een tekst", Where(file, v, path));
    out.push_back(*s);
  }
  return Status::Ok();
}

Result<Lever> ReadLever(const toml::table& t, const std::string& file, const std::string& path,
                        int n) {
  static const std::set<std::string> kKeys = {
      "name", "start", "municipalities", "inflow_factor", "duration_factor", "volume_factor",
      "reindication", "tariff_change", "products_removed", "residential_to_outpatient",
      "residential", "outpatient"};
  Lever lever;
  lever.name = "hefboom " + std::to_string(n);
  bool has_start = false;
  constexpr double kMaxFactor = 100;
  for (const auto& [k, v] : t) {
    std::string key(k.str());
    std::string key_path = path + "." + key;
    if (!kKeys.count(key)) return Status::Error("onbekende sleutel '" + key + "'", Where(file, v, key_path));
    Status s;
    if (key == "name" || key == "residential" || key == "outpatient" || key == "start") {
      std::optional<std::string> text = v.value<std::string>();
      if (!text) return Status::Error("verwacht een tekst", Where(file, v, key_path));
      if (key == "name") lever.name = *text;
      if (key == "residential") lever.residential = *text;
      if (key == "outpatient") lever.outpatient = *text;
      if (key == "start") {
        auto m = ParseMonth(*text);
        if (!m.ok()) return Status::Error(m.status().message(), Where(file, v, key_path));
        lever.start_month = MonthIndex(*m);
        has_start = true;
      }
    } else if (key == "municipalities") {
      s = ReadStrings(v, file, key_path, lever.municipalities);
    } else if (key == "products_removed") {
      s = ReadStrings(v, file, key_path, lever.products_removed);
    } else if (key == "inflow_factor") {
      std::map<std::string, double> by_name;
      s = ReadNumbers(v, file, key_path, 0, kMaxFactor, by_name);
      for (const auto& [route, f] : by_name) {
        std::optional<Route> r = RouteFromName(route);
        if (!r) {
          return Status::Error("onbekende verwijzer '" + route + "'",
                               Where(file, v, key_path + "." + route));
        }
        lever.inflow_factor[*r] = f;
      }
    } else if (key == "duration_factor") {
      s = ReadNumbers(v, file, key_path, 0, kMaxFactor, lever.duration_factor);
    } else if (key == "volume_factor") {
      s = ReadNumbers(v, file, key_path, 0, kMaxFactor, lever.volume_factor);
    } else if (key == "reindication") {
      s = ReadNumbers(v, file, key_path, 0, 1, lever.reindication);
    } else if (key == "tariff_change") {
      s = ReadNumbers(v, file, key_path, -0.99, kMaxFactor, lever.tariff_change);
    } else if (key == "residential_to_outpatient") {
      std::optional<double> x = v.value<double>();
      if (!x || *x < 0 || *x > 1) {
        return Status::Error("verwacht een aandeel tussen 0 en 1", Where(file, v, key_path));
      }
      lever.residential_to_outpatient = *x;
    }
    if (!s.ok()) return s;
  }
  if (!has_start) {
    return Status::Error("startmaand 'start' (JJJJ-MM) ontbreekt", Where(file, t, path));
  }
  return lever;
}

}  // namespace

Result<std::vector<Lever>> ParseLevers(std::string_view text, const std::string& file) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    return Status::Error("TOML-fout: " + std::string(e.description()),
                         {file, static_cast<int>(e.source().begin.line),
                          static_cast<int>(e.source().begin.column), ""});
  }
  std::vector<Lever> levers;
  for (const auto& [k, v] : root) {
    if (k.str() != "lever") {
      return Status::Error("onbekende sleutel '" + std::string(k.str()) + "' (verwacht [[lever]])",
                           Where(file, v, std::string(k.str())));
    }
    const toml::array* a = v.as_array();
    if (!a) return Status::Error("verwacht [[lever]]-tabellen", Where(file, v, "lever"));
    for (size_t i = 0; i < a->size(); ++i) {
      std::string path = "lever[" + std::to_string(i + 1) + "]";
      const toml::table* t = (*a)[i].as_table();
      if (!t) return Status::Error("verwacht een tabel", Where(file, (*a)[i], path));
      auto lever = ReadLever(*t, file, path, static_cast<int>(i + 1));
      if (!lever.ok()) return lever.status();
      levers.push_back(std::move(lever).value());
    }
  }
  return levers;
}

Result<std::vector<Lever>> LoadLevers(const std::string& file) {
  std::ifstream in(file);
  if (!in) return Status::Error("hefboombestand kan niet worden gelezen", {file});
  std::stringstream text;
  text << in.rdbuf();
  return ParseLevers(text.str(), file);
}

}  // namespace jr::forecast
