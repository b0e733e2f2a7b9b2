#include "rules/residence_rule.h"

#include <fmt/format.h>

namespace jr::rules {
namespace {

// The first day of the placement `a` belongs to: follow residential predecessors.
Date PlacementStart(const Assignment& a, const RuleContext& ctx) {
  const Assignment* first = &a;
  for (int guard = 0; guard < 100 && !first->predecessor.empty(); ++guard) {
    const Assignment* p = ctx.FindAssignment(first->predecessor);
    if (p == nullptr || !ctx.IsResidential(*p)) break;
    first = p;
  }
  return first->start;
}

}  // namespace

void ResidenceRule::Check(const AssignmentLines& group, const RuleContext& ctx,
                          FindingSink* out) const {
  const Assignment& a = *group.assignment;
  bool residential = ctx.IsResidential(a);
  std::string placement_municipality;
  Date placement{};
  if (residential) {
    placement = PlacementStart(a, ctx);
    placement_municipality =
        ctx.ResidenceOn(a.client, FromDayNumber(DayNumber(placement) - 1));
    if (placement_municipality.empty()) {
      placement_municipality = ctx.ResidenceOn(a.client, placement);
    }
  }
  for (const Declaration& d : group.lines) {
    if (!out->InYears(d)) continue;
    int year = static_cast<int>(d.start.year());
    bool rule_2022 = residential && year >= 2022;
    std::string responsible =
        rule_2022 ? placement_municipality : ctx.ResidenceOn(a.client, d.start);
    if (responsible.empty() || responsible == a.municipality) continue;
    responsible = ctx.region().SuccessorIn(responsible, year);
    if (responsible == ctx.region().SuccessorIn(a.municipality, year)) continue;
    out->Add(
        d, "JR04", FindingStatus::kSignal, "assignment",
        rule_2022
            ? fmt::format("gemeente {} betaalt, maar {} is verantwoordelijk (woonde "
                          "daar voor het verblijf vanaf {}; woonplaatsbeginsel 2022)",
                          a.municipality, responsible, FormatDate(placement))
            : fmt::format("gemeente {} betaalt, maar de cliënt woont op {} in {} "
                          "(woonplaatsbeginsel)",
                          a.municipality, FormatDate(d.start), responsible));
  }
}

}  // namespace jr::rules
