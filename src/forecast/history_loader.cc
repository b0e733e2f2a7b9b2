#include "forecast/history_loader.h"

#include <string>
#include <unordered_map>

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

}  // namespace jr::forecast
