#include "demo/demo_care.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/date.h"
#include "demo/demo_municipalities.h"
#include "demo/demo_part.h"
#include "demo/demo_products.h"

namespace jr::demo {
namespace {

constexpr double kDaysPerMonth = 30.44;
constexpr double kDaysPerYear = 365.25;

int Day(int year, unsigned month, unsigned day) {
  return DayNumber(std::chrono::year(year) / std::chrono::month(month) /
                   std::chrono::day(day));
}
int YearOf(int day) { return static_cast<int>(FromDayNumber(day).year()); }
int LastDayOfMonth(int day) {
  Date d = FromDayNumber(day);
  return DayNumber(d.year() / d.month() / std::chrono::last);
}

// New trajectories per year relative to CareModel::inflow: growth until 2019, a dip
// in 2020, then about level.
double Growth(int year) {
  static constexpr double kGrowth[] = {0.97, 1.00, 1.05, 1.09, 1.09, 1.00,
                                       1.02, 1.01, 1.00, 0.99, 0.98};
  return kGrowth[std::clamp(year - 2015, 0, 10)];
}

// The simulation of all trajectories; one instance per call of SimulateCare.
class Simulation {
 public:
  explicit Simulation(const CareInput& in)
      : in_(in),
        munis_(DemoMunicipalities()),
        teams_(DemoTeams()),
        products_(DemoProducts()),
        providers_(*in.providers),
        first_day_(Day(in.first_year, 1, 1)),
        last_day_(Day(in.last_year, 12, 31)) {
    product_weights_.reserve(products_.size());
    for (const auto& p : products_) product_weights_.push_back(p.weight);
    providers_of_.resize(products_.size());
    for (size_t i = 0; i < providers_.size(); ++i) {
      for (int p : providers_[i].products)
        providers_of_[p].push_back(static_cast<int>(i));
    }
  }

  DemoCare Run() {
    int64_t stock = std::llround(in_.scale * in_.model.stock);
    for (int64_t k = 0; k < stock; ++k) {
      auto rng = DemoDraws(in_.seed, Part::kStock, static_cast<uint64_t>(k));
      Trajectory(rng, first_day_, true,
                 (uint64_t{1} << 60) | (static_cast<uint64_t>(k) << 12));
    }
    for (int y = in_.first_year; y <= in_.last_year; ++y) {
      int64_t n = std::llround(in_.scale * in_.model.inflow * Growth(y));
      int from = Day(y, 1, 1), to = Day(y, 12, 31);
      for (int64_t k = 0; k < n; ++k) {
        uint64_t entity =
            (static_cast<uint64_t>(y - in_.first_year) << 32) | static_cast<uint64_t>(k);
        auto rng = DemoDraws(in_.seed, Part::kInflow, entity);
        int start = static_cast<int>(rng.Int(from, to));
        Trajectory(rng, start, false, (uint64_t{2} << 60) | (entity << 12));
      }
    }
    SortByStart();
    for (size_t c = 0; c < care_.clients.size(); ++c) {
      auto rng = DemoDraws(in_.seed, Part::kPseudonyms, c);
      uint64_t a = rng.Bits(), b = rng.Bits();
      care_.clients[c].pseudonym = fmt::format("P{:016X}{:04X}", a, b & 0xFFFF);
    }
    return std::move(care_);
  }

 private:
  // The state of a trajectory between its assignments.
  struct Step {
    int client = 0;
    int municipality = 0;
    int product = 0;
    int provider = 0;
    Route route = Route::kUnknown;
    int team = -1;
    int predecessor = -1;  // the previous assignment of the chain
    int companion = -1;    // the previous companion assignment, if it continues
    uint64_t key = 0;      // entity of the next assignment's random stream
  };

  void Trajectory(RandomSequence& rng, int start, bool in_stock, uint64_t key) {
    int year = YearOf(start);
    Step s;
    s.key = key;
    s.municipality = PickMunicipality(rng, year);
    s.product = static_cast<int>(rng.Pick(product_weights_));
    const DemoProduct& first = products_[s.product];
    double age = rng.Uniform(first.age_min, first.age_max + 1.0);
    int birth = start - static_cast<int>(age * kDaysPerYear);
    DemoClient client;
    Date b = FromDayNumber(birth);
    client.birth_month = MonthIndex(b.year() / b.month());
    client.residences.push_back({s.municipality, start});
    s.client = static_cast<int>(care_.clients.size());
    care_.clients.push_back(std::move(client));
    int adult = birth + static_cast<int>(18 * kDaysPerYear);

    s.route = static_cast<Route>(rng.Pick(first.routes));
    s.team = s.route == Route::kMunicipality ? PickTeam(rng, s.municipality, -1) : -1;
    s.provider = PickProvider(rng, s.product, year, -1);

    bool extension = false;
    for (int pos = 0;; ++pos) {
      const DemoProduct& p = products_[s.product];
      // An extension of the same product runs for the longer half of the range.
      int months_min = extension ? (p.months_min + p.months_max + 1) / 2 : p.months_min;
      int days = static_cast<int>(rng.Int(std::llround(months_min * kDaysPerMonth),
                                          std::llround(p.months_max * kDaysPerMonth)));
      if (in_stock && pos == 0) {
        // Already running on the first day: what is left of it.
        days = std::max(14, static_cast<int>(days * rng.Uniform(0.05, 1.0)));
      }
      int end = start + days - 1;
      if (rng.Chance(0.5)) end = LastDayOfMonth(end);
      int64_t volume = p.volume_step * rng.Int(p.volume_min / p.volume_step,
                                               p.volume_max / p.volume_step);
      int usage = static_cast<int>(rng.Int(p.usage_min_pct, p.usage_max_pct));
      bool with_companion =
          s.companion >= 0 || (!p.companion.empty() && rng.Chance(p.companion_chance));

      // A municipality that leaves the region or merges ends its assignments the day
      // before; the successor continues them.
      const DemoMunicipality& m = munis_[s.municipality];
      if (m.last_year != 0 && end > Day(m.last_year, 12, 31)) {
        int cut = Day(m.last_year, 12, 31);
        Emit(rng, s, start, cut, volume, usage, with_companion);
        if (m.successor.empty()) return;
        s.municipality = MunicipalityIndex(m.successor);
        care_.clients[s.client].residences.push_back({s.municipality, cut + 1});
        if (s.team >= 0) s.team = PickTeam(rng, s.municipality, -1);
        start = cut + 1;
      }
      Emit(rng, s, start, end, volume, usage, with_companion);
      if (end >= last_day_) return;
      if (!rng.Chance(in_.model.reindication_chance)) return;
      start = end + 1;
      if (start >= adult) return;
      year = YearOf(start);

      // The re-indication: mostly the same product, provider and team.
      int product = s.product;
      if (!rng.Chance(p.same_chance) && !p.next.empty()) {
        product =
            DemoProductIndex(p.next[rng.Int(0, static_cast<int64_t>(p.next.size()) - 1)]);
      }
      extension = product == s.product;
      if (!extension) s.companion = -1;
      s.product = product;
      if (!munis_[s.municipality].ActiveIn(year)) {
        const std::string& successor = munis_[s.municipality].successor;
        if (successor.empty()) return;
        s.municipality = MunicipalityIndex(successor);
        care_.clients[s.client].residences.push_back({s.municipality, start});
      } else if (rng.Chance(in_.model.move_chance)) {
        int to = PickMunicipality(rng, year);
        if (to != s.municipality) {
          s.municipality = to;
          care_.clients[s.client].residences.push_back({s.municipality, start});
        }
      }
      if (s.team >= 0) s.team = PickTeam(rng, s.municipality, s.team);
      bool stay = rng.Chance(in_.model.provider_loyalty);
      s.provider = PickProvider(rng, s.product, year, stay ? s.provider : -1);
    }
  }

  // Adds one assignment (and its companion, e.g. transport) from `start` to `end`.
  void Emit(RandomSequence& rng, Step& s, int start, int end, int64_t volume, int usage,
            bool with_companion) {
    DemoAssignment a;
    a.client = s.client;
    a.municipality = s.municipality;
    a.product = s.product;
    a.provider = s.provider;
    a.volume = volume;
    a.start = start;
    a.end = end;
    a.open = end > last_day_;
    a.route = s.route;
    a.team = s.team;
    a.predecessor = s.predecessor;
    a.usage_pct = usage;
    a.key = s.key++;
    s.predecessor = static_cast<int>(care_.assignments.size());
    care_.assignments.push_back(a);
    if (!with_companion) {
      s.companion = -1;
      return;
    }
    const DemoProduct& main = products_[s.product];
    int product = DemoProductIndex(main.companion);
    const DemoProduct& p = products_[product];
    DemoAssignment c = a;
    c.product = product;
    c.provider = s.companion >= 0 ? care_.assignments[s.companion].provider
                                  : PickProvider(rng, product, YearOf(start), -1);
    if (!providers_[c.provider].ActiveIn(YearOf(start))) {
      c.provider = PickProvider(rng, product, YearOf(start), -1);
    }
    c.volume = p.volume_step *
               rng.Int(p.volume_min / p.volume_step, p.volume_max / p.volume_step);
    c.usage_pct = static_cast<int>(rng.Int(p.usage_min_pct, p.usage_max_pct));
    c.predecessor = s.companion;
    c.key = s.key++;
    s.companion = static_cast<int>(care_.assignments.size());
    care_.assignments.push_back(c);
  }

  int PickMunicipality(RandomSequence& rng, int year) {
    std::vector<double> w(munis_.size(), 0.0);
    for (size_t i = 0; i < munis_.size(); ++i) {
      if (munis_[i].ActiveIn(year)) w[i] = munis_[i].Youth(year) * munis_[i].care_factor;
    }
    return static_cast<int>(rng.Pick(w));
  }

  int MunicipalityIndex(const std::string& code) const {
    for (size_t i = 0; i < munis_.size(); ++i) {
      if (munis_[i].code == code) return static_cast<int>(i);
    }
    return 0;
  }

  // A team of the municipality; `current` if it serves it.
  int PickTeam(RandomSequence& rng, int municipality, int current) {
    const std::string& code = munis_[municipality].code;
    if (current >= 0 && teams_[current].municipality == code) return current;
    std::vector<double> w(teams_.size(), 0.0);
    for (size_t i = 0; i < teams_.size(); ++i) {
      if (teams_[i].municipality == code) w[i] = 1.0;
    }
    return static_cast<int>(rng.Pick(w));
  }

  // A provider of the product contracted in `year`, by market size; `current` if it
  // delivers the product and is contracted.
  int PickProvider(RandomSequence& rng, int product, int year, int current) {
    if (current >= 0 && providers_[current].Offers(product) &&
        providers_[current].ActiveIn(year)) {
      return current;
    }
    const auto& candidates = providers_of_[product];
    std::vector<double> w(candidates.size(), 0.0);
    for (size_t i = 0; i < candidates.size(); ++i) {
      const DemoProvider& p = providers_[candidates[i]];
      if (p.ActiveIn(year)) w[i] = p.size;
    }
    return candidates[rng.Pick(w)];
  }

  // Orders assignments by start day (then as simulated) and renumbers predecessors.
  void SortByStart() {
    auto& all = care_.assignments;
    std::vector<int> order(all.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return all[a].start < all[b].start; });
    std::vector<int> position(all.size());
    for (size_t i = 0; i < order.size(); ++i) position[order[i]] = static_cast<int>(i);
    std::vector<DemoAssignment> sorted;
    sorted.reserve(all.size());
    for (int i : order) {
      DemoAssignment a = all[i];
      if (a.predecessor >= 0) a.predecessor = position[a.predecessor];
      sorted.push_back(a);
    }
    all = std::move(sorted);
  }

  const CareInput& in_;
  const std::vector<DemoMunicipality>& munis_;
  const std::vector<DemoTeam>& teams_;
  const std::vector<DemoProduct>& products_;
  const std::vector<DemoProvider>& providers_;
  int first_day_;
  int last_day_;
  std::vector<double> product_weights_;
  std::vector<std::vector<int>> providers_of_;  // per product: providers delivering it
  DemoCare care_;
};

}  // namespace

DemoCare SimulateCare(const CareInput& input) { return Simulation(input).Run(); }

}  // namespace jr::demo
