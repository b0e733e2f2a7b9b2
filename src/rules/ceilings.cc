#include "rules/ceilings.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "rules/review_rule.h"

namespace jr::rules {
namespace {

std::string LotOf(const Assignment& a, const RuleContext& ctx) {
  const Product* p = ctx.FindProduct(a.category, a.product_code);
  return p ? p->bucket : "";
}

// The assigned value of `a` for the days [from, to) (AssignmentValue x those days / the
// assignment's days, an open one counted for 365), rounded down to the cent.
Money ValueOfDays(const Assignment& a, const RuleContext& ctx, int from, int to) {
  auto value = AssignmentValue(a, ctx);
  int64_t days = a.end ? DayNumber(*a.end) - DayNumber(a.start) : 365;
  if (!value || days <= 0 || to <= from) return Money();
  return Money::FromCents(value->cents() * (to - from) / days);
}

// The accepted spend of a contract per month, as known on the reference date: months
// after it (and years after its year) are not yet known.
std::array<Money, 12> KnownSpend(const ProviderSpend& s, std::optional<Date> ref) {
  std::array<Money, 12> out = s.months;
  if (!ref) return out;
  const int year = static_cast<int>(ref->year());
  const unsigned month = static_cast<unsigned>(ref->month());
  for (unsigned m = 0; m < 12; ++m) {
    if (s.year > year || (s.year == year && m + 1 > month)) out[m] = Money();
  }
  return out;
}

}  // namespace

std::string_view NoUnlessOutcomeName(NoUnlessOutcome o) {
  switch (o) {
    case NoUnlessOutcome::kRedirected:
      return "naar andere aanbieder";
    case NoUnlessOutcome::kAllowed:
      return "toegestaan (niet uitstelbaar)";
    case NoUnlessOutcome::kDeferred:
      return "uitgesteld";
    case NoUnlessOutcome::kRefused:
      return "geweigerd";
  }
  return "?";
}

Ceilings ComputeCeilings(const RuleContext& ctx, const CheckResult& check) {
  Ceilings out;
  out.today = check.reference_date ? check.reference_date : check.last_day;
  std::map<std::tuple<std::string, int, std::string>, std::array<Money, 12>> spend;
  for (const ProviderSpend& s : check.spend) {
    spend[{s.agb, s.year, s.lot}] = KnownSpend(s, check.reference_date);
  }

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
      if (last <= first) continue;
      Money m = ValueOfDays(a, ctx, first, last);
      if (auto d = check.declared_after.find(a.number); d != check.declared_after.end())
        m -= d->second;
      if (m <= Money()) continue;
      std::string lot = LotOf(a, ctx);
      CommitmentRow& r = rows[{a.municipality, a.agb, lot}];
      r.municipality = a.municipality;
      r.agb = a.agb;
      r.lot = lot;
      r.year = year;
      r.committed += m;
      committed_by_contract[{a.agb, year, lot}] += m;
    }
    for (auto& [k, r] : rows) out.commitments.push_back(r);
  }

  // Contracts by year and lot, for the room of the other providers.
  std::map<std::pair<int, std::string>, std::vector<const Contract*>> by_lot;
  for (const Contract& c : ctx.contracts()) by_lot[{c.year, c.lot}].push_back(&c);
  // The room of a contract after the months 1..month (none: no ceiling, unlimited);
  // false when it has none left.
  auto room = [&](const Contract& c, int month, std::optional<Money>* left) {
    Money used;
    if (auto it = spend.find({c.agb, c.year, c.lot}); it != spend.end()) {
      for (int m = 0; m < month; ++m) used += it->second[m];
    }
    if (!c.ceiling) {
      left->reset();
      return true;
    }
    *left = *c.ceiling - used;
    return **left > Money();
  };

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
        cumulative += it->second[m];
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
        if (a.agb != c.agb || a.start <= after ||
            a.start.year() != std::chrono::year(c.year) || LotOf(a, ctx) != c.lot) {
          continue;
        }
        ++row.assignments_after;
        NoUnlessCase x{a.number, a.municipality, c.agb, c.lot, a.start};
        // The other provider of the lot with the most room up to the start month.
        const int month = static_cast<int>(static_cast<unsigned>(a.start.month()));
        bool found = false;
        for (const Contract* other : by_lot[{c.year, c.lot}]) {
          if (other->agb == c.agb) continue;
          std::optional<Money> left;
          if (!room(*other, month, &left)) continue;
          bool better = !found || (x.other_room && (!left || *left > *x.other_room));
          if (better) {
            found = true;
            x.other_agb = other->agb;
            x.other_room = left;
          }
        }
        const ReviewDecision* d = ctx.FindReviewDecision(a.number);
        if (found) {
          x.outcome = NoUnlessOutcome::kRedirected;
        } else if (d && d->deferrable && !*d->deferrable) {
          x.outcome = NoUnlessOutcome::kAllowed;
        } else if (d && d->deferrable && *d->deferrable) {
          x.outcome = NoUnlessOutcome::kDeferred;
        } else {
          x.outcome = NoUnlessOutcome::kRefused;
        }
        out.no_unless.push_back(std::move(x));
      }
    }
    out.providers.push_back(row);
  }
  std::sort(out.no_unless.begin(), out.no_unless.end(),
            [](const NoUnlessCase& a, const NoUnlessCase& b) {
              return std::tie(a.agb, a.lot, a.start, a.assignment) <
                     std::tie(b.agb, b.lot, b.start, b.assignment);
            });

  // Youth teams: what each issued in the year, in order of start.
  const std::optional<Money>& above = ctx.rules().review_above;
  for (const YouthTeam& t : ctx.teams()) {
    TeamBudgetRow row;
    row.team = t.team;
    row.year = t.year;
    row.municipality = t.municipality;
    row.budget = t.budget;
    if (const RuleContext::TeamYearUse* use = ctx.TeamUse(t.team, t.year)) {
      row.issued = use->issued;
      row.exhausted = use->exhausted;
      for (size_t i : use->assignments) {
        const Assignment& a = ctx.assignments()[i];
        Money value = AssignmentValue(a, ctx).value_or(Money());
        if (ctx.PastTeamBudget(a) || (above && value > *above)) ++row.review_cases;
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
      "Toewijzingen na het opraken van het plafond vallen onder 'nee, tenzij' (tabel "
      "hieronder).");
  out.push_back({"ceilings", std::move(p)});

  Table n;
  n.title = "Nee, tenzij: toewijzingen na het opraken van het plafond";
  n.columns = {{"agb", "Aanbieder"},
               {"lot", "Perceel"},
               {"assignment", "Toewijzing"},
               {"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
               {"start", "Ingang"},
               {"outcome", "Besluit"},
               {"other_agb", "Andere aanbieder"},
               {"other_room_cents", "Ruimte daar (EUR)", ColumnType::kMoney}};
  for (const NoUnlessCase& x : c.no_unless) {
    n.AddRow(
        {x.agb, x.lot, x.assignment, x.municipality, FormatDate(x.start),
         std::string(NoUnlessOutcomeName(x.outcome)),
         x.other_agb.empty() ? Cell() : Cell(x.other_agb),
         x.outcome == NoUnlessOutcome::kRedirected ? MoneyCell(x.other_room) : Cell()});
  }
  n.notes.push_back(
      "Naar andere aanbieder: een andere gecontracteerde aanbieder van het perceel heeft "
      "in de ingangsmaand nog ruimte (leeg: geen plafond). Anders toegestaan als de "
      "toetsing 'niet uitstelbaar' vastlegde, uitgesteld als 'uitstelbaar', en anders "
      "geweigerd (toetsingen.csv).");
  out.push_back({"no_unless", std::move(n)});

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
