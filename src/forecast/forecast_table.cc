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

}  // namespace jr::forecast
