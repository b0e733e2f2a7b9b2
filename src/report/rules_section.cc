// The report's section "Rechtmatigheid en plafonds" (issue 12): the decisions of the
// care rules per code, the providers' ceilings, the youth teams' budgets and the
// commitments. The check is redone without recording, with the rules file of the
// last `jeugdregio check`, so the report never writes to the store.
#include <fmt/format.h>

#include "core/env.h"
#include "report/sections.h"
#include "rules/ceilings.h"
#include "rules/check.h"
#include "rules/check_tables.h"

namespace jr::report {

Result<ReportSection> RulesSection(const Store& store) {
  if (store.GetMeta(rules::kFingerprintMeta).empty()) {
    return AbsentSection("rechtmatigheid", "Rechtmatigheid en plafonds",
                         "Voer eerst 'jeugdregio check' uit: dan staat hier per code wat "
                         "is afgewezen, en per aanbieder het budgetplafond.");
  }
  rules::CheckOptions options;
  std::string file = store.GetMeta(rules::kRulesFileMeta);
  if (!file.empty() && Env::Default().FileExists(file)) {
    auto r = rules::LoadRegionRules(file);
    if (!r.ok()) return r.status();
    options.rules = *r;
    options.rules_file = file;
  }
  options.threads = 1;
  auto checked = rules::ComputeCheck(store, options);
  if (!checked.ok()) return checked.status();
  auto ctx = rules::RuleContext::Build(store, options.rules);
  if (!ctx.ok()) return ctx.status();
  rules::Ceilings ceilings = rules::ComputeCeilings(*ctx, *checked);

  ReportSection s;
  s.key = "rechtmatigheid";
  s.title = "Rechtmatigheid en plafonds";
  s.text.push_back(fmt::format(
      "Alle {} declaratieregels zijn getoetst aan de iJw-regels en de eigen regels van "
      "de "
      "regio. {} regels zijn afgewezen: die worden niet betaald en tellen nergens als "
      "eigen gebruik. {} regels hebben alleen een signaal: ze tellen mee en staan ter "
      "beoordeling.",
      FormatNumber(static_cast<double>(checked->lines), 0),
      FormatNumber(static_cast<double>(checked->rejected_lines), 0),
      FormatNumber(static_cast<double>(checked->signal_lines), 0)));
  s.text.push_back(
      "Per aanbieder en perceel het budgetplafond, wat is besteed, wat nog verplicht is "
      "en de maand waarin het plafond op was; per jeugdteam het budget en de "
      "toewijzingen die naar de toetsingscommissie moeten.");
  s.tables.push_back(
      {"bevindingen", rules::FindingsSummaryTable(checked->findings, checked->amounts)});
  for (Section& t : rules::CeilingSections(ceilings)) s.tables.push_back(std::move(t));
  return s;
}

}  // namespace jr::report
