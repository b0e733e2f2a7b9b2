#include "report/html_report.h"

#include <gtest/gtest.h>

#include "report/svg_chart.h"
#include "report/xlsx_report.h"

namespace jr::report {
namespace {

Report Small() {
  Report r;
  r.title = "Regio <test>";
  ReportSection s{"regio", "Regio in cijfers", {"Tekst & uitleg"}, {}, {}, ""};
  Chart c;
  c.title = "Kosten";
  c.unit = "EUR";
  c.categories = {"2024", "2025"};
  c.series = {{"Kosten", {1.5e6, 2.5e6}}};
  s.charts.push_back(c);
  Table t;
  t.title = "Tabel";
  t.columns = {{"year", "Jaar"}, {"cost_cents", "Kosten", ColumnType::kMoney}};
  t.AddRow({std::string("2025"), Money::FromCents(123456700)});
  s.tables.push_back({"zorggebruik", t});
  r.sections.push_back(s);
  r.sections.push_back({"gemeente_GM0505", "Gemeente Dordrecht", {}, {}, {}, "GM0505"});
  return r;
}

TEST(RenderHtml, SelfContainedWithEverySection) {
  std::string html = RenderHtml(Small());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<section id=\"regio\""), std::string::npos);
  EXPECT_NE(html.find("<section id=\"gemeente_GM0505\" class=\"municipality\""),
            std::string::npos);
  EXPECT_NE(html.find("<svg viewBox"), std::string::npos);
  EXPECT_NE(html.find("1.234.567"), std::string::npos);
  EXPECT_NE(html.find("Regio &lt;test&gt;"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
}

TEST(RenderHtml, TotalRowsAreMarkedByKindNotByText) {
  Report r;
  ReportSection s{"verrekening", "Verrekening", {}, {}, {}, ""};
  Table t;
  t.columns = {{"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
               {"cost_cents", "Kosten", ColumnType::kMoney}};
  t.AddRow({std::string("REGIO"), Money::FromCents(100)});
  t.AddRow({std::string("Samen"), Money::FromCents(200)}, RowKind::kTotal);
  s.tables.push_back({"verrekening", t});
  r.sections.push_back(s);
  const std::string html = RenderHtml(r);
  EXPECT_NE(html.find("<tr><td>REGIO</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("<tr class=\"total\"><td>Samen</td>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<tr class=\"total\"><td>REGIO"), std::string::npos);
}

TEST(RenderSvg, EmptyChartSaysSo) {
  EXPECT_NE(RenderSvg(Chart{}).find("geen gegevens"), std::string::npos);
}

TEST(RenderSvg, AxisShowsQuarterSteps) {
  Chart c;
  c.categories = {"a"};
  c.series = {{"s", {1.2}}};
  c.reference = 1.0;
  std::string svg = RenderSvg(c);
  EXPECT_NE(svg.find(">0,25<"), std::string::npos) << svg;
}

TEST(SheetName, ShortUniqueAndValid) {
  EXPECT_EQ(SheetName("a/b", {}), "a_b");
  EXPECT_EQ(SheetName("risico", {"inhoud", "Risico"}), "risico_2");
  EXPECT_EQ(SheetName(std::string(40, 'x'), {}).size(), 31u);
}

}  // namespace
}  // namespace jr::report
