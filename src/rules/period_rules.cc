#include "rules/period_rules.h"

#include <fmt/format.h>

#include "rules/rule_util.h"

namespace jr::rules {
namespace {

std::string AssignmentPeriod(const Assignment& a) {
  if (!a.end) return fmt::format("vanaf {}", FormatDate(a.start));
  return fmt::format("{} t/m {}", FormatDate(a.start),
                     FormatDate(FromDayNumber(DayNumber(*a.end) - 1)));
}

bool Inside(const Assignment& a, Date day) {
  return day >= a.start && (!a.end || day < *a.end);
}

}  // namespace

void PeriodRule::CheckLine(const Declaration& d, const Assignment& a, const RuleContext&,
                           FindingSink* out) const {
  if (!Inside(a, d.start)) {
    out->Add(d, "9307", FindingStatus::kRejected, "start",
             fmt::format("begindatum {} ligt buiten de toewijzing ({})",
                         FormatDate(d.start), AssignmentPeriod(a)));
  }
  Date last = LastDay(d);
  if (!Inside(a, last)) {
    out->Add(d, "9308", FindingStatus::kRejected, "end",
             fmt::format("einddatum {} ligt buiten de toewijzing ({})", FormatDate(last),
                         AssignmentPeriod(a)));
  }
}

void MonthPeriodRule::CheckLine(const Declaration& d, const Assignment& a,
                                const RuleContext&, FindingSink* out) const {
  Month first_month = d.start.year() / d.start.month();
  bool starts_later = a.start.year() / a.start.month() == first_month &&
                      a.start.day() > std::chrono::day(1);
  if (d.start.day() != std::chrono::day(1) && !starts_later) {
    out->Add(d, "9387", FindingStatus::kRejected, "start",
             fmt::format("begindatum {} is niet de eerste dag van de maand en de "
                         "toewijzing begint niet later in die maand",
                         FormatDate(d.start)));
  }
  Date last = LastDay(d);
  Month last_month = last.year() / last.month();
  Date month_end = last_month / std::chrono::last;
  bool ends_earlier = false;
  if (a.end) {
    Date a_last = FromDayNumber(DayNumber(*a.end) - 1);
    ends_earlier = a_last.year() / a_last.month() == last_month && a_last < month_end;
  }
  if (last != month_end && !ends_earlier) {
    out->Add(d, "9388", FindingStatus::kRejected, "end",
             fmt::format("einddatum {} is niet de laatste dag van de maand en de "
                         "toewijzing eindigt niet eerder in die maand",
                         FormatDate(last)));
  }
}

}  // namespace jr::rules
