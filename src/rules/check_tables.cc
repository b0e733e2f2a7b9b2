#include "rules/check_tables.h"

#include <map>

#include "rules/rule_set.h"

namespace jr::rules {

Table FindingsTable(std::span<const Finding> findings, std::span<const Money> amounts) {
  Table t;
  t.title = "Bevindingen per declaratieregel";
  t.columns = {{"declaration", "Declaratie"},
               {"assignment", "Toewijzing"},
               {"start", "Begindatum"},
               {"code", "Code"},
               {"status", "Status"},
               {"message", "Melding"},
               {"rule", "Regel"},
               {"field", "Veld"},
               {"amount_cents", "Bedrag (EUR)", ColumnType::kCents}};
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    t.AddRow({f.declaration, f.assignment, FormatDate(f.start), f.code,
              std::string(FindingStatusName(f.status)), f.message, f.rule, f.field,
              i < amounts.size() ? Cell(amounts[i]) : Cell()});
  }
  return t;
}

Table FindingsSummaryTable(std::span<const Finding> findings,
                           std::span<const Money> amounts) {
  struct Sum {
    int64_t lines = 0;
    Money amount;
    FindingStatus status = FindingStatus::kRejected;
  };
  std::map<std::string, Sum> per_code;
  for (size_t i = 0; i < findings.size(); ++i) {
    Sum& s = per_code[findings[i].code];
    ++s.lines;
    if (i < amounts.size()) s.amount += amounts[i];
    s.status = findings[i].status;
  }
  Table t;
  t.title = "Bevindingen per code";
  t.columns = {{"code", "Code"},
               {"status", "Status"},
               {"description", "Betekenis"},
               {"lines", "Regels", ColumnType::kInt},
               {"amount_cents", "Bedrag (EUR)", ColumnType::kMoney}};
  for (FindingStatus status : {FindingStatus::kRejected, FindingStatus::kSignal}) {
    int64_t lines = 0;
    Money amount;
    for (const auto& [code, s] : per_code) {
      if (s.status != status) continue;
      const RuleCode* rc = FindRuleCode(code);
      t.AddRow({code, std::string(FindingStatusName(status)),
                std::string(rc ? rc->description : ""), s.lines, s.amount});
      lines += s.lines;
      amount += s.amount;
    }
    if (lines > 0) {
      t.AddRow({std::string("totaal"), std::string(FindingStatusName(status)),
                std::string(""), lines, amount},
               RowKind::kTotal);
    }
  }
  t.notes.push_back(
      "Een regel kan meer codes hebben; de totalen tellen bevindingen, niet regels.");
  return t;
}

}  // namespace jr::rules
