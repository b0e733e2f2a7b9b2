#include "report/table_filter.h"

#include <fmt/format.h>

namespace jr::report {
namespace {

// The rows whose column `column` holds the text `value`; none without that column.
Table RowsWithText(const Table& t, std::optional<size_t> column,
                   const std::string& value) {
  return t.Filter(
      [&](const Row& row) { return column.has_value() && row[*column] == Cell(value); });
}

}  // namespace

Table RowsWhere(const Table& t, const std::string& key, const std::string& value) {
  std::optional<size_t> column;
  for (size_t c = 0; c < t.columns.size() && !column; ++c) {
    if (t.columns[c].key == key) column = c;
  }
  return RowsWithText(t, column, value);
}

Table RowsOf(const Table& t, const std::string& code) {
  return RowsWithText(t, t.ColumnWith(ColumnRole::kMunicipality), code);
}

Table TotalRows(const Table& t) {
  return t.Filter([](const Row& row) { return row.kind == RowKind::kTotal; });
}

Table DetailRows(const Table& t) {
  return t.Filter([](const Row& row) { return row.kind == RowKind::kDetail; });
}

Table SuppressSmallCounts(Table t) {
  bool suppressed = false;
  const std::string small = fmt::format("<{}", kMinPublicCount);
  for (Row& row : t.rows) {
    bool small_cell = false;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (t.columns[c].role != ColumnRole::kClientCount) continue;
      double v = 0;
      if (auto* i = std::get_if<int64_t>(&row[c]))
        v = static_cast<double>(*i);
      else if (auto* d = std::get_if<double>(&row[c]))
        v = *d;
      if (v > 0 && v < kMinPublicCount) {
        row[c] = small;
        small_cell = true;
      }
    }
    if (!small_cell) continue;
    suppressed = true;
    // Every other figure of the cell goes too: the cost of one child is as telling
    // as the count.
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const ColumnType type = t.columns[c].type;
      if (t.columns[c].role == ColumnRole::kClientCount || type == ColumnType::kText ||
          type == ColumnType::kYear) {
        continue;
      }
      if (std::holds_alternative<std::monostate>(row[c])) continue;
      row[c] = std::string("x");
    }
  }
  if (suppressed) {
    t.notes.push_back(fmt::format(
        "Openbare versie: aantallen onder de {0} zijn vervangen door \"<{0}\" en de "
        "andere cijfers van die rij (kosten, per inwoner) door \"x\".",
        kMinPublicCount));
  }
  return t;
}

}  // namespace jr::report
