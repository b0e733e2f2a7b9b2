#include "forecast/history_loader.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace jr::forecast {

Result<History> LoadHistory(const Store& store, int from_month) {
  History h;
  auto region = store.LoadRegion();
  if (!region.ok()) return region.status();
  h.region = std::move(region).value();
  auto products = store.LoadProducts();
  if (!products.ok()) return products.status();
  h.products = std::move(products).value();
  auto tariffs = store.LoadTariffs();
  if (!tariffs.ok()) return tariffs.status();
  h.tariffs = std::move(tariffs).value();
  auto assignments = store.LoadAssignments();
  if (!assignments.ok()) return assignments.status();
  h.assignments = std::move(assignments).value();
  auto clients = store.LoadClients();
  if (!clients.ok()) return clients.status();
  h.clients = std::move(clients).value();

  std::unordered_map<std::string, int> index;
  index.reserve(h.assignments.size());
  for (size_t i = 0; i < h.assignments.size(); ++i) {
    index.emplace(h.assignments[i].number, static_cast<int>(i));
  }
  // Months of one assignment are adjacent: look its number up once.
  std::string number;
  int assignment = -1;
  Status visited =
      store.ForEachAssignmentMonth(from_month, [&](const AssignmentMonthUse& m) {
        if (number != m.assignment) {
          number = m.assignment;
          auto it = index.find(number);
          assignment = it == index.end() ? -1 : it->second;
        }
        if (assignment >= 0) {
          h.months.push_back({assignment, m.month, m.cost.cents(), m.volume_x100});
        }
      });
  if (!visited.ok()) return visited;
  return h;
}

int LastCompleteMonth(const History& h) {
  if (h.months.empty()) return -1;
  auto [lo, hi] =
      std::minmax_element(h.months.begin(), h.months.end(),
                          [](const AssignmentMonth& a, const AssignmentMonth& b) {
                            return a.month < b.month;
                          });
  const int first = lo->month;
  std::vector<double> cost(hi->month - first + 1, 0.0);  // region cost per month
  for (const AssignmentMonth& m : h.months) cost[m.month - first] += m.cost_cents;
  int last = static_cast<int>(cost.size()) - 1;
  while (last >= 0 && cost[last] <= 0) --last;
  if (last < 0) return -1;
  double before = 0;
  for (int k = 1; k <= 3 && last - k >= 0; ++k) before += cost[last - k];
  return first + (cost[last] < 0.5 * before / 3 ? last - 1 : last);
}

}  // namespace jr::forecast
