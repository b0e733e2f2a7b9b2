#include "report/chart_from_table.h"

#include <algorithm>
#include <limits>

namespace jr::report {
namespace {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

int ColumnIndex(const Table& t, const std::string& key) {
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].key == key) return static_cast<int>(c);
  }
  return -1;
}

double Value(const Cell& cell) {
  if (auto* m = std::get_if<Money>(&cell)) return static_cast<double>(m->cents()) / 100.0;
  if (auto* i = std::get_if<int64_t>(&cell)) return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&cell)) return *d;
  return kNoValue;
}

std::string Text(const Table& t, int column, const Row& row) {
  return column < 0 ? "" : CellText(t.columns[column], row[column]);
}

const char* UnitOf(const Table& t, int column) {
  if (column < 0) return "";
  ColumnType type = t.columns[column].type;
  return type == ColumnType::kMoney || type == ColumnType::kCents ? "EUR" : "";
}

size_t IndexOf(std::vector<std::string>& list, const std::string& item) {
  auto it = std::find(list.begin(), list.end(), item);
  if (it != list.end()) return static_cast<size_t>(it - list.begin());
  list.push_back(item);
  return list.size() - 1;
}

}  // namespace

Chart ColumnsChart(const Table& t, Chart::Kind kind, const std::string& category_key,
                   const std::vector<std::string>& value_keys) {
  Chart c;
  c.kind = kind;
  c.title = t.title;
  const int category = ColumnIndex(t, category_key);
  for (const auto& row : t.rows) c.categories.push_back(Text(t, category, row));
  for (const std::string& key : value_keys) {
    const int column = ColumnIndex(t, key);
    if (c.series.empty()) c.unit = UnitOf(t, column);
    Series s{column < 0 ? key : t.columns[column].label, {}};
    for (const auto& row : t.rows)
      s.values.push_back(column < 0 ? kNoValue : Value(row[column]));
    c.series.push_back(std::move(s));
  }
  return c;
}

Chart PivotChart(const Table& t, Chart::Kind kind, const std::string& category_key,
                 const std::string& series_key, const std::string& value_key) {
  Chart c;
  c.kind = kind;
  c.title = t.title;
  const int category = ColumnIndex(t, category_key);
  const int series = ColumnIndex(t, series_key);
  const int value = ColumnIndex(t, value_key);
  c.unit = UnitOf(t, value);
  std::vector<std::string> names;
  for (const auto& row : t.rows) {
    const size_t x = IndexOf(c.categories, Text(t, category, row));
    const size_t s = IndexOf(names, Text(t, series, row));
    if (s == c.series.size()) c.series.push_back({names.back(), {}});
    c.series[s].values.resize(std::max(c.series[s].values.size(), x + 1), kNoValue);
    c.series[s].values[x] = value < 0 ? kNoValue : Value(row[value]);
  }
  for (Series& s : c.series) s.values.resize(c.categories.size(), kNoValue);
  return c;
}

}  // namespace jr::report
