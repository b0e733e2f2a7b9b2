#include "demo/demo_providers.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "demo/demo_part.h"

namespace jr::demo {
namespace {

struct KindSpec {
  ProviderKind kind;
  int count;
  std::vector<const char*> prefixes;
};

const std::vector<KindSpec>& KindSpecs() {
  static const std::vector<KindSpec> specs = {
      {ProviderKind::kCertified, 3, {"Jeugdbescherming", "Stichting Jeugdreclassering"}},
      {ProviderKind::kResidential, 12, {"Jeugdzorginstelling", "Stichting Jeugdhulp"}},
      {ProviderKind::kFoster, 5, {"Pleegzorg", "Gezinshuizen"}},
      {ProviderKind::kMentalHealth,
       35,
       {"GGZ-praktijk", "Psychologenpraktijk", "Kinder-ggz"}},
      {ProviderKind::kOutpatient,
       95,
       {"Jeugdhulp", "Praktijk", "Kinderpraktijk", "Gezinscoaching", "Jeugdcoach"}},
      {ProviderKind::kDayCare, 12, {"Dagbehandeling", "Zorgboerderij"}},
      {ProviderKind::kCrisis, 2, {"Crisisopvang"}},
      {ProviderKind::kTransport, 6, {"Zorgvervoer", "Taxi"}},
      {ProviderKind::kNational, 2, {"Landelijk Centrum"}},
      {ProviderKind::kTailorMade, 8, {"Thuiszorg", "Maatwerk Jeugd"}},
  };
  return specs;
}

constexpr const char* kWords[] = {
    "De Linde",   "Het Anker",    "De Brug",    "Horizon",     "De Vliet",
    "Merwede",    "Oude Maas",    "De Kiem",    "Lichtpunt",   "De Waard",
    "Zonnebloem", "Kompas",       "Vlinder",    "De Haven",    "Rivierenland",
    "De Klimop",  "Het Kasteel",  "Polderhuis", "De Wilg",     "Noordpunt",
    "Dijkzicht",  "De Kreek",     "Het Baken",  "Groeikracht", "De Boomgaard",
    "Sterrenhof", "De Sluis",     "Het Veer",   "De Molen",    "Biesbosch",
    "Kinderdijk", "De Regenboog", "Het Nest",   "De Stroom",   "Zuidwind",
    "Het Erf",    "De Lindehof",  "Waterpoort", "De Vaart",    "Oostkade",
    "De Eik",     "Zeelucht"};
constexpr size_t kWordCount = sizeof(kWords) / sizeof(kWords[0]);

// Chance that a provider (other than the first of its kind) delivers a product.
double OfferChance(const DemoProduct& p) {
  if (p.code == "43A02") return .15;
  if (p.code == "45A06" || p.code == "45A09") return .15;
  if (p.code == "45A07") return .05;
  if (p.code == "45A08") return .10;
  if (p.code == "45A05" || p.code == "54003") return .4;
  if (p.code == "45A02") return .7;
  return .85;
}

// About lognormal(0, 0.9) from the sum of twelve uniforms.
double MarketSize(RandomSequence& rng) {
  double z = -6;
  for (int i = 0; i < 12; ++i) z += rng.Uniform();
  return std::exp(0.9 * z);
}

}  // namespace

bool DemoProvider::Offers(int product) const {
  return std::binary_search(products.begin(), products.end(), product);
}

std::vector<DemoProvider> MakeDemoProviders(uint64_t seed, int first_year,
                                            int last_year) {
  const auto& catalogue = DemoProducts();
  std::vector<DemoProvider> providers;
  std::set<std::string> names;
  for (const KindSpec& spec : KindSpecs()) {
    for (int k = 0; k < spec.count; ++k) {
      size_t i = providers.size();
      auto rng = DemoDraws(seed, Part::kRegion, 1000 + i);
      DemoProvider p;
      p.kind = spec.kind;
      // 73 + six digits: a permutation of the index, so codes are unique.
      p.agb = fmt::format("73{:06}", (i * 7919 + 1013) % 1000000);
      std::string name = fmt::format("{} {}", spec.prefixes[k % spec.prefixes.size()],
                                     kWords[(i * 17 + k) % kWordCount]);
      for (int n = 2; names.count(name) > 0; ++n) {
        name = fmt::format("{} {}", spec.prefixes[k % spec.prefixes.size()],
                           kWords[(i * 17 + k + n) % kWordCount]);
      }
      names.insert(name);
      p.name = std::move(name);
      p.size = MarketSize(rng) * (k == 0 ? 3.0 : 1.0);
      p.first_year = first_year;
      p.last_year = last_year;
      double u = rng.Uniform();
      if (k > 0 && u < 0.08) {
        p.first_year = static_cast<int>(rng.Int(std::min(first_year + 1, last_year),
                                                std::min(first_year + 7, last_year)));
      } else if (k > 0 && u < 0.15) {
        p.last_year = static_cast<int>(rng.Int(std::min(first_year + 2, last_year),
                                               std::min(first_year + 8, last_year)));
      }
      for (size_t j = 0; j < catalogue.size(); ++j) {
        const DemoProduct& product = catalogue[j];
        bool own_kind = product.provider == spec.kind;
        // Residential providers also deliver specialised outpatient care.
        bool extra = spec.kind == ProviderKind::kResidential && product.code == "45A02";
        if (!own_kind && !extra) continue;
        double chance = extra ? .5 : OfferChance(product);
        if ((k == 0 && own_kind) || rng.Chance(chance))
          p.products.push_back(static_cast<int>(j));
      }
      providers.push_back(std::move(p));
    }
  }
  return providers;
}

}  // namespace jr::demo
