#include "report/table_filter.h"

#include <fmt/format.h>

namespace jr::report {

Table RowsWhere(const Table& t, const std::string& key, const std::string& value) {
  Table out = t;
  out.rows.clear();
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].key != key) continue;
    for (const auto& row : t.rows) {
      auto* s = std::get_if<std::string>(&row[c]);
      if (s != nullptr && *s == value) out.rows.push_back(row);
    }
  }
  return out;
}

Table RowsOf(const Table& t, const std::string& code) {
  return RowsWhere(t, "municipality", code);
}

bool IsClientCount(const std::string& key) {
  return key == "clients" || key == "assignments" || key == "running" ||
         key.starts_with("active_") || key.starts_with("new_");
}

Table SuppressSmallCounts(Table t) {
  bool suppressed = false;
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (!IsClientCount(t.columns[c].key)) continue;
    for (auto& row : t.rows) {
      double v = 0;
      if (auto* i = std::get_if<int64_t>(&row[c]))
        v = static_cast<double>(*i);
      else if (auto* d = std::get_if<double>(&row[c]))
        v = *d;
      if (v > 0 && v < kMinPublicCount) {
        row[c] = fmt::format("<{}", kMinPublicCount);
        suppressed = true;
      }
    }
  }
  if (suppressed) {
    t.notes.push_back(
        fmt::format("Openbare versie: aantallen onder de {} zijn vervangen door \"<{}\".",
                    kMinPublicCount, kMinPublicCount));
  }
  return t;
}

}  // namespace jr::report
