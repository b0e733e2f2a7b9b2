#include "forecast/synthetic_history.h"

#include <cmath>

#include "forecast/entity_key.h"

namespace jr::forecast {

namespace {

constexpr double kPi = 3.14159265358979323846;

// A duration >= 1 in months by inversion of u: geometric with the group's hazard, or
// 1 + the floor of a Weibull of its shape with mean 1 / hazard - 0.5 (so the mean is
// about 1 / hazard, as for the geometric).
int Duration(const SyntheticGroup& g, double u) {
  if (g.duration_shape == 1.0) {
    return 1 + static_cast<int>(std::floor(std::log(u) / std::log(1 - g.end_hazard)));
  }
  const double k = g.duration_shape;
  const double scale = (1 / g.end_hazard - 0.5) / std::tgamma(1 + 1 / k);
  return 1 + static_cast<int>(std::floor(scale * std::pow(-std::log(u), 1 / k)));
}

}  // namespace

History SyntheticHistory(const SyntheticSpec& spec) {
  History h;
  const int first = spec.first_year * 12;
  const int last = first + spec.months;  // exclusive
  for (int i = 0; i < spec.municipalities; ++i) {
    std::string code = "GM" + std::to_string(9001 + i);
    h.region.AddMunicipality({code, "Gemeente " + std::to_string(i + 1), "",
                              FirstOfMonth(FromMonthIndex(first - 120)), std::nullopt,
                              ""});
    for (int y = spec.first_year - 1; y <= spec.first_year + spec.months / 12 + 5; ++y) {
      h.region.SetKey(code, y, "jeugdigen", spec.young_people);
    }
  }
  const int64_t base_tariff = 10000;
  for (const SyntheticGroup& g : spec.groups) {
    h.products.push_back(
        {"45", g.name, g.name, Unit::kHour, g.name, CareClass::kCertain});
    for (int y = spec.first_year; y <= spec.first_year + spec.months / 12 + 5; ++y) {
      double index = std::pow(1 + spec.indexation, y - spec.first_year);
      h.tariffs.push_back(
          {"45", g.name, y, Money::FromCents(std::llround(base_tariff * index)), ""});
    }
  }
  EntityDraws rs(spec.seed, Stream::kForecastHistory);
  auto tariff = [&](int month) {
    return std::llround(base_tariff *
                        std::pow(1 + spec.indexation, month / 12 - spec.first_year));
  };
  for (size_t gi = 0; gi < spec.groups.size(); ++gi) {
    const SyntheticGroup& g = spec.groups[gi];
    for (int mu = 0; mu < spec.municipalities; ++mu) {
      for (int month = first; month < last; ++month) {
        double mean = g.inflow_per_month *
                      std::pow(spec.yearly_trend, (month - first) / 12.0) *
                      (1 + spec.season_amplitude * std::cos(2 * kPi * (month % 12) / 12));
        uint64_t cell = (uint64_t(gi) << 40) | (uint64_t(mu) << 32) | uint64_t(month);
        int n = PoissonFromUniform(mean, rs.Uniforms(0, {cell, 0}, 0)[0]);
        for (int k = 0; k < n; ++k) {
          EntityKey key{(cell << 12) | uint64_t(k), 0};
          std::string predecessor;
          int start = month;
          for (;;) {
            auto u = rs.Uniforms(1, key, 0);
            int duration = Duration(g, u[0]);
            int64_t cost =
                std::llround(g.cost_cents * (1 + g.cost_spread * (2 * u[1] - 1)));
            Assignment a;
            a.number = "T" + std::to_string(h.assignments.size() + 1);
            a.client = "C" + std::to_string(key.root);
            a.municipality = h.region.municipalities()[mu].code;
            a.agb = "12345678";
            a.category = "45";
            a.product_code = g.name;
            a.start = FirstOfMonth(FromMonthIndex(start));
            int end = start + duration;
            if (end <= last) a.end = FirstOfMonth(FromMonthIndex(end));
            a.route = Route::kMunicipality;
            a.predecessor = predecessor;
            int index = static_cast<int>(h.assignments.size());
            h.assignments.push_back(a);
            for (int m = start; m < std::min(end, last); ++m) {
              double price = static_cast<double>(tariff(m)) / base_tariff;
              int64_t cents = std::llround(cost * price);
              h.months.push_back({index, m, cents, cents * 100 / tariff(m)});
            }
            if (end >= last || u[2] >= g.reindication) break;
            predecessor = a.number;
            start = end;
            key.generation += 1;
          }
        }
      }
    }
  }
  return h;
}

}  // namespace jr::forecast
