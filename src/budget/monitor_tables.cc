#include "budget/monitor_tables.h"

#include <fmt/format.h>

namespace jr {
namespace {

void AddScenarioColumns(Table& t) {
  const char* labels[kScenarios][2] = {{"Plafond 1 rijksbudget jeugd", "Verschil 1"},
                                       {"Plafond 2 vaste basis", "Verschil 2"},
                                       {"Plafond 3 taakstellingspad", "Verschil 3"}};
  for (int s = 0; s < kScenarios; ++s) {
    t.columns.push_back(
        {fmt::format("cap{}_cents", s + 1), labels[s][0], ColumnType::kMoney});
    t.columns.push_back(
        {fmt::format("gap{}_cents", s + 1), labels[s][1], ColumnType::kMoney});
  }
}

void AddScenarioCells(std::vector<Cell>& row,
                      const std::array<std::optional<Money>, kScenarios>& cap,
                      const std::array<std::optional<Money>, kScenarios>& gap) {
  for (int s = 0; s < kScenarios; ++s) {
    row.push_back(MoneyCell(cap[s]));
    row.push_back(MoneyCell(gap[s]));
  }
}

const char* Source(bool from_store, bool known) {
  if (!known) return "";
  return from_store ? "database" : "configuratie";
}

}  // namespace

Table PathTable(const MonitorResult& r) {
  Table t;
  t.title = "Taakstellingspad (begroting + burap + taakstelling) en realisatie";
  t.columns = {{"year", "Jaar", ColumnType::kYear},
               {"budget_cents", "Begroting", ColumnType::kMoney},
               {"amendment_cents", "Burap", ColumnType::kMoney},
               {"target_cents", "Taakstelling", ColumnType::kMoney},
               {"annual_cost_cents", "Jaarkosten", ColumnType::kMoney},
               {"state_contribution_cents", "Extra rijksbijdrage", ColumnType::kMoney},
               {"cost_to_region_cents", "Kosten regio", ColumnType::kMoney},
               {"realised_cents", "Realisatie", ColumnType::kMoney},
               {"realised_source", "Bron", ColumnType::kText},
               {"forecast_cents", "Prognose", ColumnType::kMoney},
               {"gap_cents", "Verschil met pad", ColumnType::kMoney}};
  for (const MonitorRow& y : r.years) {
    const PathRow& p = y.path;
    t.AddRow({int64_t{p.year}, p.budget, p.amendment, p.target, p.annual_cost,
              MoneyCell(p.state_contribution), p.cost_to_region, MoneyCell(y.realised),
              std::string(Source(y.realised_from_store, y.realised.has_value())),
              MoneyCell(y.forecast), MoneyCell(y.path_gap)});
  }
  t.notes = {
      "Jaarkosten = begroting + burap + taakstelling; begroting volgend jaar = "
      "jaarkosten;",
      "kosten regio = jaarkosten - extra rijksbijdrage (onbekend telt als 0; niet het "
      "rijksbudget jeugd van scenario 1).",
      "Verschil met pad = realisatie (of prognose) - jaarkosten; positief = boven het "
      "pad."};
  return t;
}

Table ScenarioTable(const MonitorResult& r) {
  Table t;
  t.title = "Financiële scenario's: plafond per jaar en verschil (kosten - plafond)";
  t.columns = {{"year", "Jaar", ColumnType::kYear},
               {"cost_basis", "Basis", ColumnType::kText},
               {"cost_cents", "Kosten", ColumnType::kMoney}};
  AddScenarioColumns(t);
  for (const MonitorRow& y : r.years) {
    std::vector<Cell> row{int64_t{y.path.year}, std::string(CostBasisName(y.basis)),
                          MoneyCell(y.cost)};
    AddScenarioCells(row, y.cap, y.gap);
    t.AddRow(std::move(row));
  }
  t.notes = {
      "Scenario 1: niet boven het oude rijksbudget jeugd; 2: een vaste basis, de "
      "realisatie van het jaar voor het eerste jaar (van de gemeenten die dan in de "
      "regio zitten) + indexatie, die latere overschrijdingen niet volgt; 3: het "
      "taakstellingspad. Verschil positief = uitgaven boven het plafond.",
      "Kosten = realisatie (gedeclareerde zorg + vaste regionale kosten, zonder "
      "lokale kosten, tenzij de begroting anders zegt), anders de prognose."};
  return t;
}

Table MunicipalityScenarioTable(const MonitorResult& r, const Region& region,
                                const std::string& /*key*/) {
  Table t;
  t.title = fmt::format("Scenario's per gemeente (plafond 1 naar {}, 2 en 3 naar {})",
                        r.cap1_basis, r.share_basis);
  t.columns = {{"year", "Jaar", ColumnType::kYear},
               {"municipality", "Code", ColumnType::kText, ColumnRole::kMunicipality},
               {"name", "Gemeente", ColumnType::kText},
               {"share", "Aandeel", ColumnType::kPercent, 1},
               {"cost_cents", "Kosten", ColumnType::kMoney},
               {"cost_source", "Bron", ColumnType::kText}};
  AddScenarioColumns(t);
  for (const MunicipalityRow& m : r.municipalities) {
    const Municipality* mun = region.Find(m.code);
    std::vector<Cell> row{int64_t{m.year},
                          m.code,
                          mun == nullptr ? m.code : mun->name,
                          m.share,
                          MoneyCell(m.cost),
                          std::string(!m.cost             ? ""
                                      : m.cost_from_store ? "eigen realisatie"
                                                          : "aandeel regio")};
    AddScenarioCells(row, m.cap, m.gap);
    t.AddRow(std::move(row));
  }
  t.notes = {
      "Eigen realisatie = eigen gedeclareerde zorg + aandeel in de vaste regionale "
      "kosten naar inwoners (zoals in het eigen gebruik van settle, maar zonder lokale "
      "kosten); aandeel regio = het aandeel (kolom Aandeel) in de kosten van de regio.",
      "Plafonds zijn tot op de cent verdeeld (grootste-restmethode)."};
  return t;
}

}  // namespace jr
