#include "forecast/forecast_run.h"

#include <string>
#include <utility>

#include "forecast/capacity.h"
#include "forecast/history_loader.h"
#include "forecast/lever_plan.h"
#include "forecast/simulation.h"

namespace jr::forecast {
namespace {

// Providers and teams from the store's contracts, teams and review decisions.
Status AddCapacity(const Store& store, const History& h, Calibration& c) {
  auto contracts = store.LoadContracts();
  if (!contracts.ok()) return contracts.status();
  auto teams = store.LoadYouthTeams();
  if (!teams.ok()) return teams.status();
  auto decisions = store.LoadReviewDecisions();
  if (!decisions.ok()) return decisions.status();
  c.capacity = std::make_shared<const Capacity>(
      CalibrateCapacity(c, h, *contracts, *teams, *decisions));
  return Status::Ok();
}

}  // namespace

Result<Calibration> Calibrate(const Store& store, Date cutoff,
                              const CalibrationOptions& options) {
  auto history = LoadHistory(store, StartMonthOf(cutoff) - kCalibrationHistoryMonths);
  if (!history.ok()) return history.status();
  auto c = Calibrate(*history, cutoff, options);
  if (!c.ok()) return c.status();
  Calibration calibration = std::move(c).value();
  if (Status s = AddCapacity(store, *history, calibration); !s.ok()) return s;
  return calibration;
}

Result<ForecastResult> Run(Calibration calibration, const ForecastOptions& o,
                           const ForecastProgress& progress) {
  ForecastResult out;
  out.calibration = std::move(calibration);
  const Calibration& c = out.calibration;
  auto plan = LeverPlan::Resolve(c, o.months, o.levers);
  if (!plan.ok()) return plan.status();
  SimulationOptions so;
  so.months = o.months;
  so.runs = o.runs;
  so.seed = o.seed;
  so.threads = o.threads;
  auto report = [&progress](ForecastStep step) -> std::function<void(int, int)> {
    if (!progress) return {};
    return [&progress, step](int done, int total) { progress(step, done, total); };
  };
  so.progress = report(ForecastStep::kBaseline);
  const SimulationResult base = Simulate(c, LeverPlan(c, o.months), so);
  out.entity_months = base.entity_months;
  const SimulationResult* shown = &base;
  SimulationResult with;
  if (!o.levers.empty()) {
    so.progress = report(ForecastStep::kLevers);
    with = Simulate(c, *plan, so);
    out.entity_months += with.entity_months;
    out.effect = Difference(c, with, base, Period::kYear);
    shown = &with;
  }
  out.yearly = Summarize(c, *shown, Period::kYear);
  if (o.monthly) out.monthly = Summarize(c, *shown, Period::kMonth);
  if (c.capacity && !c.capacity->empty()) {
    out.capacity = SummarizeCapacity(c, *c.capacity, shown->capacity);
    if (!o.levers.empty())
      out.capacity_baseline = SummarizeCapacity(c, *c.capacity, base.capacity);
  }
  return out;
}

Result<ForecastResult> Run(const Store& store, const ForecastOptions& o,
                           const ForecastProgress& progress) {
  auto history = LoadHistory(store, StartMonthOf(o.cutoff) - kCalibrationHistoryMonths);
  if (!history.ok()) return history.status();
  const int start = StartMonthOf(o.cutoff);
  const int data_end = o.refuse_after_data_end ? LastCompleteMonth(*history) : 0;
  if (o.refuse_after_data_end && start > data_end + 1) {
    // Nothing running and no inflow to calibrate on: the forecast would be all zeros.
    return Status::Error(
        "de prognose begint in " + FormatMonth(FromMonthIndex(start)) +
        (data_end < 0 ? std::string(", maar er zijn geen declaraties")
                      : ", maar de gegevens lopen tot en met " +
                            FormatMonth(FromMonthIndex(data_end)) +
                            " (laatste volledige maand met declaraties); begin uiterlijk "
                            "in " +
                            FormatMonth(FromMonthIndex(data_end + 1))));
  }
  auto c = Calibrate(*history, o.cutoff, o.calibration);
  if (!c.ok()) return c.status();
  Calibration calibration = std::move(c).value();
  if (Status s = AddCapacity(store, *history, calibration); !s.ok()) return s;
  return Run(std::move(calibration), o, progress);
}

}  // namespace jr::forecast
