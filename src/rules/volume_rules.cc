#include "rules/volume_rules.h"

#include <fmt/format.h>

#include "rules/rule_util.h"

namespace jr::rules {
namespace {

int64_t VolumeOf(const Declaration& d) { return d.volume.hundredths; }
int64_t AmountOf(const Declaration& d) {
  return d.amount < Money() ? -d.amount.cents() : d.amount.cents();
}
// A key for the period of a line: first and last day.
int64_t PeriodKey(const Declaration& d) {
  return (static_cast<int64_t>(DayNumber(d.start)) << 32) |
         static_cast<uint32_t>(DayNumber(d.end));
}
int64_t MonthsTouched(const Declaration& d) {
  Date last = LastDay(d);
  return MonthIndex(last.year() / last.month()) -
         MonthIndex(d.start.year() / d.start.month()) + 1;
}
const char* FrequencyText(Frequency f) {
  switch (f) {
    case Frequency::kPerDay:
      return "per dag";
    case Frequency::kPerWeek:
      return "per week";
    case Frequency::kPerMonth:
      return "per maand";
    case Frequency::kTotal:
      return "in totaal";
  }
  return "";
}

// Lines of the assignment in its unit, grouped by first day (the running sums).
std::vector<std::vector<size_t>> ByStart(std::span<const Declaration> lines,
                                         const Assignment& a) {
  std::vector<std::vector<size_t>> groups;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].unit != a.unit) continue;
    if (groups.empty() || lines[groups.back().front()].start != lines[i].start) {
      groups.emplace_back();
    }
    groups.back().push_back(i);
  }
  return groups;
}

}  // namespace

void PeriodVolumeRule::Check(const AssignmentLines& group, const RuleContext&,
                             FindingSink* out) const {
  const Assignment& a = *group.assignment;
  if (a.frequency == Frequency::kTotal) return;
  ForEachGroup(group.lines, PeriodKey, [&](std::span<const size_t> lines) {
    const Declaration& first = group.lines[lines.front()];
    if (first.unit != a.unit) return;
    int64_t days = Days(first);
    // The limit in hundredths x 7 for "per week", so the comparison stays exact.
    int64_t scale = a.frequency == Frequency::kPerWeek ? 7 : 1;
    int64_t limit = a.frequency == Frequency::kPerDay ? a.volume.hundredths * days
                    : a.frequency == Frequency::kPerWeek
                        ? a.volume.hundredths * days
                        : a.volume.hundredths * MonthsTouched(first);
    int64_t sum = 0;
    RunningLimit(
        group.lines, lines, limit, &sum,
        [scale](const Declaration& d) { return VolumeOf(d) * scale; },
        [&](const Declaration& d, int64_t with) {
          out->Add(d, "9321", FindingStatus::kRejected, "volume",
                   fmt::format("volume {} in {} is meer dan toegewezen ({} {}: hoogstens "
                               "{} in deze periode)",
                               Volume{with / scale}.ToString(), PeriodText(d),
                               a.volume.ToString(), FrequencyText(a.frequency),
                               Volume{limit / scale}.ToString()));
        });
  });
}

void TotalVolumeRule::Check(const AssignmentLines& group, const RuleContext&,
                            FindingSink* out) const {
  const Assignment& a = *group.assignment;
  if (a.frequency != Frequency::kTotal) return;
  int64_t sum = 0;
  for (const auto& lines : ByStart(group.lines, a)) {
    RunningLimit(group.lines, lines, a.volume.hundredths, &sum, VolumeOf,
                 [&](const Declaration& d, int64_t with) {
                   out->Add(d, "9322", FindingStatus::kRejected, "volume",
                            fmt::format("som van de volumes {} is meer dan het "
                                        "toegewezen volume {} in totaal",
                                        Volume{with}.ToString(), a.volume.ToString()));
                 });
  }
}

void BudgetRule::Check(const AssignmentLines& group, const RuleContext&,
                       FindingSink* out) const {
  const Assignment& a = *group.assignment;
  if (!a.budget) return;
  int64_t sum = 0;
  for (const auto& lines : ByStart(group.lines, a)) {
    RunningLimit(
        group.lines, lines, a.budget->cents(), &sum, AmountOf,
        [&](const Declaration& d, int64_t with) {
          out->Add(d, "9369", FindingStatus::kRejected, "amount",
                   fmt::format("som van de bedragen {} is meer dan het budget "
                               "van de toewijzing ({})",
                               Money::FromCents(with).ToString(), a.budget->ToString()));
        });
  }
}

void WeekMaximumRule::Check(const AssignmentLines& group, const RuleContext& ctx,
                            FindingSink* out) const {
  const Assignment& a = *group.assignment;
  auto max = ctx.MaxPerWeek(a.category, a.product_code);
  if (!max) return;
  // Inside one ISO week: key = its Monday (negative keys can't clash with the
  // period keys below, which are >= 0 for days after 1970).
  auto key = [](const Declaration& d) -> int64_t {
    int first = IsoMonday(DayNumber(d.start));
    int last = IsoMonday(DayNumber(d.end) - 1);
    if (first == last) return -1 - static_cast<int64_t>(first);
    return PeriodKey(d);
  };
  ForEachGroup(group.lines, key, [&](std::span<const size_t> lines) {
    const Declaration& first = group.lines[lines.front()];
    int64_t weeks =
        (IsoMonday(DayNumber(first.end) - 1) - IsoMonday(DayNumber(first.start))) / 7 + 1;
    int64_t limit = *max * 100 * weeks;
    int64_t sum = 0;
    RunningLimit(group.lines, lines, limit, &sum, VolumeOf,
                 [&](const Declaration& d, int64_t with) {
                   out->Add(d, "JR03", FindingStatus::kRejected, "volume",
                            weeks == 1 ? fmt::format("{} eenheden in de ISO-week van {}; "
                                                     "hoogstens {} per week",
                                                     Volume{with}.ToString(),
                                                     FormatDate(d.start), *max)
                                       : fmt::format("{} eenheden in {} ({} ISO-weken); "
                                                     "hoogstens {} per week",
                                                     Volume{with}.ToString(),
                                                     PeriodText(d), weeks, *max));
                 });
  });
}

}  // namespace jr::rules
