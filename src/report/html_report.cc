#include "report/html_report.h"

#include <fmt/format.h>

#include "core/xml_escape.h"
#include "report/svg_chart.h"

namespace jr::report {
namespace {

constexpr const char* kStyle = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #222; margin: 2em auto;
  max-width: 1100px; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { border-bottom: 2px solid #4e79a7; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
.subtitle { color: #555; margin: 0.1em 0; }
nav ol { columns: 2; }
nav a { color: #4e79a7; text-decoration: none; }
figure { margin: 1em 0; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 0.3em; }
figure p { font-size: 0.85em; color: #555; margin: 0.2em 0; }
svg { width: 100%; height: auto; font-size: 11px; }
svg .grid { stroke: #ddd; }
.table { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.8em; margin-bottom: 0.5em; }
th, td { padding: 2px 6px; border-bottom: 1px solid #e4e4e4; white-space: nowrap; }
th { background: #eef2f7; text-align: left; vertical-align: bottom; }
td.n, th.n { text-align: right; }
tr.total td { font-weight: bold; border-top: 1px solid #999; }
.note { font-size: 0.8em; color: #555; margin: 0.2em 0; }
.absent { background: #fff8e1; border-left: 4px solid #edc948; padding: 0.5em 1em; }
section.municipality h2 { border-color: #f28e2b; }
@page { size: A4; margin: 14mm 12mm 16mm;
  @bottom-center { content: "pagina " counter(page) " van " counter(pages);
    font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #555; } }
@page wide { size: A4 landscape; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  nav { break-after: page; }
  section { break-before: page; }
  .table { overflow: visible; }
  table { font-size: 6.5pt; }
  th, td { padding: 1px 3px; white-space: normal; }
  th { overflow-wrap: anywhere; }
  div.wide { page: wide; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  a { color: inherit; }
}
)";

bool IsNumeric(ColumnType t) { return t != ColumnType::kText; }

std::string HtmlTable(const Table& t) {
  // A table of many columns prints on a landscape page (print CSS: page "wide").
  std::string out =
      t.columns.size() > 10 ? "<div class=\"table wide\">" : "<div class=\"table\">";
  if (!t.title.empty()) out += "<h3>" + EscapeXml(t.title) + "</h3>";
  out += "<table><thead><tr>";
  for (const Column& c : t.columns) {
    out += fmt::format("<th{}>{}</th>", IsNumeric(c.type) ? " class=\"n\"" : "",
                       EscapeXml(c.label));
  }
  out += "</tr></thead><tbody>";
  for (const Row& row : t.rows) {
    out += row.kind == RowKind::kTotal ? "<tr class=\"total\">" : "<tr>";
    for (size_t c = 0; c < row.cells.size(); ++c) {
      out +=
          fmt::format("<td{}>{}</td>", IsNumeric(t.columns[c].type) ? " class=\"n\"" : "",
                      EscapeXml(CellText(t.columns[c], row[c])));
    }
    out += "</tr>";
  }
  if (t.rows.empty()) {
    out +=
        fmt::format("<tr><td colspan=\"{}\">Geen gegevens.</td></tr>", t.columns.size());
  }
  out += "</tbody></table>";
  for (const std::string& n : t.notes)
    out += "<p class=\"note\">" + EscapeXml(n) + "</p>";
  return out + "</div>\n";
}

std::string HtmlFigure(const Chart& c) {
  std::string out = "<figure><figcaption>" + EscapeXml(c.title) + "</figcaption>";
  out += RenderSvg(c);
  if (!c.note.empty()) out += "<p>" + EscapeXml(c.note) + "</p>";
  return out + "</figure>\n";
}

std::string HtmlSection(const ReportSection& s) {
  const bool absent = s.charts.empty() && s.tables.empty();
  std::string out = fmt::format("<section id=\"{}\"{}>\n<h2>{}</h2>\n", EscapeXml(s.key),
                                s.municipality.empty() ? "" : " class=\"municipality\"",
                                EscapeXml(s.title));
  for (const std::string& p : s.text) {
    out += fmt::format("<p{}>{}</p>\n", absent ? " class=\"absent\"" : "", EscapeXml(p));
  }
  for (const Chart& c : s.charts) out += HtmlFigure(c);
  for (const Section& t : s.tables) out += HtmlTable(t.table);
  return out + "</section>\n";
}

}  // namespace

std::string RenderHtml(const Report& r) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + EscapeXml(r.title) + "</title>\n<style>" + kStyle +
         "</style>\n</head>\n";
  out += "<body>\n<header>\n<h1>" + EscapeXml(r.title) + "</h1>\n";
  for (const std::string& line : r.subtitle) {
    out += "<p class=\"subtitle\">" + EscapeXml(line) + "</p>\n";
  }
  out += "</header>\n<nav>\n<h2>Inhoud</h2>\n<ol>\n";
  for (const ReportSection& s : r.sections) {
    out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", EscapeXml(s.key),
                       EscapeXml(s.title));
  }
  out += "</ol>\n</nav>\n";
  for (const ReportSection& s : r.sections) out += HtmlSection(s);
  return out + "</body>\n</html>\n";
}

}  // namespace jr::report
