// The governance section of the report (DESIGN.md §2.9): the built-in variants side by
// side per municipality, the score table of the assessment framework and the voting
// table, from bestuur.toml and the store's region.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "governance/governance_run.h"
#include "governance/governance_tables.h"
#include "report/chart_from_table.h"
#include "report/sections.h"

namespace jr::report {

Result<ReportSection> GovernanceSection(const std::string& file, const Region& region) {
  auto run = governance::Run(region, {.config_file = file});
  if (!run.ok()) return run.status();
  ReportSection s{"bestuur", "Bestuur: wie doet wat, tegen welke formatie", {}, {}, {},
                  ""};
  s.text.push_back(fmt::format(
      "Varianten uit {} op de inwoners van {}: huidig, alles lokaal (elke gemeente doet "
      "elke taak zelf: een vast minimum per gemeente plus een deel per inwoner) en alles "
      "regionaal. Aanbieders krijgen bij lokale taken met elke gemeente een "
      "contractpartij.",
      file, run->region.year));
  for (const governance::Outcome& o : run->builtins) {
    if (o.variant == "huidig") continue;
    s.text.push_back(fmt::format(
        "{}: gemeenten {}{} fte (factor {}), aanbieders x{}, score {} (nu {}).",
        o.variant, o.municipal_fte_extra >= 0 ? "+" : "",
        FormatNumber(o.municipal_fte_extra, 1), FormatNumber(o.municipal_factor, 2),
        FormatNumber(o.provider_admin_factor, 2), FormatNumber(o.score_variant, 2),
        FormatNumber(o.score_current, 2)));
  }
  const governance::Outcome& today = run->builtins.front();
  s.text.push_back(fmt::format(
      "{} van de {} gemeenten hebben minder dan {} inwoners, de schaaldrempel om inkoop "
      "en facturering zelf efficiënt te organiseren: {}.",
      today.below_threshold.size(), today.municipalities.size(),
      FormatNumber(static_cast<double>(run->config.scale_threshold), 0),
      fmt::join(today.below_threshold, ", ")));
  Table variants = governance::VariantsTable(run->builtins);
  Table by_municipality =
      variants.Filter([](const Row& r) { return r.kind == RowKind::kDetail; });
  Chart c = ColumnsChart(by_municipality, Chart::Kind::kBars, "name",
                         {"fte_huidig", "fte_alles_lokaal", "fte_alles_regionaal"});
  c.title = "Eigen formatie per gemeente (fte) per variant";
  s.charts.push_back(std::move(c));
  s.tables.push_back(
      {"bestuur_varianten", governance::VariantSummaryTable(run->builtins)});
  s.tables.push_back({"bestuur_gemeenten", std::move(variants)});
  s.tables.push_back({"bestuur_score", governance::CriteriaTable(run->builtins)});
  s.tables.push_back({"bestuur_stemgewicht", governance::VotingTable(run->voting)});
  s.tables.push_back({"bestuur_besluit", governance::DecisionTable(run->voting)});
  s.tables.push_back(
      {"bestuur_verdeling",
       governance::SharingTable(run->sharing, run->config.sharing, run->region.year)});
  return s;
}

}  // namespace jr::report
