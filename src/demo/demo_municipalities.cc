#include "demo/demo_municipalities.h"

#include <fmt/format.h>

#include <cmath>

namespace jr::demo {
namespace {

constexpr const char* kDrechtsteden = "Drechtsteden";
constexpr const char* kHoekscheWaard = "Hoeksche Waard";
constexpr const char* kAlblasserwaard = "Alblasserwaard/Gorinchem";

DemoMunicipality Make(const char* code, const char* name, const char* subregion,
                      double youth_share, double care_factor, double grant_factor,
                      std::vector<std::pair<int, int>> counts) {
  DemoMunicipality m;
  m.code = code;
  m.name = name;
  m.subregion = subregion;
  m.youth_share = youth_share;
  m.care_factor = care_factor;
  m.grant_factor = grant_factor;
  m.counts = std::move(counts);
  return m;
}

// A municipality that ended on 2018-12-31; `successor` empty if it left the region.
DemoMunicipality Predecessor(DemoMunicipality m, const char* successor,
                             bool placeholder) {
  m.last_year = 2018;
  m.successor = successor;
  m.placeholder = placeholder;
  return m;
}

std::vector<DemoMunicipality> BuildMunicipalities() {
  std::vector<DemoMunicipality> all = {
      Make("GM0482", "Alblasserdam", kDrechtsteden, 0.215, 1.05, 1.00,
           {{2019, 20069}, {2021, 20126}, {2022, 20087}}),
      Make("GM0505", "Dordrecht", kDrechtsteden, 0.216, 1.15, 1.12,
           {{2019, 118709}, {2020, 119284}, {2024, 122089}}),
      Make("GM0512", "Gorinchem", kAlblasserwaard, 0.220, 1.10, 1.06,
           {{2019, 36682}, {2021, 37416}, {2024, 38682}}),
      Make("GM0523", "Hardinxveld-Giessendam", kDrechtsteden, 0.235, 0.85, 0.92,
           {{2019, 18100}, {2021, 18410}, {2024, 18760}}),
      Make("GM0531", "Hendrik-Ido-Ambacht", kDrechtsteden, 0.230, 0.90, 0.93,
           {{2019, 30900}, {2021, 31258}, {2024, 32685}}),
      Make("GM1963", "Hoeksche Waard", kHoekscheWaard, 0.205, 0.92, 0.95,
           {{2019, 86565}, {2021, 88024}, {2022, 88724}}),
      Make("GM1978", "Molenlanden", kAlblasserwaard, 0.235, 0.82, 0.91,
           {{2019, 43858}, {2024, 45276}}),
      Make("GM0590", "Papendrecht", kDrechtsteden, 0.205, 1.00, 0.98,
           {{2019, 32230}, {2024, 32174}}),
      Make("GM0610", "Sliedrecht", kDrechtsteden, 0.215, 1.08, 1.00,
           {{2019, 25026}, {2021, 25589}, {2024, 26270}}),
      Make("GM0642", "Zwijndrecht", kDrechtsteden, 0.205, 1.05, 1.03,
           {{2019, 44600}, {2021, 44780}, {2024, 45000}}),
      // Merged into Hoeksche Waard on 2019-01-01.
      Predecessor(Make("GM0585", "Binnenmaas", kHoekscheWaard, 0.205, 0.95, 0.95,
                       {{2015, 28900}, {2018, 29300}}),
                  "GM1963", false),
      Predecessor(Make("GM0611", "Cromstrijen", kHoekscheWaard, 0.200, 0.90, 0.95,
                       {{2015, 12700}, {2018, 12850}}),
                  "GM1963", false),
      Predecessor(Make("GM9901", "Korendijk", kHoekscheWaard, 0.200, 0.85, 0.95,
                       {{2015, 10950}, {2018, 11100}}),
                  "GM1963", true),
      Predecessor(Make("GM9902", "Oud-Beijerland", kHoekscheWaard, 0.215, 0.95, 0.95,
                       {{2015, 24000}, {2018, 24400}}),
                  "GM1963", true),
      Predecessor(Make("GM9903", "Strijen", kHoekscheWaard, 0.200, 0.90, 0.95,
                       {{2015, 8850}, {2018, 8800}}),
                  "GM1963", true),
      // Merged into Molenlanden on 2019-01-01.
      Predecessor(Make("GM9904", "Giessenlanden", kAlblasserwaard, 0.235, 0.80, 0.91,
                       {{2015, 14450}, {2018, 14650}}),
                  "GM1978", true),
      Predecessor(Make("GM9905", "Molenwaard", kAlblasserwaard, 0.235, 0.82, 0.91,
                       {{2015, 29000}, {2018, 29300}}),
                  "GM1978", true),
      // Left the region on 2019-01-01 (to Vijfheerenlanden): no successor.
      Predecessor(Make("GM9906", "Leerdam", kAlblasserwaard, 0.220, 1.05, 1.02,
                       {{2015, 20800}, {2018, 21000}}),
                  "", true),
      Predecessor(Make("GM9907", "Zederik", kAlblasserwaard, 0.225, 0.85, 0.93,
                       {{2015, 13800}, {2018, 14000}}),
                  "", true),
  };
  for (auto& m : all) {
    if (m.code == "GM1963" || m.code == "GM1978") m.first_year = 2019;
  }
  return all;
}

std::vector<DemoTeam> BuildTeams() {
  struct Spec {
    const char* municipality;
    const char* place;
    std::vector<const char*> parts;  // empty: one team named after the place
  };
  const std::vector<Spec> specs = {
      {"GM0505", "Dordrecht", {"Noord", "Oost", "Zuid", "West", "Centrum"}},
      {"GM0642", "Zwijndrecht", {"Noord", "Zuid"}},
      {"GM0512", "Gorinchem", {"Oost", "West"}},
      {"GM0531", "Hendrik-Ido-Ambacht", {}},
      {"GM0590", "Papendrecht", {}},
      {"GM0610", "Sliedrecht", {}},
      {"GM0482", "Alblasserdam", {}},
      {"GM0523", "Hardinxveld-Giessendam", {}},
      {"GM1963", "Hoeksche Waard", {"Noord", "Oost", "West"}},
      {"GM1978", "Molenlanden", {"Alblasserwaard", "Vijfheerenlanden"}},
      {"GM0585", "Binnenmaas", {}},
      {"GM0611", "Cromstrijen", {}},
      {"GM9901", "Korendijk", {}},
      {"GM9902", "Oud-Beijerland", {}},
      {"GM9903", "Strijen", {}},
      {"GM9904", "Giessenlanden", {}},
      {"GM9905", "Molenwaard", {}},
      {"GM9906", "Leerdam", {}},
      {"GM9907", "Zederik", {}},
  };
  std::vector<DemoTeam> teams;
  auto add = [&](const char* municipality, std::string name) {
    teams.push_back({fmt::format("SJT{:02}", teams.size() + 1),
                     "Sociaal Jeugdteam " + name, municipality});
  };
  for (const auto& s : specs) {
    if (s.parts.empty()) add(s.municipality, s.place);
    for (const char* part : s.parts)
      add(s.municipality, std::string(s.place) + " " + part);
  }
  return teams;
}

}  // namespace

int DemoMunicipality::Inhabitants(int year) const {
  // Linear through the two known points around `year`; beyond them, the slope of
  // the nearest two.
  size_t hi = 1;
  while (hi + 1 < counts.size() && counts[hi].first < year) ++hi;
  if (counts.size() == 1) return counts[0].second;
  const auto& [y0, v0] = counts[hi - 1];
  const auto& [y1, v1] = counts[hi];
  double slope = static_cast<double>(v1 - v0) / (y1 - y0);
  return static_cast<int>(std::lround(v0 + slope * (year - y0)));
}

int DemoMunicipality::Youth(int year) const {
  return static_cast<int>(std::lround(Inhabitants(year) * youth_share));
}

const std::vector<DemoMunicipality>& DemoMunicipalities() {
  static const std::vector<DemoMunicipality> all = BuildMunicipalities();
  return all;
}

long long DemoRegionalGrant(int year) {
  // Million euro, 2015-2025: the cut of 2016-2017 and the extra money from 2019.
  static constexpr double kMillions[] = {103.5, 99.0,  96.5,  97.0,  100.5, 102.0,
                                         106.0, 108.0, 109.5, 110.0, 110.0};
  int i = year - 2015;
  if (i < 0) i = 0;
  if (i > 10) i = 10;
  return static_cast<long long>(kMillions[i] * 1e6);
}

const std::vector<DemoTeam>& DemoTeams() {
  static const std::vector<DemoTeam> all = BuildTeams();
  return all;
}

}  // namespace jr::demo
