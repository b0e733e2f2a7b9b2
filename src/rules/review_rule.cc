#include "rules/review_rule.h"

#include <fmt/format.h>

namespace jr::rules {

std::optional<Money> AssignmentValue(const Assignment& a, const RuleContext& ctx) {
  if (a.budget) return a.budget;
  auto tariff = ctx.AgreedTariff(a.category, a.product_code,
                                 static_cast<int>(a.start.year()), a.agb);
  if (!tariff) return std::nullopt;
  int64_t days = a.end ? DayNumber(*a.end) - DayNumber(a.start) : 365;
  // Hundredths of units over the period, as a fraction num / den.
  int64_t num = a.volume.hundredths, den = 1;
  switch (a.frequency) {
    case Frequency::kPerDay:
      num *= days;
      break;
    case Frequency::kPerWeek:
      num *= days;
      den = 7;
      break;
    case Frequency::kPerMonth:
      num *= days * 12;
      den = 365;
      break;
    case Frequency::kTotal:
      break;
  }
  auto value = Volume{num / den}.CheckedTimes(*tariff);
  if (!value.ok()) return std::nullopt;
  return *value;
}

void ReviewRule::Check(const AssignmentLines& group, const RuleContext& ctx,
                       FindingSink* out) const {
  const Assignment& a = *group.assignment;
  const std::optional<Money>& above = ctx.rules().review_above;
  auto value = AssignmentValue(a, ctx);
  const bool over_amount = above && value && *value > *above;
  const bool past_budget = ctx.PastTeamBudget(a);
  if (!over_amount && !past_budget) return;
  // An `akkoord` of the committee on or before the start clears it.
  const ReviewDecision* decision = ctx.FindReviewDecision(a.number);
  if (decision && decision->approved && decision->date <= a.start) return;
  std::string why =
      over_amount
          ? fmt::format("met een waarde van {} is boven het toetsbedrag ({})",
                        value->ToString(), above->ToString())
          : fmt::format("is afgegeven nadat het budget van jeugdteam {} voor {} op was",
                        a.team, static_cast<int>(a.start.year()));
  std::string missing =
      decision == nullptr   ? "heeft geen besluit van de toetsingscommissie"
      : !decision->approved ? fmt::format("is door de toetsingscommissie afgewezen ({})",
                                          FormatDate(decision->date))
                            : fmt::format("heeft pas na de ingangsdatum een akkoord ({})",
                                          FormatDate(decision->date));
  for (const Declaration& d : group.lines) {
    if (!out->InYears(d)) continue;
    out->Add(d, "JR05", FindingStatus::kSignal, "assignment",
             fmt::format("toewijzing {} {} en {}", a.number, why, missing));
    return;
  }
}

}  // namespace jr::rules
