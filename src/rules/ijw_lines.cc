#include "rules/ijw_lines.h"

#include <fmt/format.h>

#include <map>

#include "rules/rule_util.h"

namespace jr::rules {

int64_t CheckUnstoredIjwLines(const std::vector<IjwMessage>& messages,
                              const std::vector<IjwLine>& lines, const RuleContext& ctx,
                              FindingSink* out, std::vector<Money>* amounts) {
  std::map<std::string, const IjwMessage*, std::less<>> jw323;
  for (const IjwMessage& m : messages) {
    if (m.kind == "JW323") jw323[m.Key()] = &m;
  }
  int64_t counted = 0;
  for (const IjwLine& l : lines) {
    if (l.stored) continue;
    auto m = jw323.find(l.message);
    if (m == jw323.end()) continue;
    Declaration d;
    d.assignment = l.assignment;
    d.start = l.start;
    d.end = l.end;
    d.number = fmt::format("{} regel {}", m->second->declaration, l.line);
    if (!out->InYears(d)) continue;
    ++counted;
    std::string where = fmt::format("regel {} van declaratie {} (bericht {})", l.line,
                                    m->second->declaration, l.message);
    if (ctx.FindAssignment(l.assignment) == nullptr) {
      out->set_rule("toewijzing");
      out->Add(d, "9338", FindingStatus::kRejected, "assignment",
               fmt::format("{}: onbekende toewijzing {}", where, l.assignment));
    } else {
      out->set_rule("dubbel");
      out->Add(d, "8021", FindingStatus::kRejected, "number",
               fmt::format("{}: periode {} van toewijzing {} staat al in declaratie {}",
                           where, PeriodText(d), l.assignment, m->second->declaration));
    }
    amounts->push_back(l.amount);
  }
  return counted;
}

}  // namespace jr::rules
