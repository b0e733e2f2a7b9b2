// jeugdregio governance: who does what, at what staffing cost (DESIGN.md §2.9) — a
// variant of local and regional tasks against today, per actor, task and
// municipality, scored on the five criteria of the assessment framework; the voting
// weights (--voting), the pro-rata sharing of joint costs and capacity (--sharing) and
// the built-in variants side by side (--compare).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>

#include "cli/command.h"
#include "core/table.h"
#include "governance/governance_run.h"
#include "governance/governance_tables.h"

namespace jr::cli {
namespace {

constexpr const char* kConfigName = "bestuur.toml";

struct GovernanceFlags {
  std::string config;  // empty = ResolveConfigFile
  std::string db;
  governance::RunOptions run;
  bool voting = false;
  bool sharing = false;
  bool compare = false;
  OutputFormat format = OutputFormat::kTable;
};

std::string SummaryLine(const governance::GovernanceRun& run) {
  const governance::Outcome& o = run.outcome;
  return fmt::format(
      "Variant {} ({}, {} gemeenten): gemeenten {}{} fte (factor {}), aanbieders x{}; "
      "score {} (nu {}). Onder de schaaldrempel van {} inwoners: {} van {} ({}).",
      o.variant, run.region.year, o.municipalities.size(),
      o.municipal_fte_extra >= 0 ? "+" : "", FormatNumber(o.municipal_fte_extra, 1),
      FormatNumber(o.municipal_factor, 2), FormatNumber(o.provider_admin_factor, 2),
      FormatNumber(o.score_variant, 2), FormatNumber(o.score_current, 2),
      FormatNumber(static_cast<double>(run.config.scale_threshold), 0),
      o.below_threshold.size(), o.municipalities.size(),
      fmt::join(o.below_threshold, ", "));
}

void Run(GovernanceFlags& o) {
  o.run.config_file = ResolveConfigFile(o.config, kConfigName, o.db);
  auto store = OpenExisting(o.db);
  auto region = store->LoadRegion();
  if (!region.ok()) Fail(region.status());
  auto run = governance::Run(*region, o.run);
  if (!run.ok()) Fail(run.status());
  std::vector<Section> sections;
  nlohmann::json json;
  if (o.voting) {
    json = governance::VotingJson(*run);
    sections = {{"rows", governance::VotingTable(run->voting)},
                {"decisions", governance::DecisionTable(run->voting)}};
  } else if (o.sharing) {
    json = governance::SharingJson(*run);
    sections = {{"rows", governance::SharingTable(run->sharing, run->config.sharing,
                                                  run->region.year)}};
  } else if (o.compare) {
    json = {{"variants", ToJson(governance::VariantSummaryTable(run->builtins))},
            {"rows", ToJson(governance::VariantsTable(run->builtins))}};
    sections = {{"variants", governance::VariantSummaryTable(run->builtins)},
                {"rows", governance::VariantsTable(run->builtins)}};
  } else {
    json = governance::OutcomeJson(*run);
    sections = {{"actors", governance::ActorTable(run->outcome)},
                {"tasks", governance::TaskTable(run->outcome)},
                {"rows", governance::MunicipalityTable(run->outcome)},
                {"criteria", governance::ScoreTable(run->outcome)}};
    sections.front().table.notes.push_back(SummaryLine(*run));
  }
  // The demo region says so in every output.
  const std::string dataset = store->GetMeta("dataset");
  if (!dataset.empty()) {
    sections.front().table.title += " (" + dataset + ")";
    if (json.contains("summary")) json["summary"]["dataset"] = dataset;
  }
  if (o.format == OutputFormat::kJson) {
    std::cout << DumpJson(json, 2) << "\n" << std::flush;
  } else {
    std::cout << RenderSections(sections, o.format) << std::flush;
  }
}

void Register(CLI::App& app) {
  auto o = std::make_shared<GovernanceFlags>();
  auto* c = app.add_subcommand(
      "governance",
      "bestuur: wie doet wat, tegen welke formatie; varianten lokaal en regionaal, "
      "toetsingskader, stemgewicht en verdeling naar rato");
  AddConfigOption(c, &o->config, kConfigName);
  AddDbOption(c, &o->db);
  c->add_option("--variant", o->run.variant,
                "huidig, alles-lokaal, alles-regionaal of een variantbestand (TOML)")
      ->capture_default_str();
  c->add_option("--weights", o->run.weights,
                "gewichten van de criteria, bijvoorbeeld kwaliteit=2,eigenaarschap=0.5 "
                "(kwaliteit, efficientie, stuurbaarheid, eenvoud, eigenaarschap)");
  c->add_option("--year", o->run.year,
                "jaar van de inwoners (standaard: het laatste jaar met inwoners)");
  auto* voting = c->add_flag("--voting", o->voting,
                             "stemgewicht per gemeente naar omvang en gelijk, en wat een "
                             "besluit nodig heeft");
  auto* sharing = c->add_flag(
      "--sharing", o->sharing,
      "gezamenlijke kosten en projectcapaciteit naar rato (tot op de cent en het uur)");
  auto* compare = c->add_flag("--compare", o->compare,
                              "huidig, alles-lokaal en alles-regionaal naast elkaar");
  voting->excludes(sharing)->excludes(compare);
  sharing->excludes(compare);
  AddFormatOption(c, &o->format);
  c->callback([o] { Run(*o); });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
