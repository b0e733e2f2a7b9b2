// The forecast section: the microsimulation from the store (src/forecast/) with fan
// charts for the region and each municipality.
#include <fmt/format.h>

#include "forecast/forecast_run.h"
#include "forecast/forecast_table.h"
#include "report/chart_from_table.h"
#include "report/sections.h"
#include "report/table_filter.h"

namespace jr::report {

Chart FanChart(const Table& rows, const std::string& name) {
  const Table all_groups = RowsWhere(rows, "group", forecast::kAllGroups);
  Chart c = ColumnsChart(all_groups, Chart::Kind::kFan, "period",
                         {"cost_p10_cents", "cost_p50_cents", "cost_p90_cents"});
  c.title = "Prognose van de kosten per maand: " + name;
  c.note = "Band: 80% van de replicaties (P10-P90); lijn: mediaan.";
  return c;
}

Result<ForecastPart> ForecastSection(const Store& store, Date cutoff,
                                     const ReportOptions& o) {
  forecast::ForecastOptions fo;
  fo.cutoff = cutoff;
  fo.months = o.months;
  fo.runs = o.runs;
  fo.seed = o.seed;
  fo.threads = o.threads;
  auto f = forecast::Run(store, fo);
  if (!f.ok()) return f.status();
  const forecast::Calibration& c = f->calibration;
  ForecastPart part;
  const Table monthly =
      forecast::ForecastTable(c, f->monthly, forecast::Period::kMonth, false);
  Table yearly = forecast::ForecastTable(c, f->yearly, forecast::Period::kYear, false);
  part.yearly = yearly;
  yearly.title =
      fmt::format("Prognose per jaar vanaf {}, {} maanden, {} replicaties",
                  FormatMonth(FromMonthIndex(c.start_month)), o.months, o.runs);
  ReportSection& s = part.section;
  s.key = "prognose";
  s.title = "Prognose";
  s.text.push_back(
      "Microsimulatie van de lopende en nieuwe toewijzingen, gekalibreerd op de gegevens "
      "tot "
      "de peildatum, zonder hefbomen. Kosten in euro; lopend en nieuw zijn aantallen "
      "toewijzingen.");
  s.charts.push_back(FanChart(TotalRows(monthly), "regio"));
  for (size_t m = 0; m < c.municipalities.size(); ++m) {
    s.charts.push_back(
        FanChart(RowsOf(monthly, c.municipalities[m]), c.municipality_names[m]));
  }
  s.tables.push_back({"prognose", std::move(yearly)});
  // Per provider and lot (and per youth team) the month its ceiling (budget) runs
  // out in the simulation, without levers.
  s.tables.push_back(
      {"prognose_plafonds", forecast::CapacityTable(f->capacity, true, false)});
  s.tables.push_back(
      {"prognose_teambudgetten", forecast::CapacityTable(f->capacity, false, false)});
  return part;
}

}  // namespace jr::report
