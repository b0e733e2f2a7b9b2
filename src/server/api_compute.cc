// The Api's endpoints whose parts are computed on first use: the report's sections
// (risk, target path, agenda, measures, ...) and the forecast with levers.
#include <fmt/format.h>

#include <cmath>
#include <sstream>

#include "core/table.h"
#include "forecast/forecast_run.h"
#include "forecast/forecast_table.h"
#include "server/api.h"
#include "server/api_util.h"
#include "server/work_gate.h"

namespace jr::server {

Table VisibleRows(const Table& t, const Role& role) {
  const std::optional<size_t> municipality = t.ColumnWith(ColumnRole::kMunicipality);
  if (role.region() || !municipality) return t;
  const Cell own(role.municipality);
  return t.Filter([&](const Row& row) {
    return row.kind == RowKind::kTotal || row[*municipality] == own;
  });
}

namespace {

// A connection of its own to the database at `path`, for one computation of `what`.
Result<std::unique_ptr<Store>> OpenFor(const std::string& path, const char* what) {
  if (path.empty()) return Status::Error(fmt::format("geen database voor {}", what));
  return Store::Open(path, /*create=*/false);
}

}  // namespace

Result<const report::Report*> Api::ReportOnce(bool* busy) const {
  WorkGate::Ticket ticket;
  if (!lazy_->report.Ready()) {
    ticket = lazy_->heavy.Enter();
    if (!ticket) {
      *busy = true;
      return Status::Error("de server is bezig");
    }
  }
  const Result<report::Report>& report =
      lazy_->report.Get([this]() -> Result<report::Report> {
        return RunYielding(options_.heavy_nice, [this]() -> Result<report::Report> {
          auto store = OpenFor(options_.db_path, "het rapport");
          if (!store.ok()) return store.status();
          return report::BuildReport(**store, options_.report);
        });
      });
  if (!report.ok()) return report.status();
  return &report.value();
}

Result<const forecast::Calibration*> Api::CalibrationOnce() const {
  const Result<forecast::Calibration>& c =
      lazy_->calibration.Get([this]() -> Result<forecast::Calibration> {
        auto store = OpenFor(options_.db_path, "de prognose");
        if (!store.ok()) return store.status();
        // Calibrated on every complete year: the forecast starts in January after the
        // last.
        auto cutoff =
            ParseDate(fmt::format("{}-01-01", settlement_.years.rbegin()->first + 1));
        if (!cutoff.ok()) return cutoff.status();
        return forecast::Calibrate(**store, *cutoff);
      });
  if (!c.ok()) return c.status();
  return &c.value();
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
  std::vector<int> indexes;
  if (auto it = r.query.find("levers"); it != r.query.end() && !it->second.empty()) {
    std::stringstream in(it->second);
    for (std::string item; std::getline(in, item, ',');) {
      int i = -1;
      std::istringstream number(item);
      if (!(number >> i) || !number.eof() || i < 0 ||
          i >= static_cast<int>(levers_.size())) {
        return Error(400,
                     levers_.empty()
                         ? fmt::format("parameter 'levers': '{}' is geen hefboom (geen "
                                       "hefbomen; start serve met --levers)",
                                       item)
                         : fmt::format("parameter 'levers': '{}' is geen hefboom (0-{})",
                                       item, levers_.size() - 1));
      }
      indexes.push_back(i);
    }
  }
  const std::string key =
      fmt::format("{}/{}/{}", *months, *runs, fmt::join(indexes, ","));

  std::shared_ptr<Once<ForecastAnswer>> entry;
  {
    std::lock_guard lock(lazy_->mu);
    auto it = lazy_->forecasts.find(key);
    if (it == lazy_->forecasts.end()) {
      if (lazy_->forecasts.size() > 64) lazy_->forecasts.clear();  // bounded memory
      it = lazy_->forecasts.emplace(key, std::make_shared<Once<ForecastAnswer>>()).first;
    }
    entry = it->second;
  }
  WorkGate::Ticket ticket;
  if (!entry->Ready()) {
    ticket = lazy_->heavy.Enter();
    if (!ticket) return Busy();
  }
  const ForecastAnswer& computed = entry->Get([&] {
    return RunYielding(options_.heavy_nice,
                       [&] { return ComputeForecast(*months, *runs, indexes); });
  });
  if (computed.error.status != 200) return computed.error;
  nlohmann::json out = computed.head;
  out["yearly"] = ToJson(VisibleRows(computed.yearly, role));
  out["lever_effect"] = ToJson(VisibleRows(computed.lever_effect, role));
  // Ceilings are the region's contracts: every role sees them; a team is its
  // municipality's.
  out["ceilings"] = ToJson(computed.ceilings);
  out["teams"] = ToJson(VisibleRows(computed.teams, role));
  return {200, out};
}

Api::ForecastAnswer Api::ComputeForecast(int months, int runs,
                                         const std::vector<int>& indexes) const {
  ForecastAnswer answer;
  auto c = CalibrationOnce();
  if (!c.ok()) {
    answer.error = Error(503, c.status().message());
    return answer;
  }
  forecast::ForecastOptions fo;
  fo.months = months;
  fo.runs = runs;
  fo.threads = options_.threads;
  fo.monthly = false;  // the API answers per year
  for (int i : indexes) fo.levers.push_back(levers_[i]);
  auto f = forecast::Run(**c, fo);
  if (!f.ok()) {
    answer.error = Error(400, f.status().message());
    return answer;
  }
  const forecast::Calibration& cal = f->calibration;
  answer.head = {{"from", FormatMonth(FromMonthIndex(cal.start_month))},
                 {"months", months},
                 {"runs", runs},
                 {"levers", indexes}};
  answer.yearly = forecast::ForecastTable(cal, f->yearly, forecast::Period::kYear, true);
  if (!fo.levers.empty()) answer.lever_effect = forecast::EffectTable(cal, f->effect);
  answer.ceilings = forecast::CapacityTable(f->capacity, true, false);
  answer.teams = forecast::CapacityTable(f->capacity, false, false);
  return answer;
}

namespace {

// The type of a report column for the dashboard's formatting (docs/api.md).
const char* ColumnTypeName(ColumnType t) {
  switch (t) {
    case ColumnType::kText:
      return "text";
    case ColumnType::kInt:
      return "int";
    case ColumnType::kYear:
      return "year";
    case ColumnType::kMoney:
      return "money";
    case ColumnType::kCents:
      return "cents";
    case ColumnType::kNumber:
      return "number";
    case ColumnType::kPercent:
      return "percent";
  }
  return "text";
}

// A chart of the report as data for the dashboard's Chart.js: NaN values are null.
nlohmann::json ChartJson(const report::Chart& c) {
  static constexpr const char* kKinds[] = {"bars", "lines", "fan"};
  nlohmann::json series = nlohmann::json::array();
  for (const report::Series& s : c.series) {
    nlohmann::json values = nlohmann::json::array();
    for (double v : s.values)
      values.push_back(std::isfinite(v) ? nlohmann::json(v) : nullptr);
    series.push_back({{"name", s.name}, {"values", values}, {"dashed", s.dashed}});
  }
  return {{"kind", kKinds[static_cast<int>(c.kind)]},
          {"title", c.title},
          {"unit", c.unit},
          {"categories", c.categories},
          {"series", series},
          {"note", c.note}};
}

}  // namespace

ApiResponse Api::ReportSections() const {
  bool busy = false;
  auto report = ReportOnce(&busy);
  if (busy) return Busy();
  if (!report.ok()) return Error(503, report.status().message());
  nlohmann::json out = nlohmann::json::array();
  for (const report::ReportSection& s : (*report)->sections) {
    if (s.municipality.empty()) out.push_back({{"key", s.key}, {"title", s.title}});
  }
  return {200, out};
}

ApiResponse Api::ReportPart(const std::string& key, const Role& role) const {
  bool busy = false;
  auto report = ReportOnce(&busy);
  if (busy) return Busy();
  if (!report.ok()) return Error(503, report.status().message());
  for (const report::ReportSection& s : (*report)->sections) {
    if (s.key != key) continue;
    if (!s.municipality.empty() && !role.MaySee(s.municipality)) {
      return Error(403,
                   "dit token geeft geen toegang tot gemeente '" + s.municipality + "'");
    }
    nlohmann::json tables = nlohmann::json::array();
    for (const auto& t : s.tables) {
      tables.push_back({{"key", t.key},
                        {"title", t.table.title},
                        {"columns",
                         [&] {
                           nlohmann::json cols = nlohmann::json::array();
                           for (const Column& c : t.table.columns) {
                             cols.push_back({{"key", c.key},
                                             {"label", c.label},
                                             {"type", ColumnTypeName(c.type)},
                                             {"decimals", c.decimals}});
                           }
                           return cols;
                         }()},
                        {"rows", ToJson(VisibleRows(t.table, role))},
                        {"notes", t.table.notes}});
    }
    // The charts in euro of a municipality page (its own-use fan chart): the same
    // numbers as the report's page.
    nlohmann::json charts = nlohmann::json::array();
    for (const report::Chart& c : s.charts) {
      if (!s.municipality.empty() && c.unit == "EUR") charts.push_back(ChartJson(c));
    }
    return {200,
            {{"key", s.key},
             {"title", s.title},
             {"text", s.text},
             {"tables", tables},
             {"charts", charts}}};
  }
  return Error(404, "onbekend onderdeel '" + key + "'");
}

}  // namespace jr::server
