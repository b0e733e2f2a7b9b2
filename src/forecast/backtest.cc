#include "forecast/backtest.h"

#include <cmath>
#include <map>

#include "forecast/forecast_run.h"
#include "forecast/forecast_summary.h"
#include "forecast/history_loader.h"

namespace jr::forecast {
namespace {

Money Cents(double cents) { return Money::FromCents(RoundCents(cents)); }

}  // namespace

Result<BacktestResult> Backtest(const History& h, Date cutoff, const BacktestOptions& o) {
  auto calibrated = Calibrate(h, cutoff, o.calibration);
  if (!calibrated.ok()) return calibrated.status();
  const int start = calibrated->start_month, months = o.months;
  const int munis = static_cast<int>(calibrated->municipalities.size());

  // Declared cost per municipality (base-year region) and month, from a year before
  // the cut-off to the end of the horizon.
  std::map<std::string, int> muni_of;
  for (const Municipality& m : h.region.municipalities()) {
    muni_of[m.code] = calibrated->MunicipalityIndex(
        h.region.SuccessorIn(m.code, calibrated->base_year));
  }
  std::vector<int> assignment_muni(h.assignments.size(), -1);
  for (size_t i = 0; i < h.assignments.size(); ++i) {
    auto it = muni_of.find(h.assignments[i].municipality);
    if (it != muni_of.end()) assignment_muni[i] = it->second;
  }
  // actual[muni][k], k = month - (start - 12), 0 .. months + 11.
  std::vector<std::vector<double>> actual(munis, std::vector<double>(months + 12, 0.0));
  double after = 0, before = 0;
  for (const AssignmentMonth& am : h.months) {
    int k = am.month - (start - 12);
    int mu = assignment_muni[am.assignment];
    if (mu < 0 || k < 0 || k >= months + 12) continue;
    actual[mu][k] += am.cost_cents;
    (k >= 12 ? after : before) += am.cost_cents;
  }
  if (after <= 0) {
    return Status::Error("geen declaraties na de peildatum " + FormatDate(cutoff) +
                         "; niets om de prognose mee te vergelijken");
  }
  if (before <= 0) {
    return Status::Error("geen declaraties in het jaar voor de peildatum " +
                         FormatDate(cutoff));
  }

  ForecastOptions fo;
  fo.months = months;
  fo.runs = o.runs;
  fo.seed = o.seed;
  fo.threads = o.threads;
  auto forecast = Run(std::move(calibrated).value(), fo);
  if (!forecast.ok()) return forecast.status();
  const Calibration& c = forecast->calibration;
  const std::vector<SummaryRow>& rows = forecast->monthly;

  BacktestResult r;
  r.start_month = start;
  r.months = months;
  r.runs = o.runs;
  r.entity_months = forecast->entity_months;
  // Per municipality: sums of |error|, actual, forecast, naive; months in the band.
  struct Sums {
    double abs_f = 0, abs_n = 0, actual = 0, forecast = 0, naive = 0;
    int covered = 0, count = 0;
  };
  std::vector<Sums> sums(munis + 1);
  for (const SummaryRow& row : rows) {
    if (row.group != kAllGroups || row.municipality == kRegion) continue;
    int mu = c.MunicipalityIndex(row.municipality);
    int k = row.period - (start - 12);
    double a = actual[mu][k];
    int years = row.period / 12 - (row.period - 12) / 12;
    double naive = actual[mu][k - 12] * std::pow(1 + c.indexation, years);
    for (Sums* s : {&sums[mu], &sums[munis]}) {
      s->abs_f += std::abs(row.cost.mean - a);
      s->abs_n += std::abs(naive - a);
      s->actual += a;
      s->forecast += row.cost.mean;
      s->naive += naive;
      s->covered += row.cost.p10 <= a && a <= row.cost.p90 ? 1 : 0;
      s->count += 1;
    }
  }
  for (int mu = 0; mu <= munis; ++mu) {
    const Sums& s = sums[mu];
    BacktestRow row;
    row.municipality = mu < munis ? c.municipalities[mu] : kRegion;
    row.name = mu < munis ? c.municipality_names[mu] : "Regio";
    row.actual = Cents(s.actual);
    row.forecast = Cents(s.forecast);
    row.naive = Cents(s.naive);
    row.wape_forecast = s.actual > 0 ? s.abs_f / s.actual : 0;
    row.wape_naive = s.actual > 0 ? s.abs_n / s.actual : 0;
    row.coverage_p10_p90 = s.count > 0 ? static_cast<double>(s.covered) / s.count : 0;
    r.rows.push_back(row);
  }
  const Sums& region = sums[munis];
  r.wape_forecast = r.rows.back().wape_forecast;
  r.wape_naive = r.rows.back().wape_naive;
  r.coverage_p10_p90 = r.rows.back().coverage_p10_p90;
  r.error_year_forecast = (region.forecast - region.actual) / region.actual;
  r.error_year_naive = (region.naive - region.actual) / region.actual;
  return r;
}

Result<BacktestResult> RunBacktest(const Store& store, Date cutoff,
                                   const BacktestOptions& options) {
  auto h = LoadHistory(store, StartMonthOf(cutoff) - kCalibrationHistoryMonths);
  if (!h.ok()) return h.status();
  return Backtest(*h, cutoff, options);
}

}  // namespace jr::forecast
