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
  // Declarations from the first day of `from_month`, summed per assignment and month
  // of their first day. The table is stored in (assignment, start_day) order, so rows
  // of one assignment-month are adjacent; the month is computed here, not in SQL.
  Statement q(store.handle(), R"sql(
SELECT assignment, start_day, amount_cents, volume_x100
FROM declaration
WHERE start_day >= ?
)sql");
  q.Bind(1, DayNumber(FirstOfMonth(FromMonthIndex(from_month))));
  std::string number;
  int assignment = -1;
  while (q.Step()) {
    std::string n = q.Text(0);
    if (n != number) {
      number = std::move(n);
      auto it = index.find(number);
      assignment = it == index.end() ? -1 : it->second;
    }
    if (assignment < 0) continue;
    Date d = FromDayNumber(static_cast<int>(q.Int(1)));
    int month = MonthIndex(d.year() / d.month());
    if (!h.months.empty() && h.months.back().assignment == assignment &&
        h.months.back().month == month) {
      h.months.back().cost_cents += q.Int(2);
      h.months.back().volume_x100 += q.Int(3);
    } else {
      h.months.push_back({assignment, month, q.Int(2), q.Int(3)});
    }
  }
  if (!q.status().ok()) return q.status();
  return h;
}

}  // namespace jr::forecast
