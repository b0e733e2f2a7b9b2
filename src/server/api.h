// Api: the JSON API of `jeugdregio serve` (docs/api.md), without sockets: a request in,
// a response out, so it is tested directly and the HTTP layer stays thin.
//
// The data are loaded once (Load) and read-only afterwards; Handle is const and safe
// to call from many threads at once, and no request waits on a lock held over a
// computation: settlements are recomputed per request (what-if) from the input loaded
// at start; the report, the forecast's calibration and each forecast are computed on
// first use, each with its own store connection, and kept (server/once.h).
// Every error is a JSON object {"error": "<Dutch message>"} with status 400, 401, 403,
// 404, 405 or 503; Handle never throws on bad input. A path or parameter that is not
// valid UTF-8 is refused (400) first, so no message echoes invalid bytes.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/table.h"
#include "forecast/calibration.h"
#include "forecast/lever.h"
#include "region/region.h"
#include "report/report.h"
#include "report/report_builder.h"
#include "server/once.h"
#include "server/role.h"
#include "server/work_gate.h"
#include "settle/model.h"
#include "settle/settlement_input.h"
#include "store/store.h"

namespace jr::server {

struct ApiRequest {
  std::string method = "GET";
  std::string path;                          // "/api/settlement"
  std::map<std::string, std::string> query;  // decoded query parameters
  std::string authorization;                 // the Authorization header, may be empty
};

struct ApiResponse {
  int status = 200;
  nlohmann::json body;
  int retry_after = 0;  // seconds, for the Retry-After header of a 503 (0 = none)
};

struct ApiOptions {
  // Serve without tokens (every request has the region role): for a local demo only.
  bool open = false;
  // The database file, opened again (read-only use) for the parts computed on first
  // use: the report's sections and the forecast's calibration. Empty = those
  // endpoints answer 503.
  std::string db_path;
  // Inputs and settings of the report sections (budget, agenda and measures files;
  // risk and forecast runs). Files left empty give sections that say they are absent.
  report::ReportOptions report;
  // Levers (TOML) the forecast page may switch on; empty = none.
  std::string levers_file;
  int threads = 1;  // worker threads of a forecast (>= 1); results do not depend on it
  // Heavy work (a forecast or the report not computed yet): at most `heavy_running` at
  // once and `heavy_waiting` waiting; beyond that 503 with Retry-After
  // (server/work_gate.h).
  int heavy_running = 1;
  int heavy_waiting = 4;
  // How much lower the CPU priority of heavy work is (nice, 0-19; 0 = the same as
  // the cheap requests'): server/work_gate.h, RunYielding.
  int heavy_nice = kHeavyNice;
};

class Api {
 public:
  // Loads region, use, settlement input, built-in models and token hashes from the
  // store. Fails (Dutch) when the store has no care data.
  static Result<std::unique_ptr<Api>> Load(const Store& store, const ApiOptions& options);

  ApiResponse Handle(const ApiRequest& request) const;

 private:
  Api() = default;
  // The role of the request's bearer token; an error response when there is none.
  Result<Role> Authenticate(const ApiRequest& request) const;
  ApiResponse Health(const Role& role) const;
  ApiResponse Settlement(const ApiRequest& request) const;
  ApiResponse RegionTotals() const;
  ApiResponse Municipalities(const Role& role) const;  // those `role` may see
  ApiResponse MunicipalityDetail(const std::string& code,
                                 const ApiRequest& request) const;
  // api_model.cc: the model of a request (the what-if): `model` (a built-in model,
  // default solidair), optionally with another key for its key rules (`key`) and a
  // phase-in from its default rule to own use over three years from `phase_from`.
  // Dutch error for an unknown model or key, or a phase-in of a blend or phase rule.
  Result<std::shared_ptr<const settle::Model>> RequestModel(
      const ApiRequest& request) const;
  // A forecast answer before role filtering: its parameters and its tables, or the
  // refusal (`error.status` != 200) of a query that cannot be computed.
  struct ForecastAnswer {
    ApiResponse error{200, {}};
    nlohmann::json head;  // from, months, runs, levers
    Table yearly;
    Table lever_effect;  // without rows when no lever is switched on
    Table ceilings;      // providers' ceilings that run out in some run
    Table teams;         // youth teams' budgets that run out in some run
  };

  // api_compute.cc: parts computed on first use and kept.
  ApiResponse Levers() const;
  ApiResponse Forecast(const ApiRequest& request, const Role& role) const;
  // The forecast of `months` and `runs` with the levers of `indexes` (all rows).
  ForecastAnswer ComputeForecast(int months, int runs,
                                 const std::vector<int>& indexes) const;
  // api_governance.cc: a built-in variant of the report's bestuur.toml.
  ApiResponse Governance(const ApiRequest& request, const Role& role) const;
  ApiResponse ReportSections() const;
  ApiResponse Findings(const ApiRequest& request, const Role& role) const;
  ApiResponse ReportPart(const std::string& key, const Role& role) const;
  // The report; `busy` is set (and an error returned) when the heavy work is full.
  Result<const report::Report*> ReportOnce(bool* busy) const;
  Result<const forecast::Calibration*> CalibrationOnce() const;

  // The parts computed on first use. Each is computed once, outside any lock; `mu`
  // guards only the map of forecasts (finding or adding an entry, never computing).
  struct Lazy {
    Lazy(int running, int waiting) : heavy(running, waiting) {}
    WorkGate heavy;
    Once<Result<report::Report>> report;
    Once<Result<forecast::Calibration>> calibration;
    std::mutex mu;
    // By canonical query; shared so a request keeps its entry when the map is cleared.
    std::map<std::string, std::shared_ptr<Once<ForecastAnswer>>> forecasts;
    // The tokens (hash -> role), reloaded from the database at most once a second so
    // `token add` and `token revoke` and an expiry count without a restart.
    std::mutex token_mu;
    std::shared_ptr<const std::map<std::string, Role>> tokens;
    std::chrono::steady_clock::time_point tokens_loaded;
    bool tokens_loading = false;
  };
  // The current tokens (reloaded when older than a second; the old ones are kept when
  // the database cannot be read).
  std::shared_ptr<const std::map<std::string, Role>> Tokens() const;

  ApiOptions options_;
  std::string dataset_;
  int schema_version_ = 0;
  Region region_;
  Table use_;  // report::UseTable: per municipality and year, and a total row per year
  settle::SettlementInput settlement_;
  std::map<std::string, std::shared_ptr<const settle::Model>>
      models_;                                            // built-in, by name
  std::map<std::string, std::vector<int>> settle_years_;  // by model: years it settles
  std::vector<forecast::Lever> levers_;                   // from options_.levers_file
  // The stored findings of `jeugdregio check`, with the paying municipality of each.
  std::vector<std::pair<std::string, Finding>> findings_;
  std::unique_ptr<Lazy> lazy_;
};

// The rows of `t` a role may see: the region role all; a municipality role the total
// rows (the region's) and the rows of its own municipality, or every row of a table
// without a municipality column (ColumnRole::kMunicipality).
Table VisibleRows(const Table& t, const Role& role);

}  // namespace jr::server
