#include "core/table.h"

#include <fmt/format.h>

#include <cassert>
#include <cmath>

namespace jr {
namespace {

bool IsNumeric(ColumnType t) { return t != ColumnType::kText; }

}  // namespace

std::string CellText(const Column& c, const Cell& cell) {
  if (std::holds_alternative<std::monostate>(cell)) return "";
  if (auto* s = std::get_if<std::string>(&cell)) return *s;
  if (auto* i = std::get_if<int64_t>(&cell)) {
    return c.type == ColumnType::kYear ? std::to_string(*i)
                                       : FormatNumber(static_cast<double>(*i), 0);
  }
  if (auto* m = std::get_if<Money>(&cell)) {
    return c.type == ColumnType::kCents ? m->ToString() : m->ToEuroString();
  }
  double d = std::get<double>(cell);
  if (!std::isfinite(d)) return "-";
  if (c.type == ColumnType::kPercent) return FormatNumber(d * 100, c.decimals) + "%";
  return FormatNumber(d, c.decimals);
}

namespace {

std::string RawCell(const Cell& cell) {
  if (std::holds_alternative<std::monostate>(cell)) return "";
  if (auto* s = std::get_if<std::string>(&cell)) return *s;
  if (auto* i = std::get_if<int64_t>(&cell)) return std::to_string(*i);
  if (auto* m = std::get_if<Money>(&cell)) return std::to_string(m->cents());
  double d = std::get<double>(cell);
  return std::isfinite(d) ? fmt::format("{}", d) : "";
}

std::string CsvQuote(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Display width in characters (UTF-8 continuation bytes do not count).
size_t Width(const std::string& s) {
  size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80;
  return w;
}

}  // namespace

void Table::AddRow(std::vector<Cell> cells, RowKind kind) {
  assert(cells.size() == columns.size());
  rows.push_back({std::move(cells), kind});
}

std::optional<size_t> Table::ColumnWith(ColumnRole role) const {
  for (size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].role == role) return c;
  }
  return std::nullopt;
}

Table Table::Filter(const std::function<bool(const Row&)>& keep) const {
  Table out{title, columns, {}, notes};
  for (const Row& row : rows) {
    if (keep(row)) out.rows.push_back(row);
  }
  return out;
}

std::string FormatNumber(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", std::abs(v), decimals);
  size_t dot = s.find('.');
  std::string whole = s.substr(0, dot),
              frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '.';
    grouped += whole[i];
  }
  bool zero = s.find_first_not_of("0.") == std::string::npos;
  return (v < 0 && !zero ? "-" : "") + grouped + (frac.empty() ? "" : "," + frac);
}

std::string RenderText(const Table& t) {
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width(t.columns.size());
  for (size_t c = 0; c < t.columns.size(); ++c) width[c] = Width(t.columns[c].label);
  for (const auto& row : t.rows) {
    std::vector<std::string> r;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      r.push_back(CellText(t.columns[c], row[c]));
      width[c] = std::max(width[c], Width(r.back()));
    }
    cells.push_back(std::move(r));
  }
  auto line = [&](const std::vector<std::string>& r) {
    std::string out;
    for (size_t c = 0; c < r.size(); ++c) {
      std::string pad(width[c] - Width(r[c]), ' ');
      if (c > 0) out += "  ";
      out += IsNumeric(t.columns[c].type) ? pad + r[c] : r[c] + pad;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out;
  if (!t.title.empty()) out += t.title + "\n";
  std::vector<std::string> header;
  for (const Column& c : t.columns) header.push_back(c.label);
  out += line(header);
  size_t total = 0;
  for (size_t w : width) total += w;
  out += std::string(total + 2 * (width.empty() ? 0 : width.size() - 1), '-') + "\n";
  for (const auto& r : cells) out += line(r);
  for (const std::string& n : t.notes) out += n + "\n";
  return out;
}

std::string RenderCsv(const Table& t) {
  std::string out;
  auto add_line = [&out](const std::vector<std::string>& fields) {
    for (size_t c = 0; c < fields.size(); ++c) {
      if (c > 0) out += ',';
      out += CsvQuote(fields[c]);
    }
    out += '\n';
  };
  std::vector<std::string> fields;
  for (const Column& c : t.columns) fields.push_back(c.key);
  add_line(fields);
  for (const auto& row : t.rows) {
    fields.clear();
    for (const Cell& cell : row.cells) {
      fields.push_back(RawCell(cell));
      // Formula injection (OWASP): a spreadsheet runs a text cell starting with one of
      // these as a formula; a leading quote makes it text. Numbers stay numbers.
      const std::string& f = fields.back();
      if (std::holds_alternative<std::string>(cell) && !f.empty() &&
          std::string_view("=+-@\t\r").find(f.front()) != std::string_view::npos) {
        fields.back().insert(0, 1, '\'');
      }
    }
    add_line(fields);
  }
  return out;
}

nlohmann::json ToJson(const Table& t) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& row : t.rows) {
    nlohmann::json obj = nlohmann::json::object();
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const Cell& cell = row[c];
      nlohmann::json& v = obj[t.columns[c].key];
      if (auto* s = std::get_if<std::string>(&cell))
        v = *s;
      else if (auto* i = std::get_if<int64_t>(&cell))
        v = *i;
      else if (auto* m = std::get_if<Money>(&cell))
        v = m->cents();
      else if (auto* d = std::get_if<double>(&cell))
        v = std::isfinite(*d) ? nlohmann::json(*d) : nlohmann::json();
    }
    arr.push_back(std::move(obj));
  }
  return arr;
}

std::string DumpJson(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Render(const Table& t, OutputFormat f) {
  switch (f) {
    case OutputFormat::kTable:
      return RenderText(t);
    case OutputFormat::kCsv:
      return RenderCsv(t);
    case OutputFormat::kJson:
      return DumpJson(ToJson(t), 2) + "\n";
  }
  return "";
}

Cell MoneyCell(const std::optional<Money>& m) {
  if (!m) return std::monostate{};
  return *m;
}

Cell FractionCell(const std::optional<double>& f) {
  if (!f) return std::monostate{};
  return *f;
}

std::string RenderSections(const std::vector<Section>& sections, OutputFormat f) {
  if (sections.size() == 1) return Render(sections.front().table, f);
  if (f == OutputFormat::kJson) {
    nlohmann::json out = nlohmann::json::object();
    for (const Section& s : sections) out[s.key] = ToJson(s.table);
    return DumpJson(out, 2) + "\n";
  }
  std::string out;
  for (const Section& s : sections) {
    if (!out.empty()) out += "\n";
    out += Render(s.table, f);
  }
  return out;
}

}  // namespace jr
