#include "forecast/calibration.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace jr::forecast {
namespace {

int YearOf(int month_index) { return month_index / 12; }
int MonthOfYear(int month_index) { return month_index % 12; }
int MonthOfDate(Date d) { return MonthIndex(d.year() / d.month()); }

// One assignment as the model sees it.
struct Spell {
  int municipality = -1;  // -1: not in the region in the base year
  int product = 0;
  int group = 0;
  int first = 0;       // MonthIndex of the first active month
  int last = 0;        // MonthIndex of the last active month (valid when ended)
  bool ended = false;  // ended before the cut-off
  bool reindication = false;
  int successor = -1;  // index of the first re-indication that follows it
  // A municipal merger ends the assignments of the merging municipality the day before
  // and its successor continues them from that day with the same product: one spell of
  // care, not an end and a re-indication. `cut`: ended by such a merger and continued;
  // `chain_first`: first month of the care the spell continues (its own first month
  // when it continues none). Durations count from chain_first.
  bool cut = false;
  int chain_first = 0;
  // Ended on the day its municipality left the region without a successor that
  // continues it: the care goes on out of sight, so its duration is censored there
  // and it is no end for the re-indication rate.
  bool left = false;
};

// Normalises twelve non-negative values to mean 1 (all ones when they sum to 0).
std::array<double, 12> MeanOne(const std::array<double, 12>& v) {
  double sum = std::accumulate(v.begin(), v.end(), 0.0);
  std::array<double, 12> out;
  out.fill(1.0);
  if (sum <= 0) return out;
  for (int i = 0; i < 12; ++i) out[i] = v[i] * 12 / sum;
  return out;
}

// `n` equal-probability bins of `values`, each represented by its mean (so the mean
// and the heavy upper tail of expensive placements are kept); sorts `values`.
std::vector<double> Quantiles(std::vector<double>& values, int n) {
  std::vector<double> q;
  if (values.empty()) return q;
  std::sort(values.begin(), values.end());
  const size_t size = values.size();
  for (int i = 0; i < n; ++i) {
    size_t from = size * i / n, to = size * (i + 1) / n;
    if (to <= from) {
      q.push_back(values[std::min(from, size - 1)]);
      continue;
    }
    q.push_back(std::accumulate(values.begin() + from, values.begin() + to, 0.0) /
                (to - from));
  }
  return q;
}

// The assigned volume per month times the tariff (cents); 0 when the assignment
// gives its volume as a total or the product has no tariff.
double CommittedPerMonth(const Assignment& a, int64_t tariff_cents) {
  double per_month = 0;
  switch (a.frequency) {
    case Frequency::kPerDay:
      per_month = 365.25 / 12;
      break;
    case Frequency::kPerWeek:
      per_month = 52.0 / 12;
      break;
    case Frequency::kPerMonth:
      per_month = 1;
      break;
    case Frequency::kTotal:
      return 0;
  }
  return a.volume.value() * per_month * static_cast<double>(tariff_cents);
}

double Mean(const std::vector<double>& v) {
  return v.empty() ? 0 : std::accumulate(v.begin(), v.end(), 0.0) / v.size();
}

// Tariff index per group and year (base year = 1) and the yearly indexation after it.
void FitPrices(const History& h, const std::vector<int>& product_group,
               const std::unordered_map<std::string, int>& product_index, int base_year,
               double default_indexation, Calibration& c) {
  // Regional tariffs per product and year, up to the base year.
  std::vector<std::map<int, int64_t>> tariff(c.products.size());
  int first_year = base_year;
  for (const Tariff& t : h.tariffs) {
    if (!t.agb.empty() || t.year > base_year) continue;
    auto it = product_index.find(t.category + "/" + t.code);
    if (it == product_index.end()) continue;
    tariff[it->second][t.year] = t.per_unit.cents();
    first_year = std::min(first_year, t.year);
  }
  for (size_t p = 0; p < c.products.size(); ++p) {
    auto it = tariff[p].find(base_year);
    if (it == tariff[p].end() && !tariff[p].empty()) it = std::prev(tariff[p].end());
    if (it != tariff[p].end()) c.products[p].tariff_cents = it->second;
  }
  // Mean year-on-year ratio per group (and overall) in each year.
  const size_t g_count = c.groups.size();
  std::map<int, std::vector<double>> overall;
  std::vector<std::map<int, std::vector<double>>> by_group(g_count);
  for (size_t p = 0; p < tariff.size(); ++p) {
    for (const auto& [year, cents] : tariff[p]) {
      auto prev = tariff[p].find(year - 1);
      if (prev == tariff[p].end() || prev->second <= 0) continue;
      double r = static_cast<double>(cents) / prev->second;
      overall[year].push_back(r);
      by_group[product_group[p]][year].push_back(r);
    }
  }
  auto ratio = [&](size_t g, int year) {
    auto it = by_group[g].find(year);
    if (it != by_group[g].end()) return Mean(it->second);
    auto o = overall.find(year);
    return o != overall.end() ? Mean(o->second) : 1.0;
  };
  for (size_t g = 0; g < g_count; ++g) {
    double index = 1.0;
    c.groups[g].price_index[base_year] = 1.0;
    for (int y = base_year; y > first_year - 10 && y > 1900; --y) {
      index /= ratio(g, y);
      c.groups[g].price_index[y - 1] = index;
    }
  }
  c.indexation =
      overall.empty() ? default_indexation : Mean(std::prev(overall.end())->second) - 1.0;
  // Spread of the yearly indexation: standard deviation of the years' mean ratios
  // (the last ten years up to the base year; 0 with fewer than three).
  std::vector<double> yearly;
  for (auto it = overall.rbegin(); it != overall.rend() && yearly.size() < 10; ++it) {
    yearly.push_back(Mean(it->second));
  }
  if (yearly.size() >= 3) {
    double mean = Mean(yearly), ss = 0;
    for (double r : yearly) ss += (r - mean) * (r - mean);
    c.indexation_sd = std::sqrt(ss / static_cast<double>(yearly.size() - 1));
  }
}

// Yearly inflow trend of one group: a log-linear Poisson regression of the region's
// monthly counts of new assignments, n_t ~ Poisson(exp(a + b t) x offset_t), t in
// years, the offset being the month-of-year pattern times the young people of the
// year (so b is the trend per young person), fitted by Newton-Raphson. Its variance is
// the Poisson one times the Pearson dispersion of the months around the fit (at least
// 1, quasi-Poisson): months that wander around the line widen the trend's band instead
// of being taken for precision. ok = false without counts.
struct TrendFit {
  double log_trend = 0;
  double var = 0;
  bool ok = false;
};

TrendFit FitTrend(const std::vector<double>& count, const std::vector<double>& t,
                  const std::vector<double>& offset, int season_df) {
  TrendFit f;
  double n_sum = 0, o_sum = 0;
  for (size_t i = 0; i < count.size(); ++i) {
    n_sum += count[i];
    o_sum += offset[i];
  }
  if (n_sum <= 0 || o_sum <= 0 || count.size() < 13) return f;
  double a = std::log(n_sum / o_sum), b = 0;
  double iaa = 0, iab = 0, ibb = 0;
  for (int iter = 0; iter < 30; ++iter) {
    double ua = 0, ub = 0;
    iaa = iab = ibb = 0;
    for (size_t i = 0; i < count.size(); ++i) {
      double mu = offset[i] * std::exp(a + b * t[i]);
      ua += count[i] - mu;
      ub += t[i] * (count[i] - mu);
      iaa += mu;
      iab += t[i] * mu;
      ibb += t[i] * t[i] * mu;
    }
    double det = iaa * ibb - iab * iab;
    if (det <= 0) return f;
    double da = (ibb * ua - iab * ub) / det, db = (iaa * ub - iab * ua) / det;
    a += da;
    b += std::clamp(db, -0.5, 0.5);
    if (std::abs(da) + std::abs(db) < 1e-10) break;
  }
  double chi2 = 0;
  for (size_t i = 0; i < count.size(); ++i) {
    double mu = offset[i] * std::exp(a + b * t[i]);
    if (mu > 0) chi2 += (count[i] - mu) * (count[i] - mu) / mu;
  }
  const double df = std::max(1.0, static_cast<double>(count.size()) - 2 - season_df);
  const double det = iaa * ibb - iab * iab;
  f.log_trend = b;
  f.var = std::max(1.0, chi2 / df) * iaa / det;
  f.ok = true;
  return f;
}

// The groups' trends shrunk toward the trend of all groups together by empirical
// Bayes: a random-effects model log t_g ~ N(mu, tau^2) with the groups' own variances,
// tau^2 by the DerSimonian-Laird moment estimator. A small group's noisy trend then
// borrows strength from the others (toward the common trend, never toward 0); its
// standard error is the posterior one (sampling and estimation of mu). Groups without
// a fit get mu.
void ShrinkTrends(const std::vector<TrendFit>& fits, std::vector<double>& log_trend,
                  std::vector<double>& log_trend_se) {
  const size_t n = fits.size();
  std::vector<double> w(n, 0);
  double sw = 0, sw2 = 0, swy = 0;
  for (size_t g = 0; g < n; ++g) {
    if (!fits[g].ok || fits[g].var <= 0) continue;
    w[g] = 1 / fits[g].var;
    sw += w[g];
    sw2 += w[g] * w[g];
    swy += w[g] * fits[g].log_trend;
  }
  log_trend.assign(n, 0);
  log_trend_se.assign(n, 0);
  if (sw <= 0) return;
  double fixed = swy / sw;
  double q = 0;
  int k = 0;
  for (size_t g = 0; g < n; ++g) {
    if (w[g] <= 0) continue;
    q += w[g] * (fits[g].log_trend - fixed) * (fits[g].log_trend - fixed);
    ++k;
  }
  double tau2 = k > 1 ? std::max(0.0, (q - (k - 1)) / (sw - sw2 / sw)) : 0;
  // mu with random-effects weights, and its variance.
  double rw = 0, rwy = 0;
  for (size_t g = 0; g < n; ++g) {
    if (w[g] <= 0) continue;
    double v = 1 / (1 / w[g] + tau2);
    rw += v;
    rwy += v * fits[g].log_trend;
  }
  double mu = rwy / rw, mu_var = 1 / rw;
  for (size_t g = 0; g < n; ++g) {
    if (w[g] <= 0 || tau2 <= 0) {
      log_trend[g] = mu;
      log_trend_se[g] = std::sqrt(mu_var);
      continue;
    }
    double b = (1 / w[g]) / (1 / w[g] + tau2);  // shrinkage toward mu
    log_trend[g] = (1 - b) * fits[g].log_trend + b * mu;
    log_trend_se[g] = std::sqrt((1 - b) / w[g] + b * b * mu_var);
  }
}

// Marks the merger continuations (Spell::cut, chain_first): assignment i re-indicates
// p, starts on the day p ends, with p's product, in the municipality that p's
// municipality merged into on that very day (Region: end and successor).
void MarkMergerContinuations(const History& h,
                             const std::unordered_map<std::string, int>& by_number,
                             const std::vector<bool>& known, std::vector<Spell>& spells) {
  std::vector<int> from(spells.size(), -1);
  for (size_t i = 0; i < spells.size(); ++i) {
    if (!known[i] || !spells[i].reindication) continue;
    const Assignment& a = h.assignments[i];
    auto pred = by_number.find(a.predecessor);
    if (pred == by_number.end()) continue;
    const int p = pred->second;
    const Assignment& b = h.assignments[p];
    if (!b.end || *b.end != a.start || spells[p].product != spells[i].product) continue;
    const Municipality* m = h.region.Find(b.municipality);
    if (m == nullptr || !m->end || *m->end != *b.end || m->successor != a.municipality)
      continue;
    spells[p].cut = true;
    from[i] = p;
  }
  for (size_t p = 0; p < spells.size(); ++p) {
    if (!known[p] || !spells[p].ended || spells[p].cut) continue;
    const Assignment& b = h.assignments[p];
    const Municipality* m = h.region.Find(b.municipality);
    spells[p].left = m != nullptr && m->end && b.end && *m->end == *b.end;
  }
  // chain_first through any number of mergers (a chain has no cycles: each link starts
  // later than its predecessor).
  for (size_t i = 0; i < spells.size(); ++i) {
    int k = static_cast<int>(i);
    for (int guard = 0; from[k] >= 0 && guard < 64; ++guard) k = from[k];
    spells[i].chain_first = spells[k].first;
  }
}

}  // namespace

int Calibration::GroupIndex(const std::string& name) const {
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].name == name) return static_cast<int>(g);
  }
  return -1;
}

int Calibration::ProductIndex(const std::string& key_or_code) const {
  for (size_t p = 0; p < products.size(); ++p) {
    if (products[p].key == key_or_code || products[p].code == key_or_code) {
      return static_cast<int>(p);
    }
  }
  return -1;
}

int Calibration::MunicipalityIndex(const std::string& code) const {
  auto it = std::find(municipalities.begin(), municipalities.end(), code);
  return it == municipalities.end() ? -1 : static_cast<int>(it - municipalities.begin());
}

double Calibration::PriceIndex(int group, int year) const {
  const auto& index = groups[group].price_index;
  if (year > base_year) return std::pow(1 + indexation, year - base_year);
  auto it = index.find(year);
  if (it != index.end()) return it->second;
  return index.empty() ? 1.0 : index.begin()->second;
}

double Calibration::YoungPeopleScale(int municipality, int year) const {
  const auto& yp = young_people[municipality];
  auto at = [&](int y) -> double {
    auto it = yp.upper_bound(y);
    if (it == yp.begin()) return yp.empty() ? 0 : yp.begin()->second;
    return std::prev(it)->second;
  };
  double ref = at(YearOf(level_month));
  double now = at(year);
  return ref > 0 && now > 0 ? now / ref : 1.0;
}

int StartMonthOf(Date cutoff) {
  int m = MonthOfDate(cutoff);
  return unsigned(cutoff.day()) == 1 ? m : m + 1;
}

Result<Calibration> Calibrate(const History& h, Date cutoff,
                              const CalibrationOptions& o) {
  Calibration c;
  c.start_month = StartMonthOf(cutoff);
  c.base_year = YearOf(c.start_month);
  c.level_month = c.start_month - (o.level_months + 1) / 2;
  const int start = c.start_month;
  const int cutoff_day = DayNumber(FirstOfMonth(FromMonthIndex(start)));

  // Municipalities of the base year; predecessors map to their successor.
  c.municipalities = h.region.ActiveIn(c.base_year);
  if (c.municipalities.empty()) {
    return Status::Error("geen gemeenten in de regio in " + std::to_string(c.base_year) +
                         "; prognose kan niet worden gekalibreerd");
  }
  std::unordered_map<std::string, int> muni_of;
  for (const Municipality& m : h.region.municipalities()) {
    int idx = c.MunicipalityIndex(h.region.SuccessorIn(m.code, c.base_year));
    muni_of[m.code] = idx;
  }
  c.young_people.resize(c.municipalities.size());
  for (size_t i = 0; i < c.municipalities.size(); ++i) {
    const Municipality* m = h.region.Find(c.municipalities[i]);
    c.municipality_names.push_back(m ? m->name : c.municipalities[i]);
    for (int y = c.base_year - 15; y <= c.base_year + 15; ++y) {
      auto v = h.region.Key(c.municipalities[i], y, kKeyYoungPeople);
      if (v) c.young_people[i][y] = *v;
    }
  }

  // Product groups are the cost buckets, sorted by name.
  std::vector<std::string> names;
  for (const Product& p : h.products) names.push_back(p.bucket);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (const std::string& n : names) c.groups.push_back(GroupParams{.name = n});
  const int g_count = static_cast<int>(c.groups.size());
  std::unordered_map<std::string, int> product_index;
  std::vector<int> product_group;
  for (const Product& p : h.products) {
    product_index[p.Key()] = static_cast<int>(c.products.size());
    int g = c.GroupIndex(p.bucket);
    product_group.push_back(g);
    c.products.push_back(ProductParams{.key = p.Key(), .code = p.code, .group = g});
  }
  FitPrices(h, product_group, product_index, c.base_year, o.default_indexation, c);

  // Spells of the assignments that started before the cut-off.
  std::vector<Spell> spells(h.assignments.size());
  std::vector<bool> known(h.assignments.size(), false);
  std::unordered_map<std::string, int> by_number;
  for (size_t i = 0; i < h.assignments.size(); ++i) {
    const Assignment& a = h.assignments[i];
    auto p = product_index.find(a.category + "/" + a.product_code);
    if (p == product_index.end() || DayNumber(a.start) >= cutoff_day) continue;
    Spell& s = spells[i];
    auto m = muni_of.find(a.municipality);
    s.municipality = m == muni_of.end() ? -1 : m->second;
    s.product = p->second;
    s.group = product_group[p->second];
    s.first = MonthOfDate(a.start);
    s.ended = a.end && DayNumber(*a.end) <= cutoff_day;
    s.last = s.ended
                 ? std::max(s.first, MonthOfDate(FromDayNumber(DayNumber(*a.end) - 1)))
                 : start - 1;
    s.reindication = a.IsReindication();
    s.chain_first = s.first;
    known[i] = true;
    by_number[a.number] = static_cast<int>(i);
  }
  for (size_t i = 0; i < h.assignments.size(); ++i) {
    if (!known[i] || !spells[i].reindication) continue;
    auto pred = by_number.find(h.assignments[i].predecessor);
    if (pred == by_number.end()) continue;
    int& succ = spells[pred->second].successor;
    if (succ < 0 || spells[i].first < spells[succ].first) succ = static_cast<int>(i);
  }
  MarkMergerContinuations(h, by_number, known, spells);
  bool any = std::find(known.begin(), known.end(), true) != known.end();
  if (!any) {
    return Status::Error("geen toewijzingen voor " + FormatMonth(FromMonthIndex(start)) +
                         "; prognose kan niet worden gekalibreerd");
  }

  // The clients behind the spells (population.h): ages, age limits, moves, returns.
  std::vector<int> client, birth;
  ClientsOf(h, client, birth);
  std::vector<bool> is_return;
  {
    std::vector<PopulationSpell> view(spells.size());
    for (size_t i = 0; i < spells.size(); ++i) {
      const Spell& s = spells[i];
      auto pred = known[i] && s.reindication
                      ? by_number.find(h.assignments[i].predecessor)
                      : by_number.end();
      view[i] = {known[i],
                 client[i],
                 birth[i],
                 s.municipality,
                 s.product,
                 s.group,
                 s.first,
                 s.last,
                 s.ended,
                 s.reindication,
                 pred == by_number.end() ? -1 : pred->second};
    }
    CalibratePopulation(view, start, c, is_return);
  }

  // Durations (Kaplan-Meier) and re-indications per group.
  std::vector<std::vector<DurationObservation>> durations(g_count);
  std::vector<std::vector<DurationObservation>> product_durations(c.products.size());
  std::vector<double> ended(g_count, 0), followed(g_count, 0);
  std::vector<double> ended_past(g_count, 0), followed_past(g_count, 0);  // age-out
  std::vector<std::vector<double>> follow(g_count, std::vector<double>(g_count, 0));
  std::vector<std::map<int, double>> product_follow(c.products.size());
  for (size_t i = 0; i < spells.size(); ++i) {
    const Spell& s = spells[i];
    if (!known[i] || s.cut || s.chain_first < start - o.duration_months) continue;
    const int seen = (s.ended ? s.last + 1 : start) - s.chain_first;  // active months
    DurationObservation d{seen, s.ended && !s.left};
    durations[s.group].push_back(d);
    product_durations[s.product].push_back(d);
    if (s.left) continue;
    // A follow-up needs a month to show: only spells ending two months before.
    if (s.ended && s.last <= start - 2 &&
        PastAgeLimit(c, s.product, birth[i], s.last + 1)) {
      ended_past[s.group] += 1;
      if (s.successor >= 0) followed_past[s.group] += 1;
    } else if (s.ended && s.last <= start - 2) {
      ended[s.group] += 1;
      if (s.successor >= 0) {
        followed[s.group] += 1;
        follow[s.group][spells[s.successor].group] += 1;
        product_follow[s.product][spells[s.successor].product] += 1;
      }
    }
  }
  for (int g = 0; g < g_count; ++g) {
    GroupParams& gp = c.groups[g];
    gp.duration = SurvivalCurve::Estimate(durations[g], o.survival);
    gp.observed_durations = static_cast<int64_t>(durations[g].size());
    gp.reindication = ended[g] > 0 ? followed[g] / ended[g] : 0;
    gp.reindication_n = ended[g];
    gp.reindication_past_limit = ended_past[g] > 0 ? followed_past[g] / ended_past[g] : 0;
    gp.reindication_past_limit_n = ended_past[g];
    gp.duration_events =
        std::count_if(durations[g].begin(), durations[g].end(),
                      [](const DurationObservation& d) { return d.ended; });
    gp.follow.assign(g_count, 0);
    if (followed[g] > 0) {
      for (int j = 0; j < g_count; ++j) gp.follow[j] = follow[g][j] / followed[g];
    } else {
      gp.follow[g] = 1;
    }
  }

  for (size_t p = 0; p < c.products.size(); ++p) {
    ProductParams& pp = c.products[p];
    const auto& obs = product_durations[p];
    bool own = static_cast<int>(obs.size()) >= o.min_product_durations;
    pp.duration =
        own ? SurvivalCurve::Estimate(obs, o.survival) : c.groups[pp.group].duration;
    pp.observed_durations = own ? static_cast<int64_t>(obs.size()) : 0;
    double seen = 0;
    for (const auto& [next, n] : product_follow[p]) seen += n;
    if (seen < o.min_product_follow_ups) continue;
    for (const auto& [next, n] : product_follow[p]) {
      pp.follow_products.push_back(next);
      pp.follow_share.push_back(n / seen);
    }
  }

  // Inflow of new assignments: level per cell, trend, season and product mix per group.
  std::map<std::tuple<int, int, int>, double> cell_count;
  // Counts per cell and month of the level window (k = months before the cut-off - 1).
  std::map<std::tuple<int, int, int>, std::vector<double>> cell_months;
  // Monthly counts per group of the trend window (k = months before the cut-off - 1),
  // from the first month with declarations (earlier months know only the assignments
  // that were still running then).
  int data_first = start;
  for (const AssignmentMonth& am : h.months) {
    if (am.cost_cents != 0) data_first = std::min(data_first, am.month);
  }
  const int trend_window = std::clamp(start - data_first, 0, o.trend_months);
  std::vector<std::vector<double>> trend_count(g_count,
                                               std::vector<double>(trend_window, 0));
  std::vector<double> last12(g_count, 0);
  std::vector<std::array<double, 12>> season_count(g_count, std::array<double, 12>{});
  std::vector<std::vector<double>> mix(g_count,
                                       std::vector<double>(c.products.size(), 0));
  for (size_t i = 0; i < spells.size(); ++i) {
    const Spell& s = spells[i];
    if (!known[i] || s.reindication || is_return[i]) continue;  // returns: population.h
    int age = start - s.first;  // 1 = the month before the cut-off
    if (age <= o.season_months) season_count[s.group][MonthOfYear(s.first)] += 1;
    if (age <= 12) last12[s.group] += 1;
    if (age <= trend_window) trend_count[s.group][age - 1] += 1;
    if (age <= 24) mix[s.group][s.product] += 1;
    if (s.municipality >= 0 && age <= o.level_months) {
      std::tuple<int, int, int> key{s.municipality,
                                    static_cast<int>(h.assignments[i].route), s.group};
      cell_count[key] += 1;
      auto& months = cell_months[key];
      months.resize(o.level_months, 0.0);
      months[age - 1] += 1;
    }
  }
  // Young people of the region per year relative to the level year (mean of the
  // municipalities' scales), the trend's offset with the month-of-year pattern.
  std::vector<double> month_t(trend_window), young(trend_window, 0);
  for (int k = 0; k < trend_window; ++k) {
    const int month = start - 1 - k;
    month_t[k] = (month - c.level_month) / 12.0;
    for (size_t m = 0; m < c.municipalities.size(); ++m) {
      young[k] += c.YoungPeopleScale(static_cast<int>(m), YearOf(month));
    }
    if (young[k] <= 0) young[k] = 1;
  }
  std::vector<TrendFit> fits(g_count);
  for (int g = 0; g < g_count; ++g) {
    GroupParams& gp = c.groups[g];
    std::array<double, 12> shrunk;
    double mean =
        std::accumulate(season_count[g].begin(), season_count[g].end(), 0.0) / 12;
    for (int k = 0; k < 12; ++k) shrunk[k] = (season_count[g][k] + 5) / (mean + 5);
    gp.inflow_season = MeanOne(shrunk);
    std::vector<double> offset(trend_window);
    for (int k = 0; k < trend_window; ++k) {
      offset[k] = gp.inflow_season[MonthOfYear(start - 1 - k)] * young[k];
    }
    fits[g] = FitTrend(trend_count[g], month_t, offset, trend_window >= 24 ? 11 : 0);
  }
  std::vector<double> log_trend, log_trend_se;
  ShrinkTrends(fits, log_trend, log_trend_se);
  for (int g = 0; g < g_count; ++g) {
    GroupParams& gp = c.groups[g];
    gp.trend = std::clamp(std::exp(log_trend[g]), 1 - o.max_trend, 1 + o.max_trend);
    gp.trend_se = log_trend_se[g];
    gp.inflow_per_month = last12[g] / 12;
    double total = std::accumulate(mix[g].begin(), mix[g].end(), 0.0);
    for (size_t p = 0; p < c.products.size(); ++p) {
      if (product_group[p] != g) continue;
      if (total > 0 && mix[g][p] == 0) continue;
      gp.products.push_back(static_cast<int>(p));
      gp.product_share.push_back(total > 0 ? mix[g][p] / total : 1.0);
    }
    if (total <= 0) {
      for (double& s : gp.product_share) s /= static_cast<double>(gp.products.size());
    }
  }
  // Overdispersion of the monthly counts per group: Pearson chi-square of the cells'
  // months against their level x month-of-year pattern, over the degrees of freedom
  // (quasi-Poisson); at least 1 (Poisson).
  std::vector<double> chi2(g_count, 0), df(g_count, 0);
  for (const auto& [key, months] : cell_months) {
    const int g = std::get<2>(key);
    const auto& season = c.groups[g].inflow_season;
    double weight = 0;
    for (int k = 0; k < o.level_months; ++k) weight += season[MonthOfYear(start - 1 - k)];
    const double count = cell_count[key];
    for (int k = 0; k < o.level_months; ++k) {
      double expected = count * season[MonthOfYear(start - 1 - k)] / weight;
      if (expected > 0)
        chi2[g] += (months[k] - expected) * (months[k] - expected) / expected;
    }
    df[g] += o.level_months - 1;
  }
  for (int g = 0; g < g_count; ++g) {
    c.groups[g].inflow_dispersion = df[g] > 0 ? std::max(1.0, chi2[g] / df[g]) : 1.0;
  }
  for (const auto& [key, count] : cell_count) {
    auto [m, r, g] = key;
    c.inflow.push_back({m, static_cast<Route>(r), g, count / o.level_months,
                        std::sqrt(c.groups[g].inflow_dispersion / count)});
  }

  // Costs at base-year prices, per assignment and month of the cost window.
  const int cost_from = start - o.cost_months;
  std::vector<std::map<int, double>> cost_by_month(spells.size());
  for (const AssignmentMonth& am : h.months) {
    if (am.month < cost_from || am.month >= start || !known[am.assignment]) continue;
    const Spell& s = spells[am.assignment];
    cost_by_month[am.assignment][am.month] +=
        am.cost_cents / c.PriceIndex(s.group, YearOf(am.month));
  }
  // Cost pattern per month of year: mean cost per active assignment-month.
  std::vector<std::array<double, 12>> season_cost(g_count, std::array<double, 12>{});
  std::vector<std::array<double, 12>> season_active(g_count, std::array<double, 12>{});
  for (size_t i = 0; i < spells.size(); ++i) {
    if (!known[i]) continue;
    const Spell& s = spells[i];
    for (int m = std::max(s.first, cost_from); m <= std::min(s.last, start - 1); ++m) {
      season_active[s.group][MonthOfYear(m)] += 1;
    }
    for (const auto& [m, cents] : cost_by_month[i])
      season_cost[s.group][MonthOfYear(m)] += cents;
  }
  for (int g = 0; g < g_count; ++g) {
    std::array<double, 12> mean_cost;
    for (int k = 0; k < 12; ++k) {
      mean_cost[k] =
          season_active[g][k] > 0 ? season_cost[g][k] / season_active[g][k] : 0;
    }
    bool complete =
        std::all_of(mean_cost.begin(), mean_cost.end(), [](double v) { return v > 0; });
    c.groups[g].cost_season = complete ? MeanOne(mean_cost) : MeanOne({});
  }
  // Mean monthly cost per assignment (deseasonalised) and per product.
  std::vector<std::vector<double>> started(c.products.size()), active(c.products.size());
  std::vector<double> volume(c.products.size(), 0), volume_months(c.products.size(), 0);
  for (const AssignmentMonth& am : h.months) {
    if (am.month < cost_from || am.month >= start || !known[am.assignment]) continue;
    volume[spells[am.assignment].product] += am.volume_x100;
  }
  // Commitments: what an assignment's assigned volume costs per month at the base
  // year's tariff, and per group the share of it that is declared (the realisation
  // of the assignments with both); a running assignment without declarations of its
  // own yet (started in the last month, or declarations still to come) starts from
  // its commitment times that share.
  std::vector<double> committed_sum(g_count, 0), declared_sum(g_count, 0);
  std::vector<size_t> undeclared;  // indexes into c.running
  // Deseasonalised cost per municipality and month of the cost window.
  std::vector<std::vector<double>> muni_cost(c.municipalities.size(),
                                             std::vector<double>(o.cost_months, 0));
  // Sum of squared monthly costs of the assignments that start or stop in the inner
  // months of the window, per municipality: the caseload's own month-to-month change,
  // which the simulation makes itself. A re-indication with the same product
  // continues its predecessor's cost and is no change.
  std::vector<double> turnover(c.municipalities.size(), 0);
  std::vector<bool> continues(spells.size(), false);
  for (size_t i = 0; i < spells.size(); ++i) {
    const int succ = spells[i].successor;
    if (known[i] && succ >= 0 && spells[succ].product == spells[i].product) {
      continues[succ] = true;
    }
  }
  auto inner = [&](int month) { return month > cost_from && month < start - 1; };
  std::vector<double> undeclared_commitment;
  std::vector<double> first_num(g_count, 0), first_den(g_count, 0);
  std::vector<double> last_num(g_count, 0), last_den(g_count, 0);
  for (size_t i = 0; i < spells.size(); ++i) {
    if (!known[i]) continue;
    const Spell& s = spells[i];
    const auto& season = c.groups[s.group].cost_season;
    int from = std::max(s.first, cost_from), to = std::min(s.last, start - 1);
    if (from > to) continue;
    const double commitment =
        CommittedPerMonth(h.assignments[i], c.products[s.product].tariff_cents);
    double sum = 0, recent = 0, full = 0, first_cost = 0, last_cost = 0;
    int recent_months = 0, full_months = 0;
    const bool ends = s.ended && s.successor < 0;  // care ends: no follow-up
    for (int m = from; m <= to; ++m) {
      auto it = cost_by_month[i].find(m);
      double cents =
          it == cost_by_month[i].end() ? 0 : it->second / season[MonthOfYear(m)];
      sum += cents;
      if (m == s.first) {
        first_cost = cents;
      } else if (ends && m == s.last) {
        last_cost = cents;
      } else {
        full += cents;
        ++full_months;
      }
      if (s.municipality >= 0) muni_cost[s.municipality][m - cost_from] += cents;
      if (m > s.first && m >= start - o.recent_cost_months) {
        recent += cents;
        ++recent_months;
      }
    }
    double per_month = sum / (to - from + 1);
    if (full_months > 0) {
      const double rate = full / full_months;
      if (s.first >= from && !s.reindication) {
        first_num[s.group] += first_cost;
        first_den[s.group] += rate;
      }
      if (ends && s.last <= to && s.last > s.first) {
        last_num[s.group] += last_cost;
        last_den[s.group] += rate;
      }
    }
    if (s.municipality >= 0) {
      const bool continued = s.successor >= 0 && continues[s.successor];
      if (!continues[i] && inner(s.first))
        turnover[s.municipality] += per_month * per_month;
      if (s.ended && !continued && inner(s.last + 1)) {
        turnover[s.municipality] += per_month * per_month;
      }
    }
    if (commitment > 0 && recent_months > 0) {
      committed_sum[s.group] += commitment * (to - from + 1);
      declared_sum[s.group] += sum;
    }
    volume_months[s.product] += to - from + 1;
    // The product's monthly costs are full months (partial ones: the shares above).
    // Care with no full month in the window (one or two partial months) tells no full
    // month's cost: it is left out (a product without any uses its group's).
    if (full_months > 0) {
      active[s.product].push_back(full / full_months);
      if (s.first >= cost_from) started[s.product].push_back(full / full_months);
    }
    bool pending = s.ended && s.last == start - 1 && s.successor < 0;
    if ((!s.ended || pending) && s.municipality >= 0) {
      if (recent_months == 0 && commitment > 0) {
        undeclared.push_back(c.running.size());
        undeclared_commitment.push_back(commitment);
      }
      c.running.push_back({s.municipality, s.group, s.product, start - s.chain_first,
                           recent_months > 0 ? recent / recent_months : -1.0, pending,
                           static_cast<int>(i), birth[i]});
    }
  }
  for (int g = 0; g < g_count; ++g) {
    GroupParams& gp = c.groups[g];
    if (first_den[g] > 0) gp.first_month_share = first_num[g] / first_den[g];
    if (last_den[g] > 0) gp.last_month_share = last_num[g] / last_den[g];
  }
  c.month_noise.assign(c.municipalities.size(), 0);
  for (size_t mu = 0; mu < muni_cost.size(); ++mu) {
    const std::vector<double>& x = muni_cost[mu];
    double sum = 0, sum2 = 0, level = 0;
    int n = 0;
    for (size_t t = 1; t + 1 < x.size(); ++t) {
      if (x[t] <= 0 || x[t - 1] + x[t + 1] <= 0) continue;
      double l = std::log(2 * x[t] / (x[t - 1] + x[t + 1]));
      sum += l;
      sum2 += l * l;
      level += x[t];
      ++n;
    }
    if (n < 6) continue;
    level /= n;
    // Var(log ratio) = 1.5 noise^2 + Var(change of the caseload) / (2 level^2), the
    // change's variance being the squared costs that start or stop per month.
    double var = (sum2 - sum * sum / n) / (n - 1);
    double caseload = turnover[mu] / (x.size() - 2) / (2 * level * level);
    c.month_noise[mu] = std::sqrt(std::max(0.0, var - caseload) / 1.5);
  }
  for (size_t k = 0; k < undeclared.size(); ++k) {
    RunningAssignment& r = c.running[undeclared[k]];
    if (committed_sum[r.group] <= 0) continue;
    r.monthly_cost =
        undeclared_commitment[k] * declared_sum[r.group] / committed_sum[r.group];
  }
  std::vector<std::vector<double>> pooled(g_count);
  for (size_t p = 0; p < c.products.size(); ++p) {
    auto& src = started[p].size() >= 5 ? started[p] : active[p];
    ProductParams& pp = c.products[p];
    pp.mean_cost = Mean(src);
    pp.mean_volume_x100 = volume_months[p] > 0 ? volume[p] / volume_months[p] : 0;
    pooled[pp.group].insert(pooled[pp.group].end(), src.begin(), src.end());
    pp.monthly_cost = Quantiles(src, o.cost_quantiles);
  }
  for (int g = 0; g < g_count; ++g) {
    std::vector<double> q = Quantiles(pooled[g], o.cost_quantiles);
    if (q.empty()) q.assign(1, 0.0);
    for (ProductParams& pp : c.products) {
      if (pp.group == g && pp.monthly_cost.empty()) {
        pp.monthly_cost = q;
        pp.mean_cost = Mean(q);
      }
    }
  }
  return c;
}

}  // namespace jr::forecast
