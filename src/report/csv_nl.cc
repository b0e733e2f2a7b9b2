#include "report/csv_nl.h"

#include <fmt/format.h>

#include <cmath>
#include <string_view>

namespace jr::report {
namespace {

// A number with a decimal comma and no thousands separator: "-1234,5".
std::string DecimalComma(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (size_t dot = s.find('.'); dot != std::string::npos) s[dot] = ',';
  return s;
}

std::string Field(const Column& c, const Cell& cell) {
  if (std::holds_alternative<std::monostate>(cell)) return "";
  if (auto* s = std::get_if<std::string>(&cell)) {
    // Formula injection (OWASP): a leading quote keeps the text text.
    if (!s->empty() && std::string_view("=+-@\t\r").find(s->front()) != std::string::npos)
      return "'" + *s;
    return *s;
  }
  if (auto* i = std::get_if<int64_t>(&cell)) return std::to_string(*i);
  if (auto* m = std::get_if<Money>(&cell)) {
    const int64_t cents = m->cents();
    const uint64_t abs =
        cents < 0 ? 0 - static_cast<uint64_t>(cents) : static_cast<uint64_t>(cents);
    return fmt::format("{}{},{:02}", cents < 0 ? "-" : "", abs / 100, abs % 100);
  }
  const double d = std::get<double>(cell);
  if (!std::isfinite(d)) return "";
  if (c.type == ColumnType::kPercent) return DecimalComma(d * 100, c.decimals) + "%";
  return DecimalComma(d, std::max(c.decimals, 0));
}

std::string Quote(const std::string& s) {
  if (s.find_first_of(";\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string RenderCsvNl(const Table& t) {
  std::string out = "\xEF\xBB\xBF";
  out += "Soort";
  for (const Column& c : t.columns) out += ";" + Quote(c.label);
  out += "\r\n";
  for (const Row& row : t.rows) {
    out += row.kind == RowKind::kTotal ? "totaal" : "gegevens";
    for (size_t c = 0; c < t.columns.size(); ++c)
      out += ";" + Quote(Field(t.columns[c], row[c]));
    out += "\r\n";
  }
  return out;
}

Table WithDataset(Table t, const std::string& label) {
  if (label.empty()) return t;
  t.columns.emplace_back("dataset", "Gegevens");
  for (Row& row : t.rows) row.cells.emplace_back(label);
  return t;
}

}  // namespace jr::report
