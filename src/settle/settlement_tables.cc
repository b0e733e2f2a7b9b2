#include "settle/settlement_tables.h"

#include <fmt/format.h>

namespace jr::settle {
namespace {

Cell Optional(std::optional<double> v) { return v ? Cell(*v) : Cell(std::monostate{}); }

Cell Ratio(Money num, Money den) {
  if (den == Money()) return std::monostate{};
  return static_cast<double>(num.cents()) / static_cast<double>(den.cents());
}

const char* kTransferNote =
    "Bijdrage = aandeel in de gedeelde zorg + aandeel in de vaste regionale kosten + "
    "eigen lokale kosten. Eigen gebruik = eigen gedeclareerde zorg + eigen lokale "
    "kosten + aandeel in de vaste regionale kosten naar inwoners (onder elk model "
    "gelijk). Saldo = bijdrage - eigen gebruik (positief: betaalt mee voor andere "
    "gemeenten); de saldi van een jaar tellen op tot 0. Rijksbudget jeugd: het deel "
    "jeugd van de uitkering uit het gemeentefonds.";

}  // namespace

Table SettlementTable(const std::vector<YearSettlement>& results, bool with_totals) {
  Table t;
  t.title = "Verrekening per gemeente";
  t.columns = {{"model", "Model"},
               {"year", "Jaar", ColumnType::kYear},
               {"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
               {"name", "Naam"},
               {"contribution_cents", "Bijdrage (EUR)", ColumnType::kMoney},
               {"own_use_cents", "Eigen gebruik (EUR)", ColumnType::kMoney},
               {"state_grant_cents", "Rijksbudget jeugd (EUR)", ColumnType::kMoney},
               {"transfer_cents", "Saldo (EUR)", ColumnType::kMoney},
               {"contribution_ratio", "Bijdrage/gebruik", ColumnType::kNumber, 2},
               {"grant_ratio", "Rijksbudget/gebruik", ColumnType::kNumber, 2}};
  for (const YearSettlement& s : results) {
    MunicipalitySettlement total;
    for (const MunicipalitySettlement& m : s.municipalities) {
      t.AddRow({s.model, int64_t{s.year}, m.code, m.name, m.contribution, m.own_use,
                m.state_grant, m.transfer(), Optional(m.contribution_ratio()),
                Optional(m.grant_ratio())});
      total.contribution += m.contribution;
      total.own_use += m.own_use;
      total.state_grant += m.state_grant;
    }
    if (with_totals) {
      t.AddRow({s.model, int64_t{s.year}, "REGIO", "Totaal regio", total.contribution,
                total.own_use, total.state_grant, total.transfer(),
                Optional(total.contribution_ratio()), Optional(total.grant_ratio())},
               RowKind::kTotal);
    }
  }
  t.notes.push_back(kTransferNote);
  return t;
}

Table CompareTable(const std::vector<YearSettlement>& results) {
  const YearSettlement& first = results.front();
  Table t;
  t.title = fmt::format("Verrekening {} per model", first.year);
  t.columns = {{"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
               {"name", "Naam"},
               {"own_use_cents", "Eigen gebruik", ColumnType::kMoney},
               {"state_grant_cents", "Rijksbudget jeugd", ColumnType::kMoney}};
  for (const YearSettlement& s : results) {
    t.columns.push_back({fmt::format("contribution_{}_cents", s.model),
                         fmt::format("Bijdrage {}", s.model), ColumnType::kMoney});
    t.columns.push_back({fmt::format("transfer_{}_cents", s.model),
                         fmt::format("Saldo {}", s.model), ColumnType::kMoney});
  }
  const size_t n = first.municipalities.size();
  for (size_t m = 0; m <= n; ++m) {
    const bool total = m == n;
    std::vector<Cell> row;
    if (total) {
      Money own_use, grant;
      for (const auto& x : first.municipalities) {
        own_use += x.own_use;
        grant += x.state_grant;
      }
      row = {std::string("REGIO"), std::string("Totaal regio"), own_use, grant};
    } else {
      const MunicipalitySettlement& x = first.municipalities[m];
      row = {x.code, x.name, x.own_use, x.state_grant};
    }
    for (const YearSettlement& s : results) {
      Money contribution, transfer;
      for (size_t i = 0; i < n; ++i) {
        if (!total && i != m) continue;
        contribution += s.municipalities[i].contribution;
        transfer += s.municipalities[i].transfer();
      }
      row.push_back(contribution);
      row.push_back(transfer);
    }
    t.AddRow(std::move(row), total ? RowKind::kTotal : RowKind::kDetail);
  }
  t.notes.push_back(kTransferNote);
  t.notes.push_back(
      "Het totaal van de bijdragen is onder elk model gelijk; alleen de verdeling "
      "verschilt.");
  return t;
}

Table RiskTable(const RiskResult& risk) {
  Table t;
  t.title = fmt::format("Risico van de bijdrage {} ({} bootstrapruns, seed {})",
                        risk.year, risk.runs, risk.seed);
  t.columns = {
      {"model", "Model"},
      {"year", "Jaar", ColumnType::kYear},
      {"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
      {"name", "Naam"},
      {"contribution_cents", "Bijdrage (EUR)", ColumnType::kMoney},
      {"stddev_cents", "Std.afw. (EUR)", ColumnType::kMoney},
      {"p95_minus_median_cents", "P95-mediaan (EUR)", ColumnType::kMoney},
      {"p95_cents", "P95 (EUR)", ColumnType::kMoney},
      {"stddev_per_inhabitant", "Std.afw./inw. (EUR)", ColumnType::kNumber, 2},
      {"p95_minus_median_per_inhabitant", "P95-med./inw. (EUR)", ColumnType::kNumber, 2},
      {"stddev_ratio", "Std.afw./bijdrage", ColumnType::kPercent, 1}};
  for (const RiskRow& r : risk.rows) {
    t.AddRow({r.model, int64_t{risk.year}, r.municipality, r.name, r.realised, r.stddev,
              r.spread(), r.p95, Optional(r.PerInhabitant(r.stddev)),
              Optional(r.PerInhabitant(r.spread())), Ratio(r.stddev, r.realised)});
  }
  t.notes.push_back(
      "Bootstrap: per run worden de cliënten van elke gemeente met teruglegging opnieuw "
      "getrokken en wordt elk model opnieuw toegepast. Std.afw. en P95-mediaan tonen "
      "hoeveel "
      "de bijdrage door toeval kan schommelen.");
  return t;
}

}  // namespace jr::settle
