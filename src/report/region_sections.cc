// The sections computed from the care data alone: overview, settlement, risk, and the
// municipality pages that take their rows from every region section.
#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "forecast/lever.h"
#include "report/chart_from_table.h"
#include "report/sections.h"
#include "report/table_filter.h"
#include "report/use_table.h"
#include "settle/settlement_tables.h"

namespace jr::report {
namespace {

// Years shown in the ratio figures, as in seed 002 (four years, 2015-2018).
constexpr int kRatioYears = 4;

Chart RatioChart(const Table& settlement, const std::string& category,
                 const std::string& series, const std::string& ratio, std::string title) {
  Chart c = PivotChart(settlement, Chart::Kind::kBars, category, series, ratio);
  c.title = std::move(title);
  c.reference = 1.0;
  c.note = "Boven 1 (stippellijn): meer dan het eigen gebruik.";
  return c;
}

}  // namespace

ReportSection AbsentSection(std::string key, std::string title, std::string how) {
  return {std::move(key),
          std::move(title),
          {"Dit hoofdstuk is niet opgenomen. " + std::move(how)},
          {},
          {},
          ""};
}

ReportSection OverviewSection(const Region& region, const std::vector<UseRow>& use) {
  ReportSection s{"regio", "Regio in cijfers", {}, {}, {}, ""};
  Table t = UseTable(region, use, 0, true);
  Table totals = TotalRows(t);
  totals.title = "Kosten van de regio per jaar";
  s.charts.push_back(ColumnsChart(totals, Chart::Kind::kBars, "year", {"cost_cents"}));
  if (!totals.rows.empty()) {
    const Cell& last_year = totals.rows.back()[2];
    Table last =
        DetailRows(t).Filter([&](const Row& row) { return row[2] == last_year; });
    last.title = "Kosten per inwoner per gemeente, " +
                 std::to_string(std::get<int64_t>(last_year));
    s.charts.push_back(
        ColumnsChart(last, Chart::Kind::kBars, "name", {"cost_per_inhabitant"}));
    s.text.push_back(
        fmt::format("{} gemeenten, gegevens over {} jaar. Kosten zijn gedeclareerde "
                    "zorg; een cliënt telt "
                    "mee bij de gemeente die verantwoordelijk is (woonplaatsbeginsel).",
                    region.municipalities().size(), totals.rows.size()));
  }
  s.tables.push_back({"zorggebruik", std::move(t)});
  return s;
}

ReportSection SettlementSection(
    const std::vector<std::vector<settle::YearSettlement>>& results, int year) {
  ReportSection s{"verrekening", "Verrekening per model", {}, {}, {}, ""};
  s.text.push_back(
      "Wie betaalt wat: per model de bijdrage van elke gemeente naast haar eigen gebruik "
      "en haar rijksbudget jeugd (het deel jeugd van de uitkering uit het "
      "gemeentefonds). Het eigen gebruik is de eigen gedeclareerde zorg, de eigen "
      "lokale kosten en het aandeel in de vaste regionale kosten naar inwoners; het is "
      "onder elk model gelijk. Het totaal van de bijdragen is onder elk model gelijk "
      "aan het totaal van het eigen gebruik, dus de saldi (bijdrage min eigen gebruik) "
      "tellen per jaar op tot 0 en zijn onder profijt allemaal 0. De figuren tonen, "
      "zoals in de evaluatie van 2019, per gemeente en jaar de bijdrage en het "
      "rijksbudget jeugd ten opzichte van het eigen gebruik.");
  std::vector<settle::YearSettlement> compared;
  for (const auto& by_year : results) {
    for (const settle::YearSettlement& y : by_year) {
      if (y.year == year) compared.push_back(y);
    }
  }
  if (!compared.empty())
    s.tables.push_back({"verrekening_vergelijking", settle::CompareTable(compared)});
  for (const auto& by_year : results) {
    if (by_year.empty()) continue;
    const std::string& model = by_year.front().model;
    const size_t first = by_year.size() > kRatioYears ? by_year.size() - kRatioYears : 0;
    std::vector<settle::YearSettlement> recent(by_year.begin() + static_cast<long>(first),
                                               by_year.end());
    Table chart_rows = settle::SettlementTable(recent, false);
    if (&by_year == &results.front()) {
      s.charts.push_back(RatioChart(
          chart_rows, "name", "year", "grant_ratio",
          "Rijksbudget jeugd ten opzichte van eigen gebruik, per gemeente en jaar"));
    }
    s.charts.push_back(RatioChart(
        chart_rows, "name", "year", "contribution_ratio",
        fmt::format(
            "Bijdrage ten opzichte van eigen gebruik, per gemeente en jaar (model {})",
            model)));
    Table t = settle::SettlementTable(by_year, true);
    t.title = fmt::format("Verrekening per gemeente en jaar, model {}", model);
    s.tables.push_back({"verrekening_" + model, std::move(t)});
  }
  return s;
}

ReportSection RiskSection(const settle::RiskResult& risk) {
  ReportSection s{"risico", "Risico per model", {}, {}, {}, ""};
  s.text.push_back(
      "Hoeveel kan de bijdrage van een gemeente door toeval schommelen? Per model is de "
      "spreiding berekend door de cliënten van elk jaar opnieuw te trekken (bootstrap). "
      "Kleine "
      "gemeenten dragen zonder solidariteit een groter risico per inwoner.");
  Table t = settle::RiskTable(risk);
  Chart c = PivotChart(t, Chart::Kind::kBars, "name", "model", "stddev_per_inhabitant");
  c.title =
      fmt::format("Standaardafwijking van de bijdrage per inwoner (EUR), {}", risk.year);
  s.charts.push_back(std::move(c));
  s.tables.push_back({"risico", std::move(t)});
  return s;
}

Chart OwnUseChart(const Municipality& m,
                  const std::vector<settle::YearSettlement>& settled,
                  const Table& yearly) {
  constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  auto euros = [](Money v) { return static_cast<double>(v.cents()) / 100.0; };
  Chart c;
  c.kind = Chart::Kind::kFan;
  c.unit = "EUR";
  c.title = "Eigen gebruik per jaar, prognose en rijksbudget jeugd: " + m.name;
  c.series = {{"Prognose P10", {}},
              {"Prognose (mediaan)", {}},
              {"P90", {}},
              {"Eigen gebruik (verrekening)", {}},
              {"Rijksbudget jeugd", {}, true}};
  auto add = [&](int year, double low, double mid, double high, double own,
                 double budget) {
    c.categories.push_back(std::to_string(year));
    const double values[] = {low, mid, high, own, budget};
    for (size_t i = 0; i < c.series.size(); ++i) c.series[i].values.push_back(values[i]);
  };
  int last_year = 0;
  Money other_costs;  // local costs and fixed share of the last settled year
  for (const settle::YearSettlement& y : settled) {
    for (const settle::MunicipalitySettlement& s : y.municipalities) {
      if (s.code != m.code) continue;
      add(y.year, kNone, kNone, kNone, euros(s.own_use), euros(s.state_grant));
      last_year = y.year;
      other_costs = s.local_costs + s.fixed_share;
    }
  }
  if (last_year == 0) return c;
  // The band starts at the last own use, so history and forecast join.
  for (size_t i = 0; i < 3; ++i) c.series[i].values.back() = c.series[3].values.back();
  auto column = [&](const char* key) {
    for (size_t i = 0; i < yearly.columns.size(); ++i) {
      if (yearly.columns[i].key == key) return i;
    }
    return yearly.columns.size();
  };
  const size_t period = column("period"), months = column("months");
  const size_t quantile[] = {column("cost_p10_cents"), column("cost_p50_cents"),
                             column("cost_p90_cents")};
  const Table own = RowsWhere(RowsOf(yearly, m.code), "group", forecast::kAllGroups);
  for (const Row& r : own.rows) {
    const int year = static_cast<int>(std::get<int64_t>(r[period]));
    // A year the horizon covers in part is no comparable amount.
    if (year <= last_year || std::get<int64_t>(r[months]) < 12) continue;
    double q[3];
    for (size_t i = 0; i < 3; ++i)
      q[i] = euros(std::get<Money>(r[quantile[i]]) + other_costs);
    add(year, q[0], q[1], q[2], kNone, kNone);
  }
  c.note = fmt::format(
      "Lijn: eigen gebruik zoals in de verrekening (zorg, lokale kosten en aandeel vaste "
      "kosten). Band: prognose, 80% van de replicaties (P10-P90), met de mediaan als "
      "lijn; prognose = gedeclareerde zorg uit de microsimulatie plus de lokale en vaste "
      "kosten van {}. Stippellijn: rijksbudget jeugd.",
      last_year);
  return c;
}

ReportSection MunicipalityPage(const Municipality& m,
                               const std::vector<ReportSection>& region,
                               const Table& settlement,
                               const std::vector<settle::YearSettlement>& settled,
                               const Table& yearly) {
  ReportSection s{"gemeente_" + m.code, "Gemeente " + m.name, {}, {}, {}, m.code};
  s.text.push_back(
      fmt::format("De cijfers van {} ({}) uit de hoofdstukken hierboven: verrekening, "
                  "risico, scenario's en prognose.",
                  m.name, m.code));
  if (!settled.empty()) s.charts.push_back(OwnUseChart(m, settled, yearly));
  Table own = RowsOf(settlement, m.code);
  if (!own.rows.empty()) {
    s.charts.push_back(
        RatioChart(own, "year", "model", "contribution_ratio",
                   "Bijdrage ten opzichte van eigen gebruik, per model en jaar"));
    // The state grant does not depend on the model: the rows of the first model.
    const Table grant = RowsWhere(own, "model", CellText(own.columns[0], own.rows[0][0]));
    Chart c = ColumnsChart(grant, Chart::Kind::kBars, "year", {"grant_ratio"});
    c.title = "Rijksbudget jeugd ten opzichte van eigen gebruik, per jaar";
    c.reference = 1.0;
    s.charts.push_back(std::move(c));
  }
  for (const ReportSection& r : region) {
    for (const Section& t : r.tables) {
      Table rows = RowsOf(t.table, m.code);
      if (rows.rows.empty()) continue;
      s.tables.push_back({t.key + "_" + m.code, std::move(rows)});
    }
  }
  return s;
}

}  // namespace jr::report
