#include "report/use_table.h"

#include <map>

namespace jr::report {

Table UseTable(const Region& region, const std::vector<UseRow>& use, int year,
               bool with_totals) {
  Table t;
  t.title = "Zorggebruik per gemeente en jaar";
  t.columns = {
      {"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
      {"name", "Naam"},
      {"year", "Jaar", ColumnType::kYear},
      {"clients", "Cliënten", ColumnType::kInt, ColumnRole::kClientCount},
      {"assignments", "Toewijzingen", ColumnType::kInt, ColumnRole::kClientCount},
      {"cost_cents", "Gedeclareerde zorg (EUR)", ColumnType::kMoney},
      {"cost_per_inhabitant", "Per inwoner (EUR)", ColumnType::kNumber, 2}};
  struct Total {
    int64_t clients = 0, assignments = 0;
    Money cost;
    double inhabitants = 0;
  };
  std::map<int, Total> totals;
  for (const UseRow& r : use) {
    if (year != 0 && r.year != year) continue;
    const Municipality* m = region.Find(r.municipality);
    auto inhabitants = region.Key(r.municipality, r.year, kKeyInhabitants);
    Cell per = std::monostate{};
    if (inhabitants && *inhabitants > 0) per = r.cost.ToEurosApprox() / *inhabitants;
    t.AddRow({r.municipality, m ? m->name : std::string("?"), int64_t{r.year}, r.clients,
              r.assignments, r.cost, per});
    Total& tot = totals[r.year];
    tot.clients += r.clients;
    tot.assignments += r.assignments;
    tot.cost += r.cost;
    tot.inhabitants += inhabitants.value_or(0);
  }
  t.notes.push_back(
      "Gedeclareerde zorg: declaraties min creditnota's, zonder lokale en vaste "
      "regionale kosten. De begrotingsmonitor telt de vaste regionale kosten erbij, het "
      "eigen gebruik in de verrekening (settle) ook de lokale kosten; het rapport "
      "heeft een aansluitingstabel.");
  if (!with_totals) return t;
  for (const auto& [y, tot] : totals) {
    t.AddRow(
        {kRegionCode, "Totaal regio", int64_t{y}, tot.clients, tot.assignments, tot.cost,
         tot.inhabitants > 0 ? Cell(tot.cost.ToEurosApprox() / tot.inhabitants)
                             : Cell(std::monostate{})},
        RowKind::kTotal);
  }
  if (t.rows.empty()) t.notes.push_back("Geen declaraties in de database.");
  return t;
}

}  // namespace jr::report
