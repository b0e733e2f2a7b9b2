// The loaders and aggregates of SqliteStore.
#include <fmt/format.h>

#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/statement.h"
#include "store/store_queries.h"

namespace jr {
namespace {

Date Day(int64_t n) { return FromDayNumber(static_cast<int>(n)); }
std::optional<Date> OptDay(const Statement& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  return Day(s.Int(col));
}
std::optional<Money> OptMoney(const Statement& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  return Money::FromCents(s.Int(col));
}

// Runs `s` to the end, turning each row into a T with `row(s)`.
template <typename T, typename RowFn>
Result<std::vector<T>> Collect(Statement& s, RowFn row) {
  std::vector<T> out;
  while (s.Step()) out.push_back(row(s));
  if (!s.status().ok()) return s.status();
  return out;
}

}  // namespace

Result<Region> SqliteStore::LoadRegion() const {
  Region region;
  Statement m(db_,
              "SELECT code, name, subregion, begin_day, end_day, coalesce(successor, '') "
              "FROM municipality ORDER BY code");
  while (m.Step()) {
    region.AddMunicipality(
        {m.Text(0), m.Text(1), m.Text(2), Day(m.Int(3)), OptDay(m, 4), m.Text(5)});
  }
  if (!m.status().ok()) return m.status();
  Statement k(db_, "SELECT municipality, year, key, value FROM key_value");
  while (k.Step()) {
    region.SetKey(k.Text(0), static_cast<int>(k.Int(1)), k.Text(2), k.Real(3));
  }
  if (!k.status().ok()) return k.status();
  return region;
}

Result<std::vector<Product>> SqliteStore::LoadProducts() const {
  Statement s(db_,
              "SELECT category, code, description, unit, bucket, care_class FROM product "
              "ORDER BY category, code");
  return Collect<Product>(s, [](const Statement& s) -> Product {
    return {s.Text(0), s.Text(1),
            s.Text(2), static_cast<Unit>(s.Int(3)),
            s.Text(4), CareClassFromName(s.Text(5)).value_or(CareClass::kCertain)};
  });
}

Result<std::vector<Tariff>> SqliteStore::LoadTariffs() const {
  Statement s(db_,
              "SELECT category, code, year, per_unit_cents, agb FROM tariff "
              "ORDER BY category, code, year, agb");
  return Collect<Tariff>(s, [](const Statement& s) -> Tariff {
    return {s.Text(0), s.Text(1), static_cast<int>(s.Int(2)), Money::FromCents(s.Int(3)),
            s.Text(4)};
  });
}

Result<std::vector<Provider>> SqliteStore::LoadProviders() const {
  Statement s(db_, "SELECT agb, name FROM provider ORDER BY agb");
  return Collect<Provider>(s, [](const Statement& s) -> Provider {
    return {s.Text(0), s.Text(1)};
  });
}

Result<std::vector<Contract>> SqliteStore::LoadContracts() const {
  Statement s(
      db_, "SELECT agb, year, lot, ceiling_cents FROM contract ORDER BY agb, year, lot");
  return Collect<Contract>(s, [](const Statement& s) -> Contract {
    return {s.Text(0), static_cast<int>(s.Int(1)), s.Text(2), OptMoney(s, 3)};
  });
}

Result<std::vector<YouthTeam>> SqliteStore::LoadYouthTeams() const {
  Statement s(db_,
              "SELECT team, name, municipality, year, budget_cents FROM youth_team "
              "ORDER BY team, year");
  return Collect<YouthTeam>(s, [](const Statement& s) -> YouthTeam {
    return {s.Text(0), s.Text(1), s.Text(2), static_cast<int>(s.Int(3)), OptMoney(s, 4)};
  });
}

Result<std::vector<ClientResidence>> SqliteStore::LoadClients() const {
  Statement s(db_,
              "SELECT client, birth_month, municipality, begin_day FROM client_residence "
              "ORDER BY client, begin_day");
  return Collect<ClientResidence>(s, [](const Statement& s) -> ClientResidence {
    return {s.Text(0), FromMonthIndex(static_cast<int>(s.Int(1))), s.Text(2),
            Day(s.Int(3))};
  });
}

Result<std::vector<Assignment>> SqliteStore::LoadAssignments() const {
  Statement s(
      db_,
      "SELECT number, client, municipality, agb, category, product_code, volume_x100,"
      " unit, frequency, start_day, end_day, route, team, predecessor, budget_cents "
      "FROM assignment ORDER BY number");
  return Collect<Assignment>(s, [](const Statement& s) {
    Assignment a;
    a.number = s.Text(0);
    a.client = s.Text(1);
    a.municipality = s.Text(2);
    a.agb = s.Text(3);
    a.category = s.Text(4);
    a.product_code = s.Text(5);
    a.volume = Volume{s.Int(6)};
    a.unit = static_cast<Unit>(s.Int(7));
    a.frequency = static_cast<Frequency>(s.Int(8));
    a.start = Day(s.Int(9));
    a.end = OptDay(s, 10);
    a.route = RouteFromName(s.Text(11)).value_or(Route::kUnknown);
    a.team = s.Text(12);
    a.predecessor = s.Text(13);
    a.budget = OptMoney(s, 14);
    return a;
  });
}

Status SqliteStore::ForEachAssignmentRef(
    const std::function<void(const AssignmentRef&)>& visit) const {
  Statement s(db_,
              "SELECT number, agb, category, product_code FROM assignment ORDER BY "
              "number");
  AssignmentRef a;
  while (s.Step()) {
    a.number.assign(s.TextView(0));
    a.agb.assign(s.TextView(1));
    a.category.assign(s.TextView(2));
    a.product_code.assign(s.TextView(3));
    visit(a);
  }
  return s.status();
}

Result<std::vector<Declaration>> SqliteStore::LoadDeclarations() const {
  Statement s(
      db_,
      "SELECT number, assignment, agb, category, product_code, start_day, end_day,"
      " volume_x100, unit, tariff_cents, amount_cents FROM declaration "
      "ORDER BY assignment, start_day, number");
  return Collect<Declaration>(s, [](const Statement& s) -> Declaration {
    return {s.Text(0),
            s.Text(1),
            s.Text(2),
            s.Text(3),
            s.Text(4),
            Day(s.Int(5)),
            Day(s.Int(6)),
            Volume{s.Int(7)},
            static_cast<Unit>(s.Int(8)),
            OptMoney(s, 9),
            Money::FromCents(s.Int(10))};
  });
}

Status SqliteStore::ForEachDeclaration(
    const std::function<void(const Declaration&)>& visit) const {
  Statement s(
      db_,
      "SELECT number, assignment, agb, category, product_code, start_day, end_day,"
      " volume_x100, unit, tariff_cents, amount_cents FROM declaration "
      "ORDER BY assignment, start_day, number");
  Declaration d;
  while (s.Step()) {
    d.number.assign(s.TextView(0));
    d.assignment.assign(s.TextView(1));
    d.agb.assign(s.TextView(2));
    d.category.assign(s.TextView(3));
    d.product_code.assign(s.TextView(4));
    d.start = Day(s.Int(5));
    d.end = Day(s.Int(6));
    d.volume = Volume{s.Int(7)};
    d.unit = static_cast<Unit>(s.Int(8));
    d.tariff = OptMoney(s, 9);
    d.amount = Money::FromCents(s.Int(10));
    visit(d);
  }
  return s.status();
}

// Overflow of the sums: the importer bounds every declaration line at
// kMaxLineCents (EUR 999.999,99), so a sum of amount_cents needs more than 9 * 10^10
// lines to leave int64; should it happen anyway, SQLite's sum() fails with "integer
// overflow" (it never wraps) and the query returns that as a databasefout.

Result<std::vector<UseRow>> SqliteStore::UseByMunicipalityYearBucket(int first,
                                                                     int last) const {
  Statement s(db_, store_sql::UseByMunicipalityYearBucket("?1", "?2"));
  s.Bind(1, first).Bind(2, last);
  return Collect<UseRow>(s, [](const Statement& s) -> UseRow {
    return {s.Text(0), static_cast<int>(s.Int(1)),
            s.Text(2), Money::FromCents(s.Int(3)),
            s.Int(4),  s.Int(5)};
  });
}

Result<std::vector<UseRow>> SqliteStore::UseByMunicipalityYear() const {
  Statement s(db_, store_sql::UseByMunicipalityYear("0", "9999"));
  return Collect<UseRow>(s, [](const Statement& s) -> UseRow {
    return {s.Text(0), static_cast<int>(s.Int(1)),
            "",        Money::FromCents(s.Int(2)),
            s.Int(3),  s.Int(4)};
  });
}

Result<std::vector<ClientYearCost>> SqliteStore::ClientYearCosts(int first,
                                                                 int last) const {
  Statement s(db_, store_sql::ClientYearCosts("?1", "?2"));
  s.Bind(1, first).Bind(2, last);
  return Collect<ClientYearCost>(s, [](const Statement& s) -> ClientYearCost {
    return {s.Text(0), s.Text(1), static_cast<int>(s.Int(2)), s.Text(3),
            Money::FromCents(s.Int(4))};
  });
}

Result<std::vector<CostItem>> SqliteStore::LoadFixedCosts() const {
  Statement s(db_,
              "SELECT year, bucket, amount_cents FROM fixed_cost ORDER BY year, bucket");
  return Collect<CostItem>(s, [](const Statement& s) -> CostItem {
    return {"", static_cast<int>(s.Int(0)), s.Text(1), Money::FromCents(s.Int(2))};
  });
}

Result<std::vector<CostItem>> SqliteStore::LoadLocalCosts() const {
  Statement s(db_,
              "SELECT municipality, year, bucket, amount_cents FROM local_cost "
              "ORDER BY municipality, year, bucket");
  return Collect<CostItem>(s, [](const Statement& s) -> CostItem {
    return {s.Text(0), static_cast<int>(s.Int(1)), s.Text(2), Money::FromCents(s.Int(3))};
  });
}

Result<std::vector<ReviewDecision>> SqliteStore::LoadReviewDecisions() const {
  Statement s(db_,
              "SELECT assignment, approved, day, can_wait FROM review_decision "
              "ORDER BY assignment");
  return Collect<ReviewDecision>(s, [](const Statement& s) -> ReviewDecision {
    ReviewDecision r{s.Text(0), s.Int(1) != 0, Day(s.Int(2)), std::nullopt};
    if (!s.IsNull(3)) r.deferrable = s.Int(3) != 0;
    return r;
  });
}

Status SqliteStore::ForEachAssignmentMonth(
    int from_month, const std::function<void(const AssignmentMonthUse&)>& visit) const {
  // The table is stored in (assignment, start_day) order, so the rows of one
  // assignment-month are adjacent; the month is computed here, not in SQL. One value
  // is reused, so its number keeps its buffer.
  Statement q(db_,
              "SELECT assignment, start_day, amount_cents, volume_x100 FROM declaration "
              "x WHERE start_day >= ? AND " +
                  store_sql::Accepted("x"));
  q.Bind(1, DayNumber(FirstOfMonth(FromMonthIndex(from_month))));
  AssignmentMonthUse current;
  bool any = false;
  while (q.Step()) {
    std::string_view assignment = q.TextView(0);
    Date d = Day(q.Int(1));
    int month = MonthIndex(d.year() / d.month());
    if (!any || current.assignment != assignment || current.month != month) {
      if (any) visit(current);
      current.assignment.assign(assignment);
      current.month = month;
      current.cost = Money();
      current.volume_x100 = 0;
      any = true;
    }
    // Checked: the importer bounds every line, but the sum must never wrap silently.
    auto cost = Money::CheckedAdd(current.cost, Money::FromCents(q.Int(2)));
    int64_t volume = 0;
    if (!cost.ok() || __builtin_add_overflow(current.volume_x100, q.Int(3), &volume)) {
      return Status::Error(fmt::format(
          "databasefout: som van de declaraties van toewijzing '{}' is te groot",
          assignment));
    }
    current.cost = *cost;
    current.volume_x100 = volume;
  }
  if (!q.status().ok()) return q.status();
  if (any) visit(current);
  return Status::Ok();
}

}  // namespace jr
