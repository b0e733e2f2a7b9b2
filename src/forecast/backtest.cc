#include "forecast/backtest.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "forecast/baselines.h"
#include "forecast/forecast_run.h"
#include "forecast/forecast_summary.h"
#include "forecast/history_loader.h"

namespace jr::forecast {
namespace {

Money Cents(double cents) { return Money::FromCents(RoundCents(cents)); }

}  // namespace

Result<BacktestResult> Backtest(const History& h, Date cutoff, const BacktestOptions& o) {
  const int start = StartMonthOf(cutoff), months = o.months;
  const int data_end = LastCompleteMonth(h);
  if (start + months - 1 > data_end) {
    return Status::Error(
        "de backtest vanaf peildatum " + FormatDate(cutoff) + " loopt " +
        std::to_string(months) + " maanden tot en met " +
        FormatMonth(FromMonthIndex(start + months - 1)) + ", maar de laatste volledige " +
        "maand met declaraties is " +
        (data_end < 0 ? std::string("er niet") : FormatMonth(FromMonthIndex(data_end))) +
        "; kies een eerdere peildatum of minder maanden");
  }
  // The first month of the window: the calibration's history, from the first month
  // with declarations in it.
  int first = start;
  for (const AssignmentMonth& am : h.months) {
    if (am.cost_cents != 0 && am.month >= start - kCalibrationHistoryMonths) {
      first = std::min(first, am.month);
    }
  }
  if (start - first < 2 * kSeasonMonths) {
    return Status::Error("minder dan 24 maanden met declaraties voor de peildatum " +
                         FormatDate(cutoff) + "; de basislijnen hebben twee jaar nodig");
  }

  auto calibrated = Calibrate(h, cutoff, o.calibration);
  if (!calibrated.ok()) return calibrated.status();
  const int munis = static_cast<int>(calibrated->municipalities.size());

  // Declared cost per municipality (base-year region) and month, from the first month
  // of the window to the end of the horizon.
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
  // actual[muni][k], k = month - first, 0 .. start - first + months - 1.
  const int history = start - first;
  std::vector<std::vector<double>> actual(munis,
                                          std::vector<double>(history + months, 0.0));
  double after = 0, before = 0;
  for (const AssignmentMonth& am : h.months) {
    int k = am.month - first;
    int mu = assignment_muni[am.assignment];
    if (mu < 0 || k < 0 || k >= history + months) continue;
    actual[mu][k] += am.cost_cents;
    if (k >= history) {
      after += am.cost_cents;
    } else if (k >= history - 12) {
      before += am.cost_cents;
    }
  }
  if (after <= 0) {
    return Status::Error("geen declaraties na de peildatum " + FormatDate(cutoff) +
                         "; niets om de prognose mee te vergelijken");
  }
  if (before <= 0) {
    return Status::Error("geen declaraties in het jaar voor de peildatum " +
                         FormatDate(cutoff));
  }
  // The baselines per municipality, on its months before the cut-off.
  std::vector<std::vector<double>> ets(munis), drift(munis);
  for (int mu = 0; mu < munis; ++mu) {
    std::vector<double> past(actual[mu].begin(), actual[mu].begin() + history);
    auto e = FitEts(past, months);
    if (!e.ok()) return e.status();
    ets[mu] = std::move(e->forecast);
    auto d = SeasonalNaiveDrift(past, months);
    if (!d.ok()) return d.status();
    drift[mu] = std::move(d).value();
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
  r.data_end_month = data_end;
  // Per municipality: sums of |error| and of the values per method; months in the band.
  struct Sums {
    double abs_f = 0, abs_n = 0, abs_e = 0, abs_d = 0;
    double actual = 0, forecast = 0, naive = 0, ets = 0, drift = 0;
    int covered = 0, count = 0;
  };
  std::vector<Sums> sums(munis + 1);
  for (const SummaryRow& row : rows) {
    if (row.group != kAllGroups || row.municipality == kRegion) continue;
    int mu = c.MunicipalityIndex(row.municipality);
    int k = row.period - first;
    double a = actual[mu][k];
    int years = row.period / 12 - (row.period - 12) / 12;
    double naive = actual[mu][k - 12] * std::pow(1 + c.indexation, years);
    double e = ets[mu][k - history], d = drift[mu][k - history];
    for (Sums* s : {&sums[mu], &sums[munis]}) {
      s->abs_f += std::abs(row.cost.mean - a);
      s->abs_n += std::abs(naive - a);
      s->abs_e += std::abs(e - a);
      s->abs_d += std::abs(d - a);
      s->actual += a;
      s->forecast += row.cost.mean;
      s->naive += naive;
      s->ets += e;
      s->drift += d;
      s->covered += row.cost.p10 <= a && a <= row.cost.p90 ? 1 : 0;
      s->count += 1;
    }
  }
  for (int mu = 0; mu <= munis; ++mu) {
    const Sums& s = sums[mu];
    auto wape = [&s](double abs) { return s.actual > 0 ? abs / s.actual : 0; };
    BacktestRow row;
    row.municipality = mu < munis ? c.municipalities[mu] : kRegion;
    row.name = mu < munis ? c.municipality_names[mu] : "Regio";
    row.actual = Cents(s.actual);
    row.forecast = Cents(s.forecast);
    row.naive = Cents(s.naive);
    row.ets = Cents(s.ets);
    row.seasonal_drift = Cents(s.drift);
    row.wape_forecast = wape(s.abs_f);
    row.wape_naive = wape(s.abs_n);
    row.wape_ets = wape(s.abs_e);
    row.wape_seasonal_drift = wape(s.abs_d);
    row.coverage_p10_p90 = s.count > 0 ? static_cast<double>(s.covered) / s.count : 0;
    r.rows.push_back(row);
  }
  const Sums& region = sums[munis];
  const BacktestRow& total = r.rows.back();
  r.wape_forecast = total.wape_forecast;
  r.wape_naive = total.wape_naive;
  r.wape_ets = total.wape_ets;
  r.wape_seasonal_drift = total.wape_seasonal_drift;
  r.coverage_p10_p90 = total.coverage_p10_p90;
  r.error_year_forecast = (region.forecast - region.actual) / region.actual;
  r.error_year_naive = (region.naive - region.actual) / region.actual;
  r.error_year_ets = (region.ets - region.actual) / region.actual;
  r.error_year_seasonal_drift = (region.drift - region.actual) / region.actual;
  return r;
}

Result<BacktestResult> RunBacktest(const Store& store, Date cutoff,
                                   const BacktestOptions& options) {
  auto h = LoadHistory(store, StartMonthOf(cutoff) - kCalibrationHistoryMonths);
  if (!h.ok()) return h.status();
  return Backtest(*h, cutoff, options);
}

Result<std::vector<BacktestResult>> RunBacktests(const Store& store,
                                                 const std::vector<Date>& cutoffs,
                                                 const BacktestOptions& options) {
  if (cutoffs.empty()) return std::vector<BacktestResult>{};
  int from = StartMonthOf(cutoffs.front());
  for (Date d : cutoffs) from = std::min(from, StartMonthOf(d));
  auto h = LoadHistory(store, from - kCalibrationHistoryMonths);
  if (!h.ok()) return h.status();
  std::vector<BacktestResult> out;
  for (Date d : cutoffs) {
    auto r = Backtest(*h, d, options);
    if (!r.ok()) return r.status();
    out.push_back(std::move(r).value());
  }
  return out;
}

}  // namespace jr::forecast
