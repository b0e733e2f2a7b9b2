#include "server/api.h"

#include <fmt/format.h>

#include <unordered_map>

#include "core/table.h"
#include "report/table_filter.h"
#include "report/use_table.h"
#include "server/api_util.h"
#include "server/token_store.h"
#include "settle/builtin_models.h"
#include "settle/settle_run.h"
#include "settle/settlement_loader.h"
#include "settle/settlement_tables.h"

namespace jr::server {

Result<std::unique_ptr<Api>> Api::Load(const Store& store, const ApiOptions& options) {
  std::unique_ptr<Api> api(new Api());
  api->options_ = options;
  api->lazy_ = std::make_unique<Lazy>(std::max(1, options.heavy_running),
                                      std::max(0, options.heavy_waiting));
  api->dataset_ = store.GetMeta("dataset");
  api->schema_version_ = store.SchemaVersion();
  auto region = store.LoadRegion();
  if (!region.ok()) return region.status();
  api->region_ = std::move(region).value();
  auto use = store.UseByMunicipalityYear();
  if (!use.ok()) return use.status();
  // The rows of `jeugdregio stats` (with the region's rows per year), built once.
  api->use_ = report::UseTable(api->region_, *use, 0, /*with_totals=*/true);
  auto input = settle::LoadSettlementInput(store);  // every year, with client costs
  if (!input.ok()) return input.status();
  if (input->years.empty()) {
    return Status::Error("geen declaraties in de database; importeer eerst zorggegevens");
  }
  api->settlement_ = std::move(input).value();
  for (const std::string& name : settle::BuiltinModelNames()) {
    auto m = settle::BuiltinModel(name);
    if (!m.ok()) return m.status();
    auto model = std::make_shared<const settle::Model>(std::move(m).value());
    // The years the model can settle, offered by the dashboard (not those with, e.g.,
    // too little history: their refusal is no text for a page).
    settle::SettleOptions every_year;
    every_year.every_year = true;
    every_year.skip_unsettled = true;
    auto s = settle::Run(api->settlement_, {model.get()}, every_year);
    if (!s.ok()) return s.status();
    std::vector<int>& years = api->settle_years_[name];
    for (const settle::YearSettlement& y : s->All()) years.push_back(y.year);
    api->models_.emplace(name, std::move(model));
  }
  auto findings = store.LoadFindings();
  if (!findings.ok()) return findings.status();
  if (!findings->empty()) {
    auto assignments = store.LoadAssignments();
    if (!assignments.ok()) return assignments.status();
    std::unordered_map<std::string, std::string> paying;
    for (const Assignment& a : *assignments) paying.emplace(a.number, a.municipality);
    for (Finding& f : findings.value()) {
      auto it = paying.find(f.assignment);
      api->findings_.emplace_back(it == paying.end() ? "" : it->second, std::move(f));
    }
  }
  auto tokens = LoadTokenRoles(store);
  if (!tokens.ok()) return tokens.status();
  api->lazy_->tokens =
      std::make_shared<const std::map<std::string, Role>>(std::move(tokens).value());
  api->lazy_->tokens_loaded = std::chrono::steady_clock::now();
  if (!options.levers_file.empty()) {
    auto levers = forecast::LoadLevers(options.levers_file);
    if (!levers.ok()) return levers.status();
    api->levers_ = std::move(levers).value();
  }
  return api;
}

Result<Role> Api::Authenticate(const ApiRequest& r) const {
  if (options_.open) return Role{};
  constexpr std::string_view kBearer = "Bearer ";
  if (!std::string_view(r.authorization).starts_with(kBearer)) {
    return Status::Error("geen token: stuur 'Authorization: Bearer <token>'");
  }
  const auto tokens = Tokens();
  auto it =
      tokens->find(HashToken(std::string_view(r.authorization).substr(kBearer.size())));
  if (it == tokens->end()) return Status::Error("onbekend token");
  return it->second;
}

std::shared_ptr<const std::map<std::string, Role>> Api::Tokens() const {
  Lazy& l = *lazy_;
  std::unique_lock lock(l.token_mu);
  const auto now = std::chrono::steady_clock::now();
  if (options_.db_path.empty() || l.tokens_loading ||
      now - l.tokens_loaded < std::chrono::seconds(1)) {
    return l.tokens;
  }
  l.tokens_loading = true;  // one thread reloads; the others use the current ones
  lock.unlock();
  std::shared_ptr<const std::map<std::string, Role>> fresh;
  if (auto store = Store::Open(options_.db_path, /*create=*/false); store.ok()) {
    if (auto t = LoadTokenRoles(**store); t.ok()) {
      fresh = std::make_shared<const std::map<std::string, Role>>(std::move(t).value());
    }
  }
  lock.lock();
  l.tokens_loading = false;
  l.tokens_loaded = std::chrono::steady_clock::now();
  if (fresh) l.tokens = std::move(fresh);
  return l.tokens;
}

ApiResponse Api::Handle(const ApiRequest& r) const {
  if (r.method != "GET") return Error(405, "alleen GET wordt ondersteund");
  // Invalid UTF-8 is refused before anything else, without echoing the bytes.
  if (!IsValidUtf8(r.path)) return Error(400, "het pad is geen geldige UTF-8");
  for (const auto& [name, value] : r.query) {
    if (!IsValidUtf8(name)) return Error(400, "een parameternaam is geen geldige UTF-8");
    if (!IsValidUtf8(value)) {
      return Error(400, "parameter '" + name + "': de waarde is geen geldige UTF-8");
    }
  }
  auto role = Authenticate(r);
  if (!role.ok()) return Error(401, role.status().message());
  if (r.path == "/api/health") return Health(*role);
  if (r.path == "/api/settlement") return Settlement(r);
  if (r.path == "/api/region") return RegionTotals();
  if (r.path == "/api/municipalities") return Municipalities(*role);
  if (r.path == "/api/levers") return Levers();
  if (r.path == "/api/forecast") return Forecast(r, *role);
  if (r.path == "/api/governance") return Governance(r, *role);
  if (r.path == "/api/report") return ReportSections();
  if (r.path == "/api/findings") return Findings(r, *role);
  constexpr std::string_view kReport = "/api/report/";
  if (std::string_view(r.path).starts_with(kReport)) {
    return ReportPart(r.path.substr(kReport.size()), *role);
  }
  constexpr std::string_view kMunicipality = "/api/municipalities/";
  if (std::string_view(r.path).starts_with(kMunicipality)) {
    std::string code = r.path.substr(kMunicipality.size());
    if (region_.Find(code) == nullptr)
      return Error(404, "onbekende gemeente '" + code + "'");
    if (!role->MaySee(code)) {
      return Error(403, "dit token geeft geen toegang tot gemeente '" + code + "'");
    }
    return MunicipalityDetail(code, r);
  }
  return Error(404, "onbekend pad '" + r.path + "'");
}

ApiResponse Api::Health(const Role& role) const {
  return {200,
          {{"status", "ok"},
           {"role", role.name()},
           {"dataset", dataset_},
           {"schema_version", schema_version_},
           {"first_year", settlement_.FirstYear()},
           {"last_year", settlement_.years.rbegin()->first},
           {"models", settle::BuiltinModelNames()},
           {"settle_years", settle_years_},
           {"keys", region_.KeyNames()}}};
}

ApiResponse Api::Settlement(const ApiRequest& r) const {
  auto model = RequestModel(r);
  if (!model.ok()) return Error(400, model.status().message());
  auto year = IntParam(r, "year", settlement_.years.rbegin()->first);
  if (!year.ok()) return Error(400, year.status().message());
  if (settlement_.Year(*year) == nullptr) {
    return Error(400,
                 fmt::format("geen gegevens voor jaar {}; jaren {}-{}", *year,
                             settlement_.FirstYear(), settlement_.years.rbegin()->first));
  }
  settle::SettleOptions one_year;
  one_year.first_year = one_year.last_year = *year;
  auto s = settle::Run(settlement_, {model->get()}, one_year);
  if (!s.ok()) return Error(400, s.status().message());
  return {200, ToJson(settle::SettlementTable(s->All(), /*with_totals=*/false))};
}

ApiResponse Api::Findings(const ApiRequest& r, const Role& role) const {
  auto year = IntParam(r, "year", 0);
  if (!year.ok()) return Error(400, year.status().message());
  auto limit = IntParam(r, "limit", 1000);
  if (!limit.ok()) return Error(400, limit.status().message());
  auto code = r.query.find("code");
  nlohmann::json list = nlohmann::json::array();
  int64_t total = 0;
  for (const auto& [municipality, f] : findings_) {
    if (!role.MaySee(municipality)) continue;
    if (*year != 0 && static_cast<int>(f.start.year()) != *year) continue;
    if (code != r.query.end() && f.code != code->second) continue;
    if (++total > *limit) continue;
    list.push_back({{"declaration", f.declaration},
                    {"assignment", f.assignment},
                    {"municipality", municipality},
                    {"start", FormatDate(f.start)},
                    {"code", f.code},
                    {"status", FindingStatusName(f.status)},
                    {"message", f.message},
                    {"rule", f.rule},
                    {"field", f.field}});
  }
  return {200, {{"findings", list}, {"total", total}}};
}

ApiResponse Api::RegionTotals() const {
  return {200, {{"dataset", dataset_}, {"years", ToJson(report::TotalRows(use_))}}};
}

ApiResponse Api::Municipalities(const Role& role) const {
  nlohmann::json out = nlohmann::json::array();
  for (const Municipality& m : region_.municipalities()) {
    if (!role.MaySee(m.code)) continue;
    out.push_back({{"municipality", m.code}, {"name", m.name}});
  }
  return {200, out};
}

ApiResponse Api::MunicipalityDetail(const std::string& code, const ApiRequest& r) const {
  auto model = RequestModel(r);
  if (!model.ok()) return Error(400, model.status().message());
  nlohmann::json use = ToJson(report::RowsOf(use_, code));
  // Every year the model can settle (not, e.g., those with too little history).
  settle::SettleOptions every_year;
  every_year.every_year = true;
  every_year.skip_unsettled = true;
  auto s = settle::Run(settlement_, {model->get()}, every_year);
  if (!s.ok()) return Error(400, s.status().message());
  nlohmann::json settlement =
      ToJson(report::RowsOf(settle::SettlementTable(s->All(), false), code));
  return {200,
          {{"municipality", code},
           {"name", region_.Find(code)->name},
           {"model", (*model)->name},
           {"use", use},
           {"settlement", settlement}}};
}

}  // namespace jr::server
