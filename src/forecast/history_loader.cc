#include "forecast/history_loader.h"

#include <string>
#include <unordered_map>

#include "store/statement.h"

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
  // Month of a declaration's first day as year*12 + month - 1 (MonthIndex).
  Statement q(store.handle(), R"sql(
SELECT assignment,
       CAST(strftime('%Y', start_day * 86400, 'unixepoch') AS INTEGER) * 12
         + CAST(strftime('%m', start_day * 86400, 'unixepoch') AS INTEGER) - 1 AS month,
       SUM(amount_cents), SUM(volume_x100)
FROM declaration
GROUP BY assignment, month
HAVING month >= ?
)sql");
  q.Bind(1, from_month);
  while (q.Step()) {
    auto it = index.find(q.Text(0));
    if (it == index.end()) continue;
    h.months.push_back({it->second, static_cast<int>(q.Int(1)), q.Int(2), q.Int(3)});
  }
  if (!q.status().ok()) return q.status();
  return h;
}

}  // namespace jr::forecast
