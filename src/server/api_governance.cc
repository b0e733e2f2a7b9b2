// GET /api/governance (docs/api.md): a built-in variant of bestuur.toml on the loaded
// region, the variants side by side, the score, the voting weights and the sharing.
// Computed per request (cheap); the file is the report's governance file.
#include <fmt/format.h>

#include "governance/governance_run.h"
#include "governance/governance_tables.h"
#include "server/api.h"
#include "server/api_util.h"

namespace jr::server {

ApiResponse Api::Governance(const ApiRequest& r, const Role& role) const {
  const std::string& file = options_.report.governance_file;
  if (file.empty()) {
    return Error(503,
                 "geen bestuursbestand: start de server met --governance bestuur.toml");
  }
  governance::RunOptions o{.config_file = file};
  if (auto it = r.query.find("variant"); it != r.query.end()) {
    bool known = false;
    for (const char* name : governance::kBuiltinVariants)
      known = known || it->second == name;
    if (!known) {
      return Error(400,
                   "parameter 'variant': kies huidig, alles-lokaal of alles-regionaal");
    }
    o.variant = it->second;
  }
  if (auto it = r.query.find("weights"); it != r.query.end()) o.weights = it->second;
  if (auto it = r.query.find("year"); it != r.query.end()) {
    auto year = IntParam(r, "year", 0, 1900, 2200);
    if (!year.ok()) return Error(400, year.status().message());
    o.year = *year;
  }
  auto run = governance::Run(region_, o);
  if (!run.ok()) {
    // A bad weight is the request's fault; anything else the server's input.
    const bool request =
        !o.weights.empty() && !governance::ParseWeights(o.weights, {1, 1, 1, 1, 1}).ok();
    return Error(request ? 400 : 503, run.status().ToString());
  }
  auto visible = [&](const Table& t) { return ToJson(VisibleRows(t, role)); };
  return {200,
          {{"summary", governance::SummaryJson(*run, run->outcome)},
           {"rows", visible(governance::MunicipalityTable(run->outcome))},
           {"actors", ToJson(governance::ActorTable(run->outcome))},
           {"tasks", ToJson(governance::TaskTable(run->outcome))},
           {"criteria", ToJson(governance::ScoreTable(run->outcome))},
           {"variants", ToJson(governance::VariantSummaryTable(run->builtins))},
           {"variant_rows", visible(governance::VariantsTable(run->builtins))},
           {"variant_criteria", ToJson(governance::CriteriaTable(run->builtins))},
           {"voting", visible(governance::VotingTable(run->voting))},
           {"decisions", ToJson(governance::DecisionTable(run->voting))},
           {"sharing", visible(governance::SharingTable(run->sharing, run->config.sharing,
                                                        run->region.year))}}};
}

}  // namespace jr::server
