// DemoProduct: the product catalogue of the demo region on the iJw categories, with
// everything the generator needs to assign and deliver it: tariff, frequency, the
// range of assigned volume and duration, the referral routes and the products a
// re-indication may switch to.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "care/codes.h"

namespace jr::demo {

// Which referral routes lead to a product (weights over jr::Route, in enum order:
// gemeente, huisarts, jeugdarts, gi, medisch_specialist, justitie, geen, onbekend).
using RouteMix = std::array<double, kRouteCount>;

// Which kind of provider delivers a product.
enum class ProviderKind {
  kCertified,
  kResidential,
  kFoster,
  kMentalHealth,
  kOutpatient,
  kDayCare,
  kCrisis,
  kTransport,
  kNational,
  kTailorMade
};
inline constexpr int kProviderKindCount = 10;

struct DemoProduct {
  std::string category;     // iJw category, "45"
  std::string code;         // product code, "45A01"
  std::string description;  // Dutch
  Unit unit = Unit::kHour;
  std::string bucket;  // cost bucket (kostenpost) and contract lot (perceel)
  CareClass care_class = CareClass::kCertain;
  int64_t tariff_cents = 0;  // tariff per unit in the first year (2015)
  bool indexed = true;       // false: the tariff never changes (unit euro)
  Frequency frequency = Frequency::kPerWeek;
  int64_t volume_min = 0;  // assigned volume per frequency period, hundredths
  int64_t volume_max = 0;
  int64_t volume_step = 100;   // assigned volumes are multiples of this
  int64_t declare_step = 100;  // declared volumes are multiples of this
  int months_min = 3;          // duration of one assignment, months
  int months_max = 9;
  int usage_min_pct = 100;  // share of the assigned volume delivered (per assignment)
  int usage_max_pct = 100;
  double weight = 0;  // share of new trajectories starting here (0 = never)
  RouteMix routes{};
  int age_min = 0;  // age at the start of care
  int age_max = 17;
  ProviderKind provider = ProviderKind::kOutpatient;
  std::string companion;  // product assigned alongside (e.g. transport); may be empty
  double companion_chance = 0;
  double same_chance = 0.8;  // a re-indication keeps the product; else one of `next`
  std::vector<std::string> next;
};

// The catalogue: 33 products on the categories 40-48, 50, 54, 55, with grey-area
// products (kindcoaching, paardencoaching, BSO+) and one `geen` product
// (huiswerkbegeleiding) that is never assigned.
const std::vector<DemoProduct>& DemoProducts();

// Index of a product by its code in DemoProducts(); -1 if unknown.
int DemoProductIndex(const std::string& code);

// Tariff of a product in `year` (first_year 2015): the 2015 tariff times the
// cumulative indexation (about 2-3% a year), rounded to the cent.
int64_t DemoTariffCents(const DemoProduct& product, int year);

// Cumulative price index of `year` relative to 2015 (also used for fixed costs).
double DemoPriceIndex(int year);

}  // namespace jr::demo
