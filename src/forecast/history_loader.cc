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
  auto months = store.UseByAssignmentMonth(from_month);
  if (!months.ok()) return months.status();
  h.months.reserve(months->size());
  // Months of one assignment are adjacent: look its number up once.
  const std::string* number = nullptr;
  int assignment = -1;
  for (const AssignmentMonthUse& m : *months) {
    if (number == nullptr || *number != m.assignment) {
      number = &m.assignment;
      auto it = index.find(m.assignment);
      assignment = it == index.end() ? -1 : it->second;
    }
    if (assignment < 0) continue;
    h.months.push_back({assignment, m.month, m.cost.cents(), m.volume_x100});
  }
  return h;
}

}  // namespace jr::forecast
