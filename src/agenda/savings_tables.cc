#include "agenda/savings_tables.h"

#include <fmt/format.h>

namespace jr {
namespace {

Money Euros(double euros) { return Money::FromCents(RoundCents(euros * 100)); }

}  // namespace

Table SavingsYearTable(const SimulationResult& r) {
  Table t;
  t.title = fmt::format("Besparing van de maatregelen per jaar ({} runs, seed {})",
                        FormatNumber(static_cast<double>(r.runs), 0), r.seed);
  t.columns = {{"year", "Jaar", ColumnType::kYear},
               {"target_cents", "Nodig", ColumnType::kMoney},
               {"p10_cents", "P10", ColumnType::kMoney},
               {"p50_cents", "P50", ColumnType::kMoney},
               {"p90_cents", "P90", ColumnType::kMoney},
               {"mean_cents", "Gemiddeld", ColumnType::kMoney},
               {"naive_mean_cents", "Optelsom gem.", ColumnType::kMoney},
               {"naive_p10_cents", "Optelsom P10", ColumnType::kMoney},
               {"naive_p90_cents", "Optelsom P90", ColumnType::kMoney},
               {"overlap_cents", "Verlies overlap", ColumnType::kMoney},
               {"p_target", "Kans taakstelling", ColumnType::kPercent, 0}};
  for (const YearSavings& y : r.years) {
    // The loss is the difference of the rounded means, so the row adds up to the cent.
    const Money mean = Euros(y.mean);
    const Money naive_mean = Euros(y.naive_mean);
    t.AddRow({int64_t{y.year}, MoneyCell(y.target_gap), Euros(y.p10), Euros(y.p50),
              Euros(y.p90), mean, naive_mean, Euros(y.naive_p10), Euros(y.naive_p90),
              naive_mean - mean, FractionCell(y.p_target)});
  }
  t.notes = {
      "P10/P50/P90: 10%, 50% en 90% van de runs besparen hoogstens dit bedrag. "
      "Maatregelen op",
      "dezelfde basis overlappen (basis x (1 - (1 - r1)(1 - r2)...)); de optelsom telt "
      "ze naïef op.",
      fmt::format("Kans taakstelling = aandeel runs waarin de besparing de benodigde "
                  "besparing haalt; elke maatregel kan mislukken (levert niets op) of "
                  "een jaar later leveren, met de kansen in de tabel van de "
                  "maatregelen."
                  " Correlatie binnen een cluster: {}.",
                  FormatNumber(r.pearson_correlation, 2))};
  return t;
}

Table MeasureShareTable(const MeasurePortfolio& p, const SimulationResult& r) {
  Table t;
  const int last = r.years.back().year;
  t.title = "Maatregelen en hun aandeel in de onzekerheid (variantie) per jaar";
  t.columns = {{"id", "Nr", ColumnType::kText},
               {"name", "Maatregel", ColumnType::kText},
               {"base", "Basis", ColumnType::kText},
               {"cluster", "Cluster", ColumnType::kText},
               {"responsible", "Verantwoordelijk", ColumnType::kText},
               {"investment_cents", "Investering", ColumnType::kMoney},
               {"investment_note", "Toelichting", ColumnType::kText},
               {"lead_time", "Doorlooptijd", ColumnType::kText},
               {"p_slip", "Kans vertraging", ColumnType::kPercent, 0},
               {"p_fail", "Kans mislukt", ColumnType::kPercent, 0},
               {fmt::format("mean_{}_cents", last), fmt::format("Gem. {}", last),
                ColumnType::kMoney}};
  for (const YearSavings& y : r.years) {
    t.columns.push_back({fmt::format("share_{}", y.year),
                         fmt::format("Aandeel {}", y.year), ColumnType::kPercent, 0});
  }
  for (size_t i = 0; i < p.measures.size(); ++i) {
    const Measure& m = p.measures[i];
    std::vector<Cell> row{m.id,
                          m.name,
                          m.base,
                          m.cluster,
                          m.responsible,
                          MoneyCell(m.investment),
                          m.investment_note,
                          m.lead_time,
                          m.p_slip,
                          m.p_fail,
                          Euros(r.years.back().measure_mean[i])};
    for (const YearSavings& y : r.years) row.push_back(y.variance_share[i]);
    t.AddRow(std::move(row));
  }
  t.notes = {
      "Aandeel = Cov(totaal, maatregel) / Var(totaal): welk deel van de spreiding van de",
      "totale besparing van de maatregel komt. Zonder overlap tellen de aandelen op tot "
      "100%."};
  return t;
}

}  // namespace jr
