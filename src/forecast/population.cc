#include "forecast/population.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "forecast/calibration.h"

namespace jr::forecast {
namespace {

constexpr int kStartAgeBins = 20;        // equal-probability bins of the start age
constexpr int kMinStartAges = 20;        // fewer: the product uses its group's ages
constexpr int kAgeWindowMonths = 36;     // start ages and moves from the last n months
constexpr int kReturnWindowMonths = 60;  // care that ended in the last n months
constexpr int kMaxReturnMonths = 36;     // returns modelled up to n months after care
// Extended care: at least this many (and this share) of a product's starts with a
// known age are of clients of 18 or older.
constexpr int kMinExtendedStarts = 10;
constexpr double kMinExtendedShare = 0.02;

// `n` equal-probability bins of `v`, each its mean; sorts `v`.
std::vector<double> Bins(std::vector<double>& v, int n) {
  std::vector<double> q;
  if (v.empty()) return q;
  std::sort(v.begin(), v.end());
  for (int i = 0; i < n; ++i) {
    size_t from = v.size() * i / n, to = v.size() * (i + 1) / n;
    if (to <= from) {
      q.push_back(v[std::min(from, v.size() - 1)]);
      continue;
    }
    q.push_back(std::accumulate(v.begin() + from, v.begin() + to, 0.0) / (to - from));
  }
  return q;
}

}  // namespace

void ClientsOf(const History& h, std::vector<int>& client, std::vector<int>& birth) {
  std::unordered_map<std::string, int> birth_of;
  for (const ClientResidence& r : h.clients) birth_of[r.client] = MonthIndex(r.birth);
  std::unordered_map<std::string, int> index;
  client.assign(h.assignments.size(), -1);
  birth.assign(h.assignments.size(), kNoBirth);
  for (size_t i = 0; i < h.assignments.size(); ++i) {
    const std::string& p = h.assignments[i].client;
    if (p.empty()) continue;
    client[i] = index.emplace(p, static_cast<int>(index.size())).first->second;
    auto b = birth_of.find(p);
    if (b != birth_of.end()) birth[i] = b->second;
  }
}

bool PastAgeLimit(const Calibration& c, int product, int birth, int month) {
  int age = AgeMonths(birth, month);
  return age >= 0 && age >= c.products[product].age_limit_months;
}

void CalibratePopulation(const std::vector<PopulationSpell>& spells, int start,
                         Calibration& c, std::vector<bool>& is_return) {
  const size_t p_count = c.products.size(), g_count = c.groups.size();
  const size_t m_count = c.municipalities.size();
  is_return.assign(spells.size(), false);

  // Age limits: extended care when clients of 18 and older start the product.
  std::vector<double> aged(p_count, 0), adult(p_count, 0);
  for (const PopulationSpell& s : spells) {
    int age = s.known ? AgeMonths(s.birth, s.first) : -1;
    if (age < 0) continue;
    aged[s.product] += 1;
    if (age >= kYouthAgeLimitMonths) adult[s.product] += 1;
  }
  for (size_t p = 0; p < p_count; ++p) {
    bool extended =
        adult[p] >= kMinExtendedStarts && adult[p] >= kMinExtendedShare * aged[p];
    c.products[p].age_limit_months =
        extended ? kExtendedAgeLimitMonths : kYouthAgeLimitMonths;
  }

  // Recurrence: per client its spells by first month; an episode is a run of care
  // without a whole month between; a new, not re-indicated assignment after such a
  // gap is a return, k months after the episode's last active month (k >= 2).
  std::vector<std::vector<int>> of_client;
  for (size_t i = 0; i < spells.size(); ++i) {
    const PopulationSpell& s = spells[i];
    if (!s.known || s.client < 0) continue;
    if (static_cast<size_t>(s.client) >= of_client.size()) of_client.resize(s.client + 1);
    of_client[s.client].push_back(static_cast<int>(i));
  }
  c.returns = {{2, 3}, {4, 6}, {7, 12}, {13, 24}, {25, kMaxReturnMonths}};
  auto bin_of = [&](int k) -> ReturnBin* {
    for (ReturnBin& b : c.returns)
      if (k >= b.from && k <= b.to) return &b;
    return nullptr;
  };
  std::vector<std::vector<double>> return_group(g_count, std::vector<double>(g_count, 0));
  // Adds the months at risk k = 2 .. min(until, kMaxReturnMonths) after an episode
  // ending in `last` (stopping at the client's age limit).
  auto expose = [&](const PopulationSpell& s, int last, int until) {
    for (int k = 2; k <= std::min(until, kMaxReturnMonths); ++k) {
      if (PastAgeLimit(c, s.product, s.birth, last + k)) break;
      bin_of(k)->exposure += 1;
    }
  };
  struct Open {
    int last = 0;    // last active month of the episode
    int spell = -1;  // its last-ending spell
  };
  for (std::vector<int>& list : of_client) {
    std::sort(list.begin(), list.end(),
              [&](int a, int b) { return spells[a].first < spells[b].first; });
    Open ep;
    for (int i : list) {
      const PopulationSpell& s = spells[i];
      if (ep.spell >= 0 && s.first >= ep.last + 2) {
        const PopulationSpell& before = spells[ep.spell];
        const int k = s.first - ep.last;
        if (!s.reindication && k <= kMaxReturnMonths &&
            ep.last >= start - kReturnWindowMonths) {
          is_return[i] = true;
          expose(before, ep.last, k - 1);
          if (ReturnBin* b = bin_of(k)) {
            b->returns += 1;
            b->exposure += 1;
          }
          return_group[before.group][s.group] += 1;
        }
        ep.spell = -1;
      }
      if (ep.spell < 0 || s.last > ep.last) ep = {s.last, i};
      if (!s.ended) ep.last = start;  // running: no end before the cut-off
    }
    if (ep.spell < 0 || ep.last >= start - 1) continue;
    // Ended and not (yet) back: at risk until the cut-off, and may return later.
    const PopulationSpell& s = spells[ep.spell];
    if (ep.last < start - kReturnWindowMonths) continue;
    expose(s, ep.last, start - 1 - ep.last);
    const int since = start - ep.last;
    if (since < kMaxReturnMonths && s.municipality >= 0 &&
        !PastAgeLimit(c, s.product, s.birth, start)) {
      c.ended_clients.push_back({s.municipality, s.group, since, s.birth});
    }
  }
  double returned = 0;
  for (ReturnBin& b : c.returns) {
    b.hazard = b.exposure > 0 ? b.returns / b.exposure : 0;
    returned += b.returns;
  }
  c.return_cdf.assign(kMaxReturnMonths + 1, 0.0);
  double survive = 1;
  for (int k = 1; k <= kMaxReturnMonths; ++k) {
    if (ReturnBin* b = bin_of(k)) survive *= 1 - b->hazard;
    c.return_cdf[k] = 1 - survive;
  }
  if (returned == 0) {
    c.return_cdf.clear();
    c.ended_clients.clear();
  }
  for (size_t g = 0; g < g_count; ++g) {
    double n = std::accumulate(return_group[g].begin(), return_group[g].end(), 0.0);
    c.groups[g].return_follow.assign(g_count, 0.0);
    for (size_t j = 0; j < g_count; ++j) {
      c.groups[g].return_follow[j] = n > 0 ? return_group[g][j] / n : (j == g ? 1 : 0);
    }
  }

  // Start ages of new assignments (not re-indications) and moves at re-indications,
  // from the last kAgeWindowMonths.
  std::vector<std::vector<double>> ages(p_count), group_ages(g_count);
  std::vector<double> moved_to(m_count, 0);
  double reindications = 0, moves = 0;
  for (const PopulationSpell& s : spells) {
    if (!s.known || s.first < start - kAgeWindowMonths) continue;
    if (s.reindication) {
      if (s.predecessor < 0 || s.municipality < 0) continue;
      const int from = spells[s.predecessor].municipality;
      if (from < 0) continue;
      reindications += 1;
      if (from != s.municipality) {
        moves += 1;
        moved_to[s.municipality] += 1;
      }
      continue;
    }
    int age = AgeMonths(s.birth, s.first);
    if (age < 0) continue;
    ages[s.product].push_back(age);
    group_ages[s.group].push_back(age);
  }
  for (size_t p = 0; p < p_count; ++p) {
    auto& src = ages[p].size() >= static_cast<size_t>(kMinStartAges)
                    ? ages[p]
                    : group_ages[c.products[p].group];
    std::vector<double> copy = src;
    c.products[p].start_age = Bins(copy, kStartAgeBins);
  }
  c.move = reindications > 0 ? moves / reindications : 0;
  c.move_n = reindications;
  c.move_to.clear();
  if (moves > 0) {
    // Destinations as observed, with half a move added to every municipality so one
    // not seen as a destination yet can still be one.
    double sum = moves + 0.5 * static_cast<double>(m_count);
    for (size_t m = 0; m < m_count; ++m) c.move_to.push_back((moved_to[m] + 0.5) / sum);
  }
}

}  // namespace jr::forecast
