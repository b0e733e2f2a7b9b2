#include "rules/ceilings.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "rules/review_rule.h"

namespace jr::rules {
namespace {

std::string LotOf(const Assignment& a, const RuleContext& ctx) {
  const Product* p = ctx.FindProduct(a.category, a.product_code);
  return p ? p->bucket : "";
}

// Assigned volume x agreed tariff per day of the assignment (a fraction of a cent is
// kept as double: for sums in the commitments only).
double ValuePerDay(const Assignment& a, const RuleContext& ctx) {
  auto value = AssignmentValue(a, ctx);
  if (!value) return 0.0;
  int64_t days = a.end ? DayNumber(*a.end) - DayNumber(a.start) : 365;
  return days > 0 ? static_cast<double>(value->cents()) / static_cast<double>(days) : 0.0;
}

}  // namespace

Ceilings ComputeCeilings(const RuleContext& ctx, const CheckResult& check) {
  Ceilings out;
  out.today = check.last_day;
  std::map<std::tuple<std::string, int, std::string>, const ProviderSpend*> spend;
  for (const ProviderSpend& s : check.spend) spend[{s.agb, s.year, s.lot}] = &s;

  // Commitments per municipality, provider, lot in the year of `today`.
  std::map<std::tuple<std::string, int, std::string>, Money> committed_by_contract;
  if (out.today) {
    int year = static_cast<int>(out.today->year());
    int from = DayNumber(*out.today) + 1;
    int year_end = DayNumber(std::chrono::year(year + 1) / 1 / 1);
    std::map<std::tuple<std::string, std::string, std::string>, CommitmentRow> rows;
    for (const Assignment& a : ctx.assignments()) {
      int start = DayNumber(a.start);
      int end = a.end ? DayNumber(*a.end) : year_end;
      int first = std::max(start, from), last = std::min(end, year_end);
      bool in_year = start < year_end && end > DayNumber(std::chrono::year(year) / 1 / 1);
      if (!in_year) continue;
      std::string lot = LotOf(a, ctx);
      CommitmentRow& r = rows[{a.municipality, a.agb, lot}];
      r.municipality = a.municipality;
      r.agb = a.agb;
      r.lot = lot;
      r.year = year;
      if (last > first) {
        Money m = Money::FromCents(static_cast<int64_t>(
            ValuePerDay(a, ctx) * static_cast<double>(last - first)));
        r.committed += m;
        committed_by_contract[{a.agb, year, lot}] += m;
      }
    }
    for (auto& [k, r] : rows) {
      if (r.committed == Money()) continue;
      out.commitments.push_back(r);
    }
  }

  for (const Contract& c : ctx.contracts()) {
    CeilingRow row;
    row.agb = c.agb;
    row.year = c.year;
    row.lot = c.lot;
    row.ceiling = c.ceiling;
    auto it = spend.find({c.agb, c.year, c.lot});
    Money cumulative;
    if (it != spend.end()) {
      for (int m = 0; m < 12; ++m) {
        cumulative += it->second->months[m];
        if (c.ceiling && !row.exhausted_month && cumulative > *c.ceiling) {
          row.exhausted_month = m + 1;
        }
      }
    }
    row.spent = cumulative;
    if (auto cm = committed_by_contract.find({c.agb, c.year, c.lot});
        cm != committed_by_contract.end()) {
      row.committed = cm->second;
    }
    if (row.exhausted_month) {
      Date after = std::chrono::year(c.year) / std::chrono::month(*row.exhausted_month) /
                   std::chrono::last;
      for (const Assignment& a : ctx.assignments()) {
        if (a.agb == c.agb && a.start > after &&
            a.start.year() == std::chrono::year(c.year) && LotOf(a, ctx) == c.lot) {
          ++row.assignments_after;
        }
      }
    }
    out.providers.push_back(row);
  }

  // Youth teams: assignments by team and start year, in order of start.
  std::map<std::pair<std::string, int>, std::vector<const Assignment*>> by_team;
  for (const Assignment& a : ctx.assignments()) {
    if (!a.team.empty())
      by_team[{a.team, static_cast<int>(a.start.year())}].push_back(&a);
  }
  const std::optional<Money>& above = ctx.rules().review_above;
  for (const YouthTeam& t : ctx.teams()) {
    TeamBudgetRow row;
    row.team = t.team;
    row.year = t.year;
    row.municipality = t.municipality;
    row.budget = t.budget;
    auto it = by_team.find({t.team, t.year});
    if (it != by_team.end()) {
      std::vector<const Assignment*> list = it->second;
      std::stable_sort(
          list.begin(), list.end(), [](const Assignment* a, const Assignment* b) {
            return std::tie(a->start, a->number) < std::tie(b->start, b->number);
          });
      for (const Assignment* a : list) {
        Money value = AssignmentValue(*a, ctx).value_or(Money());
        row.issued += value;
        bool past = t.budget && row.issued > *t.budget;
        if (past && !row.exhausted) row.exhausted = a->start;
        if (past || (above && value > *above)) ++row.review_cases;
      }
    }
    out.teams.push_back(row);
  }
  return out;
}

std::vector<Section> CeilingSections(const Ceilings& c) {
  std::vector<Section> out;
  Table p;
  p.title = "Budgetplafonds per aanbieder, jaar en perceel";
  p.columns = {{"agb", "Aanbieder"},
               {"year", "Jaar", ColumnType::kYear},
               {"lot", "Perceel"},
               {"ceiling_cents", "Plafond (EUR)", ColumnType::kMoney},
               {"spent_cents", "Besteed (EUR)", ColumnType::kMoney},
               {"committed_cents", "Verplicht (EUR)", ColumnType::kMoney},
               {"exhausted_month", "Op in maand", ColumnType::kInt},
               {"assignments_after", "Toewijzingen daarna", ColumnType::kInt}};
  for (const CeilingRow& r : c.providers) {
    p.AddRow({r.agb, int64_t{r.year}, r.lot, MoneyCell(r.ceiling), r.spent, r.committed,
              r.exhausted_month ? Cell(int64_t{*r.exhausted_month}) : Cell(),
              r.assignments_after});
  }
  p.notes.push_back(
      "Toewijzingen na het opraken van het plafond vallen onder 'nee, tenzij'; er zijn "
      "nog "
      "geen besluiten vastgelegd, dus ze staan allemaal open.");
  out.push_back({"ceilings", std::move(p)});

  Table t;
  t.title = "Budget per jeugdteam en jaar";
  t.columns = {{"team", "Team"},
               {"year", "Jaar", ColumnType::kYear},
               {"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
               {"budget_cents", "Budget (EUR)", ColumnType::kMoney},
               {"issued_cents", "Toegewezen (EUR)", ColumnType::kMoney},
               {"exhausted", "Op per"},
               {"review_cases", "Naar toetsing", ColumnType::kInt}};
  for (const TeamBudgetRow& r : c.teams) {
    t.AddRow({r.team, int64_t{r.year}, r.municipality, MoneyCell(r.budget), r.issued,
              r.exhausted ? Cell(FormatDate(*r.exhausted)) : Cell(), r.review_cases});
  }
  out.push_back({"teams", std::move(t)});

  Table v;
  v.title = c.today ? fmt::format("Verplichtingen na {} (rest van {})",
                                  FormatDate(*c.today), static_cast<int>(c.today->year()))
                    : "Verplichtingen";
  v.columns = {{"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
               {"agb", "Aanbieder"},
               {"lot", "Perceel"},
               {"year", "Jaar", ColumnType::kYear},
               {"committed_cents", "Verplicht (EUR)", ColumnType::kMoney}};
  for (const CommitmentRow& r : c.commitments) {
    v.AddRow({r.municipality, r.agb, r.lot, int64_t{r.year}, r.committed});
  }
  out.push_back({"commitments", std::move(v)});
  return out;
}

}  // namespace jr::rules
