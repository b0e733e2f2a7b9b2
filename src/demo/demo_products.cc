#include "demo/demo_products.h"

#include <algorithm>
#include <cmath>

namespace jr::demo {
namespace {

// Referral routes per kind of care, roughly the CBS shares.
constexpr RouteMix kOutpatientRoutes = {.55, .28, .05, .03, .03, .01, .03, .02};
constexpr RouteMix kMentalHealthRoutes = {.18, .62, .03, .02, .10, .00, .03, .02};
constexpr RouteMix kSchoolRoutes = {.85, .08, .04, 0, 0, 0, .02, .01};
constexpr RouteMix kStayRoutes = {.45, .06, .02, .30, .07, .05, .02, .03};
constexpr RouteMix kFosterRoutes = {.40, .02, .01, .50, .02, .02, .01, .02};
constexpr RouteMix kDayRoutes = {.45, .20, .15, .02, .15, 0, .01, .02};
constexpr RouteMix kCrisisRoutes = {.40, .15, .03, .15, .15, .05, .05, .02};
constexpr RouteMix kProbationRoutes = {0, 0, 0, .18, 0, .80, 0, .02};
constexpr RouteMix kProtectionRoutes = {0, 0, 0, .33, 0, .65, 0, .02};
constexpr RouteMix kClosedRoutes = {.10, 0, 0, .55, 0, .35, 0, 0};

constexpr int64_t kHour = 100;  // one unit in hundredths

struct Row {
  const char* category;
  const char* code;
  const char* description;
  Unit unit;
  const char* bucket;
  CareClass care_class;
  double tariff_euro;
  Frequency frequency;
  double volume_min, volume_max, volume_step, declare_step;  // in units
  int months_min, months_max;
  int usage_min, usage_max;
  double weight;
  RouteMix routes;
  int age_min, age_max;
  ProviderKind provider;
};

constexpr auto kCertain = CareClass::kCertain;
constexpr auto kGrey = CareClass::kGrey;
constexpr auto kWeek = Frequency::kPerWeek;
constexpr auto kMonth = Frequency::kPerMonth;
constexpr auto kTotal = Frequency::kTotal;

// One product per row reads better than bin-packed fields.
// clang-format off
std::vector<DemoProduct> Build() {
  using PK = ProviderKind;
  const Row rows[] = {
      // Outpatient (45).
      {"45", "45A01", "Ambulante jeugdhulp basis", Unit::kHour, "ambulant", kCertain, 86.0,
       kWeek, .5, 2, .5, .25, 3, 9, 70, 100, 20, kOutpatientRoutes, 3, 17, PK::kOutpatient},
      {"45", "45A02", "Ambulante jeugdhulp specialistisch", Unit::kHour, "ambulant", kCertain,
       104.0, kWeek, .5, 2.5, .5, .25, 4, 12, 70, 100, 11, kOutpatientRoutes, 3, 17,
       PK::kOutpatient},
      {"45", "45A03", "Ambulante behandeling in minuten", Unit::kMinute, "ambulant",
       kCertain, 1.45, kMonth, 120, 360, 60, 5, 3, 12, 70, 100, 6, kOutpatientRoutes, 3, 17,
       PK::kMentalHealth},
      {"45", "45A04", "Intensieve ambulante gezinsbehandeling", Unit::kHour, "ambulant",
       kCertain, 100.0, kWeek, 1.5, 3, .5, .25, 4, 9, 75, 100, 5, kOutpatientRoutes, 0, 17,
       PK::kResidential},
      {"45", "45A05", "Ambulante begeleiding LVB", Unit::kHour, "ambulant", kCertain, 78.0,
       kWeek, 1, 3, .5, .25, 6, 18, 70, 100, 5, kOutpatientRoutes, 4, 17,
       PK::kOutpatient},
      {"45", "45A06", "Kindcoaching", Unit::kHour, "ambulant", kGrey, 69.0, kWeek, 1, 1.5,
       .5, .25, 3, 6, 70, 100, 2, kSchoolRoutes, 4, 14, PK::kOutpatient},
      {"45", "45A07", "Paardencoaching", Unit::kHour, "ambulant", kGrey, 74.0, kWeek, 1, 1.5,
       .5, .25, 3, 6, 70, 100, 1, kOutpatientRoutes, 6, 17, PK::kOutpatient},
      {"45", "45A08", "Huiswerkbegeleiding", Unit::kHour, "ambulant", CareClass::kNot, 42.0,
       kWeek, 1, 2, .5, .25, 3, 6, 70, 100, 0, kSchoolRoutes, 6, 17, PK::kOutpatient},
      {"45", "45A09", "Dyslexiezorg (EED)", Unit::kMinute, "ambulant", kCertain, 1.30, kTotal,
       2400, 3600, 300, 5, 12, 18, 85, 100, 4, kSchoolRoutes, 7, 12, PK::kMentalHealth},
      // Youth mental health (54).
      {"54", "54001", "Generalistische basis-ggz", Unit::kMinute, "ggz", kCertain, 1.35,
       kTotal, 300, 720, 30, 5, 4, 9, 80, 100, 8, kMentalHealthRoutes, 6, 17,
       PK::kMentalHealth},
      {"54", "54002", "Specialistische ggz", Unit::kMinute, "ggz", kCertain, 1.60, kMonth,
       120, 480, 60, 5, 6, 15, 70, 100, 9, kMentalHealthRoutes, 4, 17, PK::kMentalHealth},
      {"54", "54003", "Specialistische ggz intensief", Unit::kMinute, "ggz", kCertain, 1.78,
       kMonth, 360, 900, 60, 5, 9, 18, 75, 100, 1.5, kMentalHealthRoutes, 8, 17,
       PK::kMentalHealth},
      {"54", "54004", "Diagnostiek jeugd-ggz", Unit::kHour, "ggz", kCertain, 118.0, kTotal, 6,
       12, 1, .25, 1, 3, 85, 100, 3, kMentalHealthRoutes, 4, 17, PK::kMentalHealth},
      // Day treatment (41).
      {"41", "41A01", "Dagbehandeling jeugd", Unit::kDayPart, "dagbehandeling", kCertain, 68.0,
       kWeek, 2, 6, 1, 1, 6, 14, 75, 100, 2.5, kDayRoutes, 4, 17, PK::kDayCare},
      {"41", "41A02", "Dagbehandeling jonge kind", Unit::kDayPart, "dagbehandeling", kCertain,
       89.0, kWeek, 3, 8, 1, 1, 6, 18, 75, 100, 1, kDayRoutes, 2, 6, PK::kDayCare},
      {"41", "41A03", "BSO+", Unit::kDayPart, "dagbehandeling", kGrey, 46.0, kWeek, 2, 4, 1, 1,
       6, 12, 70, 100, 1.5, kSchoolRoutes, 4, 12, PK::kDayCare},
      // Stay including treatment (43).
      {"43", "43A01", "Verblijf met behandeling", Unit::kDay, "verblijf", kCertain, 240.0,
       kWeek, 7, 7, 1, 1, 9, 24, 100, 100, .45, kStayRoutes, 8, 17, PK::kResidential},
      {"43", "43A02", "Gesloten jeugdzorg (JeugdzorgPlus)", Unit::kDay, "verblijf", kCertain,
       355.0, kWeek, 7, 7, 1, 1, 9, 18, 100, 100, .35, kClosedRoutes, 12, 17,
       PK::kResidential},
      {"43", "43A03", "Gezinshuis met behandeling", Unit::kDay, "verblijf", kCertain, 168.0,
       kWeek, 7, 7, 1, 1, 12, 36, 100, 100, .25, kFosterRoutes, 4, 17, PK::kFoster},
      // Stay excluding treatment (44).
      {"44", "44A01", "Pleegzorg", Unit::kDay, "verblijf", kCertain, 56.0, kWeek, 7, 7, 1, 1,
       12, 48, 100, 100, 1.6, kFosterRoutes, 0, 17, PK::kFoster},
      {"44", "44A02", "Gezinshuis", Unit::kDay, "verblijf", kCertain, 152.0, kWeek, 7, 7, 1,
       1, 12, 36, 100, 100, .3, kFosterRoutes, 4, 17, PK::kFoster},
      {"44", "44A03", "Logeeropvang", Unit::kDay, "verblijf", kCertain, 142.0, kMonth, 2, 6, 1,
       1, 12, 24, 60, 100, 1.0, kOutpatientRoutes, 4, 17, PK::kResidential},
      {"44", "44A04", "Kamertraining", Unit::kDay, "verblijf", kCertain, 138.0, kWeek, 7, 7, 1,
       1, 6, 12, 100, 100, .35, kStayRoutes, 16, 17, PK::kResidential},
      // Crisis (46).
      {"46", "46A01", "Crisisopvang", Unit::kDay, "crisis", kCertain, 305.0, kWeek, 7, 7, 1, 1,
       1, 3, 100, 100, 1.0, kCrisisRoutes, 4, 17, PK::kCrisis},
      {"46", "46A02", "Ambulante crisisinterventie", Unit::kHour, "crisis", kCertain, 115.0,
       kWeek, 3, 6, .5, .25, 1, 2, 80, 100, 1.0, kCrisisRoutes, 0, 17, PK::kCrisis},
      // Youth probation (47) and child protection (48): one measure per month.
      {"47", "47A01", "Jeugdreclassering", Unit::kPieceOutput, "jeugdreclassering", kCertain,
       1050.0, kMonth, 1, 1, 1, .01, 9, 12, 100, 100, 1.3, kProbationRoutes, 12, 17,
       PK::kCertified},
      {"48", "48A01", "Ondertoezichtstelling", Unit::kPieceOutput, "jeugdbescherming",
       kCertain, 1280.0, kMonth, 1, 1, 1, .01, 12, 12, 100, 100, 2.8, kProtectionRoutes, 0,
       16, PK::kCertified},
      {"48", "48A02", "Voogdij", Unit::kPieceOutput, "jeugdbescherming", kCertain, 970.0,
       kMonth, 1, 1, 1, .01, 24, 48, 100, 100, .3, kProtectionRoutes, 0, 15,
       PK::kCertified},
      // Personal care (40), transport (42), tailor-made (50), national (55).
      {"40", "40A01", "Persoonlijke verzorging", Unit::kHour, "overig", kCertain, 52.0, kWeek,
       2, 6, 1, .25, 12, 24, 70, 100, 1.0, kOutpatientRoutes, 0, 17, PK::kTailorMade},
      {"42", "42A01", "Vervoer naar dagbehandeling", Unit::kPieceEffort, "overig", kCertain,
       26.0, kWeek, 6, 10, 2, 1, 6, 14, 80, 100, 0, kDayRoutes, 2, 17, PK::kTransport},
      {"50", "50A01", "Maatwerkarrangement", Unit::kEuro, "overig", kCertain, 1.0, kTotal,
       3000, 15000, 500, .01, 3, 12, 90, 100, .8, kOutpatientRoutes, 0, 17,
       PK::kTailorMade},
      {"55", "55A01", "Landelijk ingekochte zorg", Unit::kHour, "overig", kCertain, 125.0,
       kWeek, 2, 4, .5, .25, 6, 12, 80, 100, .2, kMentalHealthRoutes, 4, 17,
       PK::kNational},
  };
  std::vector<DemoProduct> products;
  for (const Row& r : rows) {
    DemoProduct p;
    p.category = r.category;
    p.code = r.code;
    p.description = r.description;
    p.unit = r.unit;
    p.bucket = r.bucket;
    p.care_class = r.care_class;
    p.tariff_cents = std::llround(r.tariff_euro * 100);
    p.indexed = r.unit != Unit::kEuro;
    p.frequency = r.frequency;
    p.volume_min = std::llround(r.volume_min * kHour);
    p.volume_max = std::llround(r.volume_max * kHour);
    p.volume_step = std::llround(r.volume_step * kHour);
    p.declare_step = std::llround(r.declare_step * kHour);
    p.months_min = r.months_min;
    p.months_max = r.months_max;
    p.usage_min_pct = r.usage_min;
    p.usage_max_pct = r.usage_max;
    p.weight = r.weight;
    p.routes = r.routes;
    p.age_min = r.age_min;
    p.age_max = r.age_max;
    p.provider = r.provider;
    products.push_back(std::move(p));
  }
  // Where care goes after an assignment that is not simply extended.
  auto set = [&](const char* code, double same, std::vector<std::string> next) {
    for (auto& q : products) {
      if (q.code == code) {
        q.same_chance = same;
        q.next = std::move(next);
      }
    }
  };
  set("45A01", .8, {"45A02", "54002", "45A05"});
  set("45A02", .8, {"45A04", "54002", "45A01"});
  set("45A03", .8, {"45A01", "54002"});
  set("45A04", .7, {"45A02", "44A03", "45A05"});
  set("45A05", .85, {"44A03", "41A01"});
  set("45A06", .6, {"45A01"});
  set("45A07", .6, {"45A01"});
  set("45A09", .7, {"45A01"});
  set("54001", .5, {"54002", "45A03"});
  set("54002", .8, {"54003", "54001", "45A02"});
  set("54003", .75, {"54002", "45A02"});
  set("54004", .1, {"54002", "54001", "45A02"});
  set("41A01", .8, {"45A02", "41A03"});
  set("41A02", .8, {"41A01", "45A04"});
  set("41A03", .85, {"45A01"});
  set("43A01", .75, {"44A01", "44A04", "43A03", "45A04"});
  set("43A02", .5, {"43A01", "43A03"});
  set("43A03", .85, {"44A02", "44A01"});
  set("44A01", .9, {"44A02", "43A03"});
  set("44A02", .9, {"44A01"});
  set("44A03", .85, {"45A05"});
  set("44A04", .8, {"45A01"});
  set("46A01", .05, {"43A01", "44A01", "45A04", "43A02"});
  set("46A02", .05, {"45A04", "45A02", "46A01"});
  set("47A01", .8, {"45A02"});
  set("48A01", .85, {"48A02", "44A01"});
  set("48A02", .95, {"44A01"});
  set("40A01", .9, {"45A05"});
  set("50A01", .7, {"45A01"});
  set("55A01", .8, {"54003"});
  for (auto& p : products) {
    if (p.code == "41A01" || p.code == "41A02") {
      p.companion = "42A01";
      p.companion_chance = .5;
    }
  }
  return products;
}
// clang-format on

}  // namespace

const std::vector<DemoProduct>& DemoProducts() {
  static const std::vector<DemoProduct> all = Build();
  return all;
}

int DemoProductIndex(const std::string& code) {
  const auto& all = DemoProducts();
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].code == code) return static_cast<int>(i);
  }
  return -1;
}

double DemoPriceIndex(int year) {
  // Indexation per year from 2016 on, percent.
  static constexpr double kPercent[] = {1.3, 1.6, 2.2, 2.8, 3.1, 2.4, 3.2, 3.0, 2.9, 2.6};
  double index = 1.0;
  for (int y = 2016; y <= year; ++y)
    index *= 1.0 + kPercent[std::min(y - 2016, 9)] / 100.0;
  return index;
}

int64_t DemoTariffCents(const DemoProduct& product, int year) {
  if (!product.indexed) return product.tariff_cents;
  return std::llround(static_cast<double>(product.tariff_cents) * DemoPriceIndex(year));
}

}  // namespace jr::demo
