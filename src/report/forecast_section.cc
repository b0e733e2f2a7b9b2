// The forecast section: the microsimulation from the store (src/forecast/) with fan
// charts for the region and each municipality.
#include <fmt/format.h>

#include "forecast/calibration.h"
#include "forecast/forecast_summary.h"
#include "forecast/forecast_table.h"
#include "forecast/history_loader.h"
#include "forecast/lever.h"
#include "forecast/lever_plan.h"
#include "forecast/simulation.h"
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
  auto history = forecast::LoadHistory(
      store, forecast::StartMonthOf(cutoff) - forecast::kCalibrationHistoryMonths);
  if (!history.ok()) return history.status();
  auto c = forecast::Calibrate(*history, cutoff);
  if (!c.ok()) return c.status();
  forecast::SimulationOptions so;
  so.months = o.months;
  so.runs = o.runs;
  so.seed = o.seed;
  so.threads = o.threads;
  forecast::SimulationResult r =
      forecast::Simulate(*c, forecast::LeverPlan(*c, o.months), so);
  ForecastPart part;
  part.monthly =
      forecast::ForecastTable(*c, forecast::Summarize(*c, r, forecast::Period::kMonth),
                              forecast::Period::kMonth, false);
  Table yearly =
      forecast::ForecastTable(*c, forecast::Summarize(*c, r, forecast::Period::kYear),
                              forecast::Period::kYear, false);
  yearly.title =
      fmt::format("Prognose per jaar vanaf {}, {} maanden, {} replicaties",
                  FormatMonth(FromMonthIndex(c->start_month)), o.months, o.runs);
  ReportSection& s = part.section;
  s.key = "prognose";
  s.title = "Prognose";
  s.text.push_back(
      "Microsimulatie van de lopende en nieuwe toewijzingen, gekalibreerd op de gegevens "
      "tot "
      "de peildatum, zonder hefbomen. Kosten in euro; lopend en nieuw zijn aantallen "
      "toewijzingen.");
  s.charts.push_back(FanChart(TotalRows(part.monthly), "regio"));
  for (size_t m = 0; m < c->municipalities.size(); ++m) {
    s.charts.push_back(
        FanChart(RowsOf(part.monthly, c->municipalities[m]), c->municipality_names[m]));
  }
  s.tables.push_back({"prognose", std::move(yearly)});
  return part;
}

}  // namespace jr::report
