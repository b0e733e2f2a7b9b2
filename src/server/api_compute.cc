// The Api's endpoints whose parts are computed on first use: the report's sections
// (risk, target path, agenda, measures, ...) and the forecast with levers.
#include <sstream>

#include <fmt/format.h>

#include "core/table.h"
#include "forecast/forecast_summary.h"
#include "forecast/forecast_table.h"
#include "forecast/history_loader.h"
#include "forecast/lever_plan.h"
#include "forecast/simulation.h"
#include "server/api.h"
#include "server/api_util.h"

namespace jr::server {

Table VisibleRows(const Table& t, const Role& role) {
  const std::optional<size_t> municipality = t.ColumnWith(ColumnRole::kMunicipality);
  if (role.region() || !municipality) return t;
  const Cell own(role.municipality);
  return t.Filter([&](const Row& row) {
    return row.kind == RowKind::kTotal || row[*municipality] == own;
  });
}

Result<const report::Report*> Api::ReportOnce() const {
  std::lock_guard lock(lazy_->mu);
  if (!lazy_->report) {
    if (options_.db_path.empty()) return Status::Error("geen database voor het rapport");
    auto store = Store::Open(options_.db_path, /*create=*/false);
    if (!store.ok()) return store.status();
    lazy_->report = report::BuildReport(**store, options_.report);
  }
  if (!lazy_->report->ok()) return lazy_->report->status();
  return &lazy_->report->value();
}

Result<const forecast::Calibration*> Api::CalibrationOnce() const {
  // REQUIRES: lazy_->mu held by the caller.
  if (!lazy_->calibration) {
    if (options_.db_path.empty()) return Status::Error("geen database voor de prognose");
    auto store = Store::Open(options_.db_path, /*create=*/false);
    if (!store.ok()) return store.status();
    // Calibrated on every complete year: the forecast starts in January after the last.
    auto cutoff = ParseDate(fmt::format("{}-01-01", settlement_.years.rbegin()->first + 1));
    if (!cutoff.ok()) return cutoff.status();
    auto history = forecast::LoadHistory(
        **store, forecast::StartMonthOf(*cutoff) - forecast::kCalibrationHistoryMonths);
    if (!history.ok()) return history.status();
    lazy_->calibration = forecast::Calibrate(*history, *cutoff);
  }
  if (!lazy_->calibration->ok()) return lazy_->calibration->status();
  return &lazy_->calibration->value();
}

ApiResponse Api::Levers() const {
  nlohmann::json out = nlohmann::json::array();
  for (size_t i = 0; i < levers_.size(); ++i) {
    out.push_back({{"index", i},
                   {"name", levers_[i].name},
                   {"start", FormatMonth(FromMonthIndex(levers_[i].start_month))}});
  }
  return {200, out};
}

ApiResponse Api::Forecast(const ApiRequest& r, const Role& role) const {
  auto months = IntParam(r, "months", 24, 1, 60);
  if (!months.ok()) return Error(400, months.status().message());
  auto runs = IntParam(r, "runs", 200, 2, 2000);
  if (!runs.ok()) return Error(400, runs.status().message());
  std::vector<forecast::Lever> chosen;
  std::vector<int> indexes;
  if (auto it = r.query.find("levers"); it != r.query.end() && !it->second.empty()) {
    std::stringstream in(it->second);
    for (std::string item; std::getline(in, item, ',');) {
      int i = -1;
      std::istringstream number(item);
      if (!(number >> i) || !number.eof() || i < 0 || i >= static_cast<int>(levers_.size())) {
        return Error(400, levers_.empty()
                              ? fmt::format("parameter 'levers': '{}' is geen hefboom (geen "
                                            "hefbomen; start serve met --levers)", item)
                              : fmt::format("parameter 'levers': '{}' is geen hefboom (0-{})",
                                            item, levers_.size() - 1));
      }
      indexes.push_back(i);
      chosen.push_back(levers_[i]);
    }
  }
  const std::string key = fmt::format("{}/{}/{}", *months, *runs, fmt::join(indexes, ","));

  std::lock_guard lock(lazy_->mu);
  auto found = lazy_->forecasts.find(key);
  if (found == lazy_->forecasts.end()) {
    auto c = CalibrationOnce();
    if (!c.ok()) return Error(503, c.status().message());
    auto plan = forecast::LeverPlan::Resolve(**c, *months, chosen);
    if (!plan.ok()) return Error(400, plan.status().message());
    forecast::SimulationOptions so;
    so.months = *months;
    so.runs = *runs;
    so.threads = options_.threads;
    const forecast::SimulationResult base =
        forecast::Simulate(**c, forecast::LeverPlan(**c, *months), so);
    ForecastAnswer j;
    j.head = {{"from", FormatMonth(FromMonthIndex((*c)->start_month))},
              {"months", *months},
              {"runs", *runs},
              {"levers", indexes}};
    if (chosen.empty()) {
      j.yearly = forecast::ForecastTable(
          **c, forecast::Summarize(**c, base, forecast::Period::kYear), forecast::Period::kYear,
          true);
    } else {
      const forecast::SimulationResult with = forecast::Simulate(**c, *plan, so);
      j.yearly = forecast::ForecastTable(
          **c, forecast::Summarize(**c, with, forecast::Period::kYear), forecast::Period::kYear,
          true);
      j.lever_effect = forecast::EffectTable(
          **c, forecast::Difference(**c, with, base, forecast::Period::kYear));
    }
    if (lazy_->forecasts.size() > 64) lazy_->forecasts.clear();  // bounded memory
    found = lazy_->forecasts.emplace(key, std::move(j)).first;
  }
  nlohmann::json out = found->second.head;
  out["yearly"] = ToJson(VisibleRows(found->second.yearly, role));
  out["lever_effect"] = ToJson(VisibleRows(found->second.lever_effect, role));
  return {200, out};
}

ApiResponse Api::ReportSections() const {
  auto report = ReportOnce();
  if (!report.ok()) return Error(503, report.status().message());
  nlohmann::json out = nlohmann::json::array();
  for (const report::ReportSection& s : (*report)->sections) {
    if (s.municipality.empty()) out.push_back({{"key", s.key}, {"title", s.title}});
  }
  return {200, out};
}

ApiResponse Api::ReportPart(const std::string& key, const Role& role) const {
  auto report = ReportOnce();
  if (!report.ok()) return Error(503, report.status().message());
  for (const report::ReportSection& s : (*report)->sections) {
    if (s.key != key) continue;
    if (!s.municipality.empty() && !role.MaySee(s.municipality)) {
      return Error(403, "dit token geeft geen toegang tot gemeente '" + s.municipality + "'");
    }
    nlohmann::json tables = nlohmann::json::array();
    for (const auto& t : s.tables) {
      tables.push_back({{"key", t.key},
                        {"title", t.table.title},
                        {"columns", [&] {
                           nlohmann::json cols = nlohmann::json::array();
                           for (const Column& c : t.table.columns) {
                             cols.push_back({{"key", c.key}, {"label", c.label}});
                           }
                           return cols;
                         }()},
                        {"rows", ToJson(VisibleRows(t.table, role))},
                        {"notes", t.table.notes}});
    }
    return {200, {{"key", s.key}, {"title", s.title}, {"text", s.text}, {"tables", tables}}};
  }
  return Error(404, "onbekend onderdeel '" + key + "'");
}

}  // namespace jr::server
