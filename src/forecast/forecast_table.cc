#include "forecast/forecast_table.h"

namespace jr::forecast {
namespace {

Money Cents(double cents) { return Money::FromCents(RoundCents(cents)); }

std::string NameOf(const Calibration& c, const std::string& code) {
  int i = c.MunicipalityIndex(code);
  return i < 0 ? "Regio" : c.municipality_names[i];
}

// A year as a number (as `year` everywhere), a month as "2024-01".
Cell PeriodCell(int period, Period p) {
  if (p == Period::kYear) return int64_t{period};
  return FormatMonth(FromMonthIndex(period));
}

// Rows shown to people: each municipality over all groups, the region per group and
// the region in total.
bool Shown(const SummaryRow& r) {
  return r.group == kAllGroups || r.municipality == kRegion;
}

RowKind KindOf(const SummaryRow& r) {
  return r.municipality == kRegion ? RowKind::kTotal : RowKind::kDetail;
}

}  // namespace

Table ForecastTable(const Calibration& c, const std::vector<SummaryRow>& rows, Period p,
                    bool all_rows) {
  Table t;
  t.columns = {
      p == Period::kYear ? Column("period", "Jaar", ColumnType::kYear)
                         : Column("period", "Maand"),
      {"months", "Mnd", ColumnType::kInt},
      {"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
      {"name", "Naam"},
      {"group", "Productgroep"},
      {"cost_mean_cents", "Kosten gem.", ColumnType::kMoney},
      {"cost_p10_cents", "P10", ColumnType::kMoney},
      {"cost_p50_cents", "P50", ColumnType::kMoney},
      {"cost_p90_cents", "P90", ColumnType::kMoney},
      {"active_mean", "Lopend gem.", ColumnType::kNumber, 0, ColumnRole::kClientCount},
      {"active_p10", "Lopend P10", ColumnType::kNumber, 0, ColumnRole::kClientCount},
      {"active_p90", "Lopend P90", ColumnType::kNumber, 0, ColumnRole::kClientCount},
      {"new_mean", "Nieuw gem.", ColumnType::kNumber, 0, ColumnRole::kClientCount},
      {"new_p10", "Nieuw P10", ColumnType::kNumber, 0, ColumnRole::kClientCount},
      {"new_p90", "Nieuw P90", ColumnType::kNumber, 0, ColumnRole::kClientCount}};
  for (const SummaryRow& r : rows) {
    if (!all_rows && !Shown(r)) continue;
    t.AddRow({PeriodCell(r.period, p), int64_t{r.months}, r.municipality,
              NameOf(c, r.municipality), r.group, Cents(r.cost.mean), Cents(r.cost.p10),
              Cents(r.cost.p50), Cents(r.cost.p90), r.active.mean, r.active.p10,
              r.active.p90, r.started.mean, r.started.p10, r.started.p90},
             KindOf(r));
  }
  return t;
}

Table EffectTable(const Calibration& c, const std::vector<SummaryRow>& rows) {
  Table t;
  t.title =
      "Effect van de hefbomen per jaar (met hefbomen min basis, zelfde toevalsgetallen)";
  t.columns = {{"year", "Jaar", ColumnType::kYear},
               {"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
               {"name", "Naam"},
               {"group", "Productgroep"},
               {"cost_effect_mean_cents", "Effect kosten gem.", ColumnType::kMoney},
               {"cost_effect_p10_cents", "P10", ColumnType::kMoney},
               {"cost_effect_p90_cents", "P90", ColumnType::kMoney},
               {"active_effect_mean", "Effect lopend gem.", ColumnType::kNumber, 1,
                ColumnRole::kClientCount},
               {"new_effect_mean", "Effect nieuw gem.", ColumnType::kNumber, 1,
                ColumnRole::kClientCount}};
  for (const SummaryRow& r : rows) {
    if (!Shown(r)) continue;
    t.AddRow({int64_t{r.period}, r.municipality, NameOf(c, r.municipality), r.group,
              Cents(r.cost.mean), Cents(r.cost.p10), Cents(r.cost.p90), r.active.mean,
              r.started.mean},
             KindOf(r));
  }
  return t;
}

Table CapacityTable(const CapacitySummary& s, bool providers, bool all_rows) {
  Table t;
  t.title = providers ? "Budgetplafonds per aanbieder, perceel en jaar in de prognose"
                      : "Budget per jeugdteam en jaar in de prognose";
  t.columns = {{providers ? "agb" : "team", providers ? "Aanbieder" : "Team"}};
  if (providers) {
    t.columns.push_back({"lot", "Perceel"});
  } else {
    t.columns.push_back(
        {"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality});
  }
  std::vector<Column> rest = {
      {"year", "Jaar", ColumnType::kYear},
      {providers ? "ceiling_cents" : "budget_cents", providers ? "Plafond" : "Budget",
       ColumnType::kMoney},
      {"spend_mean_cents", "Kosten gem.", ColumnType::kMoney},
      {"spend_p10_cents", "P10", ColumnType::kMoney},
      {"spend_p90_cents", "P90", ColumnType::kMoney},
      {"overrun_mean_cents", "Overschrijding gem.", ColumnType::kMoney},
      {"out_share", "Kans op", ColumnType::kNumber, 2},
      {"out_month", "Op in maand (P50)"},
      {"redirected_mean", "Naar ander", ColumnType::kNumber, 1},
      {"received_mean", "Ontvangen", ColumnType::kNumber, 1},
      {"allowed_mean", "Toegestaan", ColumnType::kNumber, 1},
      {"deferred_mean", "Uitgesteld", ColumnType::kNumber, 1},
      {"refused_mean", "Geweigerd", ColumnType::kNumber, 1}};
  if (!providers) rest.erase(rest.begin() + 8, rest.begin() + 10);
  t.columns.insert(t.columns.end(), rest.begin(), rest.end());
  int hidden = 0;
  for (const CeilingForecast& r : providers ? s.providers : s.teams) {
    if (!all_rows && r.share_out <= 0) {
      ++hidden;
      continue;
    }
    std::vector<Cell> row = {r.agb};
    row.push_back(providers ? r.lot : r.municipality);
    Cell month = r.month_p50 > 0
                     ? Cell(FormatMonth(FromMonthIndex(r.year * 12 + r.month_p50 - 1)))
                     : Cell();
    for (Cell c : std::vector<Cell>{
             int64_t{r.year}, Cents(r.ceiling), Cents(r.spend_mean), Cents(r.spend_p10),
             Cents(r.spend_p90), Cents(r.overrun_mean), r.share_out, month})
      row.push_back(c);
    if (providers) {
      row.push_back(r.redirected);
      row.push_back(r.received);
    }
    row.push_back(r.allowed);
    row.push_back(r.deferred);
    row.push_back(r.refused);
    t.AddRow(row);
  }
  if (hidden > 0) {
    t.notes.push_back(std::to_string(hidden) + (providers ? " plafonds" : " budgetten") +
                      " raken in geen enkele run op (niet getoond; --format json toont "
                      "alle).");
  }
  t.notes.push_back(
      "Op in maand: de maand waarin de kosten van het jaar in de helft van de runs "
      "boven het " +
      std::string(providers ? "plafond" : "budget") +
      " komen; Kans op: het deel van de runs waarin dat binnen het jaar gebeurt.");
  return t;
}

}  // namespace jr::forecast
