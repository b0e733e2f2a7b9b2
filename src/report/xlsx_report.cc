#include "report/xlsx_report.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>

namespace jr::report {
namespace {

constexpr size_t kMaxSheetName = 31;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The cell formats of the workbook, one per column type.
struct Formats {
  lxw_format* title = nullptr;
  lxw_format* header = nullptr;
  lxw_format* note = nullptr;
  lxw_format* money = nullptr;
  lxw_format* cents = nullptr;
  lxw_format* integer = nullptr;
  lxw_format* year = nullptr;
  lxw_format* percent[4] = {};  // by decimals 0..3
  lxw_format* number[4] = {};

  explicit Formats(lxw_workbook* wb) {
    auto make = [wb](const char* num_format) {
      lxw_format* f = workbook_add_format(wb);
      format_set_num_format(f, num_format);
      return f;
    };
    title = workbook_add_format(wb);
    format_set_bold(title);
    format_set_font_size(title, 13);
    header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_bottom(header, LXW_BORDER_THIN);
    format_set_text_wrap(header);
    note = workbook_add_format(wb);
    format_set_italic(note);
    money = make("[$\xE2\x82\xAC-413] #,##0");
    cents = make("[$\xE2\x82\xAC-413] #,##0.00");
    integer = make("#,##0");
    year = make("0");
    const char* kPercent[] = {"0%", "0.0%", "0.00%", "0.000%"};
    const char* kNumber[] = {"#,##0", "#,##0.0", "#,##0.00", "#,##0.000"};
    for (int d = 0; d < 4; ++d) {
      percent[d] = make(kPercent[d]);
      number[d] = make(kNumber[d]);
    }
  }

  lxw_format* For(const Column& c) const {
    int d = std::clamp(c.decimals, 0, 3);
    switch (c.type) {
      case ColumnType::kText:
        return nullptr;
      case ColumnType::kInt:
        return integer;
      case ColumnType::kYear:
        return year;
      case ColumnType::kMoney:
        return money;
      case ColumnType::kCents:
        return cents;
      case ColumnType::kNumber:
        return number[d];
      case ColumnType::kPercent:
        return percent[d];
    }
    return nullptr;
  }
};

void WriteCell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Cell& cell,
               lxw_format* format) {
  if (auto* s = std::get_if<std::string>(&cell)) {
    worksheet_write_string(ws, row, col, s->c_str(), nullptr);
  } else if (auto* i = std::get_if<int64_t>(&cell)) {
    worksheet_write_number(ws, row, col, static_cast<double>(*i), format);
  } else if (auto* m = std::get_if<Money>(&cell)) {
    worksheet_write_number(ws, row, col, static_cast<double>(m->cents()) / 100.0, format);
  } else if (auto* d = std::get_if<double>(&cell); d != nullptr && std::isfinite(*d)) {
    worksheet_write_number(ws, row, col, *d, format);
  }
}

// The title, the data-set label (when there is one) and the header row; returns the
// header's row.
lxw_row_t WriteHead(lxw_worksheet* ws, const std::string& title,
                    const std::string& dataset, const Formats& f) {
  worksheet_write_string(ws, 0, 0, title.c_str(), f.title);
  if (!dataset.empty()) worksheet_write_string(ws, 1, 0, dataset.c_str(), f.note);
  return 3;
}

// A table under its title: a first column "Soort" (gegevens / totaal) so a pivot does
// not count a total row twice, then its columns, with an autofilter on the header.
void WriteSheet(lxw_worksheet* ws, const Table& t, const std::string& dataset,
                const Formats& f) {
  const lxw_row_t header = WriteHead(ws, t.title, dataset, f);
  worksheet_write_string(ws, header, 0, "Soort", f.header);
  worksheet_set_column(ws, 0, 0, 10, nullptr);
  for (size_t c = 0; c < t.columns.size(); ++c) {
    const Column& col = t.columns[c];
    auto cc = static_cast<lxw_col_t>(c + 1);
    worksheet_write_string(ws, header, cc, col.label.c_str(), f.header);
    double width = col.type == ColumnType::kText ? 16 : 14;
    worksheet_set_column(ws, cc, cc, width, nullptr);
  }
  worksheet_freeze_panes(ws, header + 1, 0);
  lxw_row_t row = header + 1;
  for (const Row& r : t.rows) {
    worksheet_write_string(ws, row, 0, r.kind == RowKind::kTotal ? "totaal" : "gegevens",
                           nullptr);
    for (size_t c = 0; c < r.cells.size(); ++c) {
      WriteCell(ws, row, static_cast<lxw_col_t>(c + 1), r[c], f.For(t.columns[c]));
    }
    ++row;
  }
  worksheet_autofilter(ws, header, 0, std::max(header, row - 1),
                       static_cast<lxw_col_t>(t.columns.size()));
  ++row;
  for (const std::string& n : t.notes)
    worksheet_write_string(ws, row++, 0, n.c_str(), f.note);
}

}  // namespace

std::string SheetName(const std::string& key, const std::vector<std::string>& taken) {
  std::string base;
  for (char c : key)
    base += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  if (base.empty()) base = "blad";
  base = base.substr(0, kMaxSheetName);
  std::vector<std::string> lower;
  for (const std::string& t : taken) lower.push_back(Lower(t));
  std::string name = base;
  for (int n = 2; std::find(lower.begin(), lower.end(), Lower(name)) != lower.end();
       ++n) {
    std::string suffix = fmt::format("_{}", n);
    name = base.substr(0, kMaxSheetName - suffix.size()) + suffix;
  }
  return name;
}

Status WriteXlsx(const Report& report, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) {
    return Status::Error(fmt::format("werkmap {} kan niet worden gemaakt", path));
  }
  Formats f(wb);
  lxw_worksheet* contents = workbook_add_worksheet(wb, "inhoud");
  const lxw_row_t header = WriteHead(contents, report.title, report.dataset, f);
  const char* kHeader[] = {"Blad", "Hoofdstuk", "Tabel"};
  for (lxw_col_t c = 0; c < 3; ++c) {
    worksheet_write_string(contents, header, c, kHeader[c], f.header);
    worksheet_set_column(contents, c, c, c == 0 ? 30 : 45, nullptr);
  }
  std::vector<std::string> names = {"inhoud"};
  lxw_row_t row = header + 1;
  for (const ReportSection& s : report.sections) {
    if (!s.municipality.empty()) continue;
    for (const Section& t : s.tables) {
      names.push_back(SheetName(t.key, names));
      lxw_worksheet* ws = workbook_add_worksheet(wb, names.back().c_str());
      WriteSheet(ws, t.table, report.dataset, f);
      worksheet_write_string(contents, row, 0, names.back().c_str(), nullptr);
      worksheet_write_string(contents, row, 1, s.title.c_str(), nullptr);
      worksheet_write_string(contents, row, 2, t.table.title.c_str(), nullptr);
      ++row;
    }
  }
  worksheet_autofilter(contents, header, 0, row - 1, 2);
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    return Status::Error(fmt::format("werkmap {} kan niet worden geschreven: {}", path,
                                     lxw_strerror(err)));
  }
  return Status::Ok();
}

}  // namespace jr::report
