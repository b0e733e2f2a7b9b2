// The reconciliation table (issue 15, item 6): how the cost of one year in `stats`
// (declared care), in the budget monitor (care + fixed regional costs) and in
// `settle` (care + local + fixed costs: own use, which equals the contributions)
// add up to each other.
#include <fmt/format.h>

#include <map>

#include "report/sections.h"
#include "report/use_table.h"

namespace jr::report {

ReportSection ReconcileSection(const std::vector<UseRow>& use,
                               const std::vector<settle::YearSettlement>& settled) {
  ReportSection s{"aansluiting", "Aansluiting van de kosten", {}, {}, {}, ""};
  s.text.push_back(
      "Drie overzichten tonen de kosten van een jaar, elk met een andere afbakening. "
      "Zorggebruik (stats) telt alleen de gedeclareerde zorg. De begrotingsmonitor telt "
      "daar de vaste regionale kosten bij (serviceorganisatie, crisisdienst en "
      "dergelijke), zoals de regionale begroting. De verrekening (settle) telt ook de "
      "lokale kosten van de gemeenten (jeugdteams, basisvoorzieningen): dat is het "
      "eigen gebruik van alle gemeenten samen, en dat is precies wat zij samen "
      "bijdragen. Deze tabel telt het een op bij het ander; de laatste kolom moet 0 "
      "zijn.");
  std::map<int, Money> declared;
  for (const UseRow& r : use) declared[r.year] += r.cost;
  Table t;
  t.title = "Aansluiting per jaar: gedeclareerde zorg, begrotingsmonitor en verrekening";
  t.columns = {{"year", "Jaar", ColumnType::kYear},
               {"declared_cents", "Gedeclareerde zorg (stats)", ColumnType::kMoney},
               {"fixed_cents", "+ vaste regionale kosten", ColumnType::kMoney},
               {"monitor_cents", "= realisatie monitor", ColumnType::kMoney},
               {"local_cents", "+ lokale kosten", ColumnType::kMoney},
               {"sum_cents", "= totaal", ColumnType::kMoney},
               {"own_use_cents", "Eigen gebruik (settle)", ColumnType::kMoney},
               {"contribution_cents", "Bijdragen (settle)", ColumnType::kMoney},
               {"difference_cents", "Verschil", ColumnType::kMoney}};
  for (const settle::YearSettlement& y : settled) {
    Money fixed, local, own_use, contribution;
    for (const settle::BucketSettlement& b : y.buckets) {
      if (b.kind == settle::BucketSettlement::Kind::kFixed) fixed += b.total;
      if (b.kind == settle::BucketSettlement::Kind::kLocal) local += b.total;
    }
    for (const settle::MunicipalitySettlement& m : y.municipalities) {
      own_use += m.own_use;
      contribution += m.contribution;
    }
    const Money care = declared[y.year];
    const Money monitor = care + fixed;
    const Money sum = monitor + local;
    t.AddRow({int64_t{y.year}, care, fixed, monitor, local, sum, own_use, contribution,
              own_use - sum});
  }
  t.notes.push_back(
      "Realisatie monitor = gedeclareerde zorg + vaste regionale kosten (zonder lokale "
      "kosten, zoals begroting.toml [realisatie_uit_database] standaard zegt). Eigen "
      "gebruik per gemeente = eigen zorg + eigen lokale kosten + aandeel in de vaste "
      "kosten naar inwoners; de saldi (bijdrage - eigen gebruik) tellen per jaar op "
      "tot 0.");
  s.tables.push_back({"aansluiting", std::move(t)});
  return s;
}

}  // namespace jr::report
