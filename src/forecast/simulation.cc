#include "forecast/simulation.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <optional>
#include <thread>

#include "forecast/capacity.h"
#include "forecast/entity_key.h"

namespace jr::forecast {
namespace {

// Entity roots: running assignment i is i; the rest carry a tag in the top bits.
constexpr uint64_t kInflowEntity = 1ull << 63;  // | month << 40 | cell << 20 | rank
constexpr uint64_t kInflowCount = 1ull << 62;   // | month << 20 | cell
constexpr uint64_t kCellLevel = 1ull << 61;     // | cell
constexpr uint64_t kGroupTrend = 1ull << 60;    // | group: u[0] trend, u[1] duration,
                                                // u[2] re-indication
constexpr uint64_t kIndexation = 1ull << 59;    // | years after the base year
constexpr uint64_t kMonthNoise = 1ull << 58;    // | municipality << 20 | month
constexpr uint64_t kEndedClient = 1ull << 57;   // | index into ended_clients
// The population's draws (population.h): a new assignment's start age is u[2] of its
// draw 1, a move at a re-indication recycles the re-indication's uniform, and when
// care ends draw kReturnDraw gives u[0] the return month, u[1] the return group and
// u[2] the product.
constexpr uint32_t kReturnDraw = 7;

// An assignment to simulate: where it starts and what is known of it.
struct Entity {
  EntityKey key;
  int start = 0;  // month relative to the first forecast month (< 0: running)
  int age = -1;   // months already active at the cut-off; -1 = new
  int muni = 0;
  int group = 0;
  int product = 0;
  double base_cost = -1;     // cents per month at base-year prices; < 0 = draw
  int birth = kNoBirth;      // MonthIndex of the client's birth month
  int provider = -1;         // Capacity::providers; -1 = unknown (capacity.h)
  int team = -1;             // Capacity::teams; -1 = none
  bool starts_care = false;  // new care (inflow, return): its first month is partial
};

// Draw number of an entity's capacity uniforms: [0] provider and team, [1] whether
// the care can wait, [2] the review committee (capacity.h).
constexpr uint32_t kCapacityDraw = 3;

int PickIndex(const std::vector<double>& shares, double u) {
  double acc = 0;
  for (size_t i = 0; i < shares.size(); ++i) {
    acc += shares[i];
    if (u < acc) return static_cast<int>(i);
  }
  return static_cast<int>(shares.size()) - 1;
}

// Tables shared by all replications.
struct Shared {
  std::vector<double> cost_factor;  // [muni][group][month]: tariff index, season, levers
  std::vector<double> young;  // [muni][month]: young people relative to the level year
};

class Replication {
 public:
  Replication(const Calibration& c, const LeverPlan& plan, const SimulationOptions& o,
              const Shared& shared, SimulationResult& r, int run)
      : c_(c),
        plan_(plan),
        o_(o),
        shared_(shared),
        r_(r),
        run_(run),
        rs_(o.seed, Stream::kForecast),
        slice_(r.Index(run, 0, 0, 0)) {
    if (c.capacity && !c.capacity->empty()) {
      cap_.emplace(*c.capacity, c, o.months, r.capacity, run);
      // One queue per worker thread, reused by its replications (no allocation per
      // replication once it has grown).
      thread_local std::vector<std::vector<Entity>> queue;
      if (queue.size() < static_cast<size_t>(o.months)) queue.resize(o.months);
      for (std::vector<Entity>& q : queue) q.clear();
      pending_ = &queue;
    }
  }

  void Run() {
    DrawPrices();
    DrawGroups();
    for (size_t i = 0; i < c_.running.size(); ++i) {
      const RunningAssignment& a = c_.running[i];
      Entity e{{i, 0},  -a.age_months, a.age_months,   a.municipality,
               a.group, a.product,     a.monthly_cost, a.birth};
      if (cap_) {
        e.provider = c_.capacity->running[i].provider;
        e.team = c_.capacity->running[i].team;
      }
      if (!a.ended) {
        Process(e);
      } else if (auto next = Next(e, 0, rs_.Uniforms(run_, e.key, 0))) {
        Schedule(*next);
      }
    }
    for (size_t i = 0; i < c_.ended_clients.size(); ++i) {
      const EndedClient& ec = c_.ended_clients[i];
      Entity e{{kEndedClient | i, 0}, 0, -1, ec.municipality, ec.group, 0, -1, ec.birth};
      if (auto back = Return(e, ec.since, 0)) Schedule(*back);
    }
    const int cells = static_cast<int>(c_.inflow.size());
    std::vector<double> level(cells, 1.0);
    if (o_.parameter_uncertainty) {
      for (int k = 0; k < cells; ++k) {
        double se = c_.inflow[k].level_se;
        double z =
            NormalQuantile(rs_.Uniforms(run_, {kCellLevel | uint64_t(k), 0}, 0)[0]);
        level[k] = std::exp(se * z - se * se / 2);
      }
    }
    std::vector<double> group_factor(c_.groups.size());
    for (int m = 0; m < o_.months; ++m) {
      if (cap_) {
        // Who starts this month is admitted on the costs of the months before it.
        cap_->BeginMonth(m);
        // Processing pushes only to later months: index, as pending_[m] stays put.
        std::vector<Entity>& starting = (*pending_)[m];
        for (size_t i = 0; i < starting.size(); ++i) Process(starting[i]);
        starting.clear();
      }
      const int month = c_.start_month + m;
      const double years = (month - c_.level_month) / 12.0;
      for (size_t g = 0; g < c_.groups.size(); ++g) {
        group_factor[g] =
            std::pow(trend_[g], years) * c_.groups[g].inflow_season[month % 12];
      }
      for (int k = 0; k < cells; ++k) {
        const InflowCell& cell = c_.inflow[k];
        double mean = cell.level * level[k] * group_factor[cell.group] *
                      shared_.young[cell.municipality * o_.months + m] *
                      plan_.Inflow(m, cell.municipality, cell.route);
        uint64_t cell_id = (uint64_t(m) << 20) | uint64_t(k);
        auto u = rs_.Uniforms(run_, {kInflowCount | cell_id, 0}, 0);
        const double dispersion = c_.groups[cell.group].inflow_dispersion;
        if (dispersion > 1 && mean > 0) {
          mean *= GammaMeanOneFromUniform(mean / (dispersion - 1), u[1]);
        }
        int n = PoissonFromUniform(mean, u[0]);
        for (int i = 0; i < n; ++i) StartNew(m, k, i);
      }
    }
    if (cap_) cap_->Finish();
    AddMonthNoise();
  }

 private:
  // This replication's tariff factor per month relative to the expected indexation:
  // each year after the base year draws its indexation from N(indexation, sd^2).
  void DrawPrices() {
    price_.assign(o_.months, 1.0);
    if (!o_.parameter_uncertainty || c_.indexation_sd <= 0) return;
    double factor = 1.0;
    int year = c_.base_year;
    for (int m = 0; m < o_.months; ++m) {
      const int y = (c_.start_month + m) / 12;
      for (; year < y; ++year) {
        uint64_t k = static_cast<uint64_t>(year + 1 - c_.base_year);
        double z = NormalQuantile(rs_.Uniforms(run_, {kIndexation | k, 0}, 0)[0]);
        factor *= (1 + c_.indexation + c_.indexation_sd * z) / (1 + c_.indexation);
      }
      price_[m] = factor;
    }
  }

  // This replication's group parameters: with parameter uncertainty each group draws
  // its inflow trend (log-normal with the calibrated standard error), a duration
  // factor (log-normal, relative standard error 1 / sqrt(ended assignments), that of
  // a mean duration) and its re-indication probability (normal with the binomial
  // standard error, within [0, 1]).
  void DrawGroups() {
    const size_t n = c_.groups.size();
    trend_.resize(n);
    duration_.assign(n, 1.0);
    reindication_.resize(n);
    for (size_t g = 0; g < n; ++g) {
      const GroupParams& gp = c_.groups[g];
      trend_[g] = gp.trend;
      reindication_[g] = gp.reindication;
      if (!o_.parameter_uncertainty) continue;
      auto u = rs_.Uniforms(run_, {kGroupTrend | g, 0}, 0);
      const double se = gp.trend_se;
      trend_[g] *= std::exp(se * NormalQuantile(u[0]) - se * se / 2);
      if (gp.duration_events > 0) {
        const double d = 1 / std::sqrt(static_cast<double>(gp.duration_events));
        duration_[g] = std::exp(d * NormalQuantile(u[1]) - d * d / 2);
      }
      if (gp.reindication_n > 0) {
        const double p = gp.reindication;
        const double sd = std::sqrt(p * (1 - p) / gp.reindication_n);
        reindication_[g] = std::clamp(p + sd * NormalQuantile(u[2]), 0.0, 1.0);
      }
    }
  }

  // The declarations' month-to-month spread (Calibration::month_noise): each
  // municipality-month's cost times a log-normal factor of mean 1 (with parameter
  // uncertainty only, as the other draws of the band).
  void AddMonthNoise() {
    if (!o_.parameter_uncertainty || c_.month_noise.empty()) return;
    const int groups = r_.groups;
    for (int mu = 0; mu < r_.municipalities; ++mu) {
      const double s = c_.month_noise[mu];
      if (s <= 0) continue;
      for (int m = 0; m < o_.months; ++m) {
        uint64_t id = (uint64_t(mu) << 20) | uint64_t(m);
        double z = NormalQuantile(rs_.Uniforms(run_, {kMonthNoise | id, 0}, 0)[0]);
        const double f = std::exp(s * z - s * s / 2);
        double* cost = &r_.cost[r_.Index(run_, m, mu, 0)];
        for (int g = 0; g < groups; ++g) cost[g] *= f;
      }
    }
  }

  // A new assignment of inflow cell k in month m, rank i.
  void StartNew(int m, int k, int i) {
    const InflowCell& cell = c_.inflow[k];
    EntityKey key{kInflowEntity | (uint64_t(m) << 40) | (uint64_t(k) << 20) | uint64_t(i),
                  0};
    auto v = rs_.Uniforms(run_, key, 1);
    int group = cell.group;
    if (group == plan_.residential_group() &&
        v[1] < plan_.ResidentialShift(m, cell.municipality)) {
      group = plan_.outpatient_group();
    }
    const GroupParams& g = c_.groups[group];
    if (g.products.empty()) return;
    int product = g.products[PickIndex(g.product_share, v[0])];
    if (plan_.Removed(m, cell.municipality, product)) return;
    int birth = kNoBirth;
    if (const auto& ages = c_.products[product].start_age; !ages.empty()) {
      const double u = v[2];  // v[3] is free
      birth = c_.start_month + m -
              static_cast<int>(
                  ages[std::min(ages.size() - 1, static_cast<size_t>(u * ages.size()))]);
    }
    Entity e{key, m, -1, cell.municipality, group, product, -1, birth};
    e.starts_care = true;
    PickCapacity(&e);
    Process(e);
  }

  // With capacity, a new assignment without a provider and team (an inflow, a return)
  // draws both from the mix of its municipality and group.
  void PickCapacity(Entity* e) const {
    if (!cap_) return;
    Capacity::Choice ch = c_.capacity->Pick(e->muni, e->group,
                                            rs_.Uniforms(run_, e->key, kCapacityDraw)[0]);
    e->provider = ch.provider;
    e->team = ch.team;
  }

  // With capacity, an entity starting later waits until its month (so it is admitted
  // on the costs of the months before it); without, it is simulated now.
  void Schedule(const Entity& e) {
    if (!cap_) {
      Process(e);
    } else if (e.start < o_.months) {
      (*pending_)[std::max(e.start, 0)].push_back(e);
    }
  }

  void Process(Entity e) {
    for (;;) {
      const SurvivalCurve& curve = c_.products[e.product].duration;
      auto u = rs_.Uniforms(run_, e.key, 0);
      // Months from the first forecast month (running) or from its start (new),
      // scaled by the replication's duration factor and the lever (new ones only),
      // rounded at random so the mean scales exactly.
      int duration =
          e.age >= 0 ? curve.SampleGiven(e.age, u[0]) - e.age : curve.Sample(u[0]);
      const double f = duration_[e.group] *
                       (e.age >= 0 ? 1.0 : plan_.Duration(e.start, e.muni, e.group));
      if (f != 1.0) {
        double v = rs_.Uniforms(run_, e.key, 2)[0];
        duration = std::max(1, static_cast<int>(std::floor(duration * f + v)));
      }
      if (e.base_cost < 0) {
        const std::vector<double>& q = c_.products[e.product].monthly_cost;
        e.base_cost = q[std::min(q.size() - 1, static_cast<size_t>(u[1] * q.size()))];
      }
      const int begin = std::max(e.start, 0);
      const int end = e.age >= 0 ? duration : e.start + duration;  // exclusive
      const int stop = std::min(end, o_.months);
      const double cost =
          e.base_cost * (e.age >= 0 ? 1.0 : plan_.Volume(e.start, e.muni, e.group));
      if (cap_ && e.age < 0 && e.start >= 0 &&
          cap_->Concerns(plan_, e.start, e.muni, e.group, e.team, e.provider,
                         cost * duration)) {
        // A new assignment: its provider's ceiling, its team's budget, the review.
        const auto u = rs_.Uniforms(run_, e.key, kCapacityDraw);
        auto outcome = cap_->Admit(plan_, e.start, e.muni, e.group, e.team,
                                   cost * duration, u, e.provider);
        if (outcome == CapacityState::Outcome::kRefused) return;
        if (outcome == CapacityState::Outcome::kDeferred) {
          // Waits for January, when the new year's ceiling (budget) opens.
          const int month = c_.start_month + e.start;
          e.start = (month / 12 + 1) * 12 - c_.start_month;
          Schedule(e);
          return;
        }
      }
      const int contract = cap_ ? c_.capacity->ContractOf(e.provider, e.group) : -1;
      const int groups = r_.groups, munis = r_.municipalities;
      const size_t stride = static_cast<size_t>(munis) * groups;
      const size_t cell = static_cast<size_t>(e.muni) * groups + e.group;
      const double* mult = &shared_.cost_factor[cell * o_.months];
      // What follows is known now (its draws are the entity's own): care that ends
      // without a follow-up charges its last month partly, as new care its first.
      std::optional<Entity> next;
      if (end < o_.months) next = Next(e, end, u);
      const GroupParams& gp = c_.groups[e.group];
      const int first_partial = e.starts_care && e.start >= 0 ? e.start : -1;
      const int last_partial = end <= o_.months && !next ? end - 1 : -1;
      for (int m = begin; m < stop; ++m) {
        size_t at = slice_ + m * stride + cell;
        double month_cost = cost * mult[m] * price_[m];
        if (m == first_partial) month_cost *= gp.first_month_share;
        if (m == last_partial) month_cost *= gp.last_month_share;
        r_.cost[at] += month_cost;
        r_.active[at] += 1;
        if (cap_) cap_->Add(contract, e.team, m, month_cost);
      }
      if (stop > begin) entity_months_ += stop - begin;
      if (e.start >= 0 && e.start < o_.months)
        r_.started[slice_ + e.start * stride + cell] += 1;
      if (end >= o_.months) return;
      if (!next) return;
      if (cap_) return Schedule(*next);
      e = *next;
    }
  }

  // What follows `e`'s end in month `end`: a re-indication, or else perhaps a return.
  std::optional<Entity> Next(const Entity& e, int end,
                             const std::array<double, 4>& u) const {
    if (auto succ = FollowUp(e, end, u)) return succ;
    return Return(e, 1, end);
  }

  // Recurrence (population.h): a client whose care ended `since` months before
  // month `from` (its last active month being from - since) comes back with the
  // calibrated hazard; the new assignment's group follows the observed returns, its
  // product the group's inflow mix. None past the horizon or the age limit.
  std::optional<Entity> Return(const Entity& e, int since, int from) const {
    const std::vector<double>& cdf = c_.return_cdf;
    if (cdf.empty() || since >= static_cast<int>(cdf.size()) - 1) return std::nullopt;
    auto w = rs_.Uniforms(run_, e.key, kReturnDraw);
    const double at = cdf[since] + w[0] * (1 - cdf[since]);
    int k = since + 1;
    while (k < static_cast<int>(cdf.size()) && cdf[k] <= at) ++k;
    if (k >= static_cast<int>(cdf.size())) return std::nullopt;
    const int month = from - since + k;  // first month back
    if (month >= o_.months) return std::nullopt;
    const int group = PickIndex(c_.groups[e.group].return_follow, w[1]);
    const GroupParams& g = c_.groups[group];
    if (g.products.empty()) return std::nullopt;
    const int product = g.products[PickIndex(g.product_share, w[2])];
    if (PastAgeLimit(c_, product, e.birth, c_.start_month + month)) return std::nullopt;
    if (plan_.Removed(month, e.muni, product)) return std::nullopt;
    Entity back{{e.key.root, e.key.generation + 1},
                month,
                -1,
                e.muni,
                group,
                product,
                -1,
                e.birth};
    back.starts_care = true;
    PickCapacity(&back);
    return back;
  }

  // The re-indication of `e` starting in month `end`, if any: with the group's (or
  // the lever's) probability, by u[2]; its product by u[3] from the product's observed
  // follow-ups, or else its group by u[3] from the group's (same group: same product).
  // The same product keeps its cost; another draws one.
  std::optional<Entity> FollowUp(const Entity& e, int end,
                                 const std::array<double, 4>& u) const {
    const GroupParams& g = c_.groups[e.group];
    double p = plan_.Reindication(end, e.muni, e.group);
    if (p < 0) p = reindication_[e.group];
    // Age-out: past the product's age limit the (calibrated) rate of young adults.
    if (PastAgeLimit(c_, e.product, e.birth, c_.start_month + end)) {
      p = g.reindication_past_limit;
    }
    if (u[2] >= p) return std::nullopt;
    const ProductParams& pp = c_.products[e.product];
    Entity succ{{e.key.root, e.key.generation + 1},
                end,
                -1,
                e.muni,
                e.group,
                e.product,
                e.base_cost,
                e.birth};
    if (c_.move > 0 && !c_.move_to.empty()) {
      // A move: the new municipality pays (woonplaatsbeginsel), drawn from the
      // observed destinations other than the current one.
      // Given the re-indication (u[2] < p), x = u[2] / p is a fresh uniform: below
      // the move probability it moves, and x / move picks the destination.
      const double x = u[2] / p;
      if (x < c_.move) {
        const double other = 1 - c_.move_to[e.muni];
        double acc = 0, at = x / c_.move * other;
        for (size_t m = 0; m < c_.move_to.size(); ++m) {
          if (static_cast<int>(m) == e.muni) continue;
          acc += c_.move_to[m];
          succ.muni = static_cast<int>(m);
          if (at < acc) break;
        }
      }
    }
    if (!pp.follow_products.empty()) {
      succ.product = pp.follow_products[PickIndex(pp.follow_share, u[3])];
      succ.group = c_.products[succ.product].group;
    } else {
      succ.group = PickIndex(g.follow, u[3]);
      if (succ.group != e.group) {
        const GroupParams& ng = c_.groups[succ.group];
        if (ng.products.empty()) return std::nullopt;
        succ.product =
            ng.products[PickIndex(ng.product_share, rs_.Uniforms(run_, e.key, 1)[0])];
      }
    }
    if (succ.product != e.product) succ.base_cost = -1;
    if (plan_.Removed(end, e.muni, succ.product)) return std::nullopt;
    if (cap_ && succ.muni != e.muni) {
      // A move: provider and team of the new municipality's mix.
      PickCapacity(&succ);
    } else if (cap_) {
      // The team stays; another lot draws its provider from the mix.
      succ.team = e.team;
      succ.provider = succ.group == e.group
                          ? e.provider
                          : c_.capacity
                                ->Pick(e.muni, succ.group,
                                       rs_.Uniforms(run_, succ.key, kCapacityDraw)[0])
                                .provider;
    }
    return succ;
  }

 public:
  int64_t entity_months() const { return entity_months_; }

 private:
  const Calibration& c_;
  const LeverPlan& plan_;
  const SimulationOptions& o_;
  const Shared& shared_;
  SimulationResult& r_;
  const uint32_t run_;
  const EntityDraws rs_;
  const size_t slice_;
  std::vector<double> price_;                            // per month, from DrawPrices
  std::vector<double> trend_, duration_, reindication_;  // per group, from DrawGroups
  std::optional<CapacityState> cap_;  // with providers and teams (capacity.h)
  std::vector<std::vector<Entity>>* pending_ = nullptr;  // [month]: starts waiting
  int64_t entity_months_ = 0;
};

}  // namespace

SimulationResult Simulate(const Calibration& c, const LeverPlan& plan,
                          const SimulationOptions& o) {
  SimulationResult r;
  r.start_month = c.start_month;
  r.months = o.months;
  r.runs = o.runs;
  r.municipalities = static_cast<int>(c.municipalities.size());
  r.groups = static_cast<int>(c.groups.size());
  size_t n = static_cast<size_t>(o.runs) * o.months * r.municipalities * r.groups;
  r.cost.assign(n, 0.0);
  r.active.assign(n, 0);
  r.started.assign(n, 0);
  if (c.capacity && !c.capacity->empty())
    AllocateCapacityResult(*c.capacity, c, o.months, o.runs, r.capacity);

  // Cost multiplier per municipality, group and month: tariff index, month-of-year
  // pattern and tariff levers (layout [muni][group][month]).
  Shared shared;
  shared.cost_factor.resize(static_cast<size_t>(r.municipalities) * r.groups * o.months);
  shared.young.resize(static_cast<size_t>(r.municipalities) * o.months);
  for (int mu = 0; mu < r.municipalities; ++mu) {
    for (int m = 0; m < o.months; ++m) {
      int month = c.start_month + m;
      shared.young[mu * o.months + m] = c.YoungPeopleScale(mu, month / 12);
      for (int g = 0; g < r.groups; ++g) {
        shared.cost_factor[(static_cast<size_t>(mu) * r.groups + g) * o.months + m] =
            c.PriceIndex(g, month / 12) * c.groups[g].cost_season[month % 12] *
            plan.Tariff(m, mu, g);
      }
    }
  }

  std::atomic<int> next{0};
  std::atomic<int64_t> entity_months{0};
  std::mutex progress_mu;
  int done = 0;
  auto worker = [&] {
    for (int run = next++; run < o.runs; run = next++) {
      Replication rep(c, plan, o, shared, r, run);
      rep.Run();
      entity_months += rep.entity_months();
      if (o.progress) {
        std::lock_guard<std::mutex> lock(progress_mu);
        o.progress(++done, o.runs);
      }
    }
  };
  int threads = std::clamp(o.threads, 1, std::max(1, o.runs));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  r.entity_months = entity_months;
  return r;
}

}  // namespace jr::forecast
