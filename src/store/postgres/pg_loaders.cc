// The loaders and aggregates of PgStore: the same queries and order as SQLite's
// (sqlite_loaders.cc, sqlite_ijw.cc); the aggregates run on the server.
#include <fmt/format.h>

#include <array>
#include <charconv>

#include "store/postgres/pg_store.h"
#include "store/store_queries.h"

namespace jr {
namespace {

Date Day(int64_t n) { return FromDayNumber(static_cast<int>(n)); }
std::optional<Date> OptDay(const PgResult& r, int row, int col) {
  if (r.IsNull(row, col)) return std::nullopt;
  return Day(r.Int(row, col));
}
std::optional<Money> OptMoney(const PgResult& r, int row, int col) {
  if (r.IsNull(row, col)) return std::nullopt;
  return Money::FromCents(r.Int(row, col));
}
int I(const PgResult& r, int row, int col) { return static_cast<int>(r.Int(row, col)); }

// Runs `sql` after writing what is pending, turning each row into a T.
template <typename T, typename RowFn>
Result<std::vector<T>> Collect(PgConnection& conn, Status flushed, const std::string& sql,
                               const PgParams& params, RowFn row) {
  if (!flushed.ok()) return flushed;
  auto r = conn.Query(sql, params);
  if (!r.ok()) return r.status();
  std::vector<T> out;
  out.reserve(static_cast<size_t>(r->rows()));
  for (int i = 0; i < r->rows(); ++i) out.push_back(row(*r, i));
  return out;
}

// Sums leave the server as bigint (store_queries.h): a sum outside int64 fails with
// SQLSTATE 22003 ("integer overflow", never wrapped).

}  // namespace

Result<Region> PgStore::LoadRegion() const {
  Status s = Flush();
  if (!s.ok()) return s;
  auto m = conn_->Query(
      "SELECT code, name, subregion, begin_day, end_day, coalesce(successor, '') "
      "FROM municipality ORDER BY code");
  if (!m.ok()) return m.status();
  Region region;
  for (int i = 0; i < m->rows(); ++i) {
    region.AddMunicipality({m->Text(i, 0), m->Text(i, 1), m->Text(i, 2),
                            Day(m->Int(i, 3)), OptDay(*m, i, 4), m->Text(i, 5)});
  }
  auto k = conn_->Query("SELECT municipality, year, key, value FROM key_value");
  if (!k.ok()) return k.status();
  for (int i = 0; i < k->rows(); ++i) {
    region.SetKey(k->Text(i, 0), I(*k, i, 1), k->Text(i, 2), k->Real(i, 3));
  }
  return region;
}

Result<std::vector<Product>> PgStore::LoadProducts() const {
  return Collect<Product>(
      *conn_, Flush(),
      "SELECT category, code, description, unit, bucket, care_class FROM product "
      "ORDER BY category, code",
      {}, [](const PgResult& r, int i) -> Product {
        return {
            r.Text(i, 0), r.Text(i, 1),
            r.Text(i, 2), static_cast<Unit>(r.Int(i, 3)),
            r.Text(i, 4), CareClassFromName(r.Text(i, 5)).value_or(CareClass::kCertain)};
      });
}

Result<std::vector<Tariff>> PgStore::LoadTariffs() const {
  return Collect<Tariff>(*conn_, Flush(),
                         "SELECT category, code, year, per_unit_cents, agb FROM tariff "
                         "ORDER BY category, code, year, agb",
                         {}, [](const PgResult& r, int i) -> Tariff {
                           return {r.Text(i, 0), r.Text(i, 1), I(r, i, 2),
                                   Money::FromCents(r.Int(i, 3)), r.Text(i, 4)};
                         });
}

Result<std::vector<Provider>> PgStore::LoadProviders() const {
  return Collect<Provider>(*conn_, Flush(), "SELECT agb, name FROM provider ORDER BY agb",
                           {}, [](const PgResult& r, int i) -> Provider {
                             return {r.Text(i, 0), r.Text(i, 1)};
                           });
}

Result<std::vector<Contract>> PgStore::LoadContracts() const {
  return Collect<Contract>(
      *conn_, Flush(),
      "SELECT agb, year, lot, ceiling_cents FROM contract ORDER BY agb, year, lot", {},
      [](const PgResult& r, int i) -> Contract {
        return {r.Text(i, 0), I(r, i, 1), r.Text(i, 2), OptMoney(r, i, 3)};
      });
}

Result<std::vector<YouthTeam>> PgStore::LoadYouthTeams() const {
  return Collect<YouthTeam>(
      *conn_, Flush(),
      "SELECT team, name, municipality, year, budget_cents FROM youth_team "
      "ORDER BY team, year",
      {}, [](const PgResult& r, int i) -> YouthTeam {
        return {r.Text(i, 0), r.Text(i, 1), r.Text(i, 2), I(r, i, 3), OptMoney(r, i, 4)};
      });
}

Result<std::vector<ClientResidence>> PgStore::LoadClients() const {
  return Collect<ClientResidence>(
      *conn_, Flush(),
      "SELECT client, birth_month, municipality, begin_day FROM client_residence "
      "ORDER BY client, begin_day",
      {}, [](const PgResult& r, int i) -> ClientResidence {
        return {r.Text(i, 0), FromMonthIndex(I(r, i, 1)), r.Text(i, 2), Day(r.Int(i, 3))};
      });
}

Result<std::vector<Assignment>> PgStore::LoadAssignments() const {
  return Collect<Assignment>(
      *conn_, Flush(),
      "SELECT number, client, municipality, agb, category, product_code, volume_x100,"
      " unit, frequency, start_day, end_day, route, team, predecessor, budget_cents "
      "FROM assignment ORDER BY number",
      {}, [](const PgResult& r, int i) {
        Assignment a;
        a.number = r.Text(i, 0);
        a.client = r.Text(i, 1);
        a.municipality = r.Text(i, 2);
        a.agb = r.Text(i, 3);
        a.category = r.Text(i, 4);
        a.product_code = r.Text(i, 5);
        a.volume = Volume{r.Int(i, 6)};
        a.unit = static_cast<Unit>(r.Int(i, 7));
        a.frequency = static_cast<Frequency>(r.Int(i, 8));
        a.start = Day(r.Int(i, 9));
        a.end = OptDay(r, i, 10);
        a.route = RouteFromName(r.Text(i, 11)).value_or(Route::kUnknown);
        a.team = r.Text(i, 12);
        a.predecessor = r.Text(i, 13);
        a.budget = OptMoney(r, i, 14);
        return a;
      });
}

Status PgStore::ForEachAssignmentRef(
    const std::function<void(const AssignmentRef&)>& visit) const {
  Status s = Flush();
  if (!s.ok()) return s;
  // Streamed with COPY like ForEachDeclaration, one value reused.
  AssignmentRef a;
  std::array<std::string_view, 4> f;
  return conn_->CopyOut(
      "COPY (SELECT number, agb, category, product_code FROM assignment "
      "ORDER BY number) TO STDOUT",
      [&](std::string_view line) {
        SplitCopyLine(line, f);
        a.number = CopyTextValue(f[0]);
        a.agb = CopyTextValue(f[1]);
        a.category = CopyTextValue(f[2]);
        a.product_code = CopyTextValue(f[3]);
        visit(a);
        return true;
      });
}

Result<std::vector<Declaration>> PgStore::LoadDeclarations() const {
  return Collect<Declaration>(
      *conn_, Flush(),
      "SELECT number, assignment, agb, category, product_code, start_day, end_day,"
      " volume_x100, unit, tariff_cents, amount_cents FROM declaration "
      "ORDER BY assignment, start_day, number",
      {}, [](const PgResult& r, int i) -> Declaration {
        return {r.Text(i, 0),
                r.Text(i, 1),
                r.Text(i, 2),
                r.Text(i, 3),
                r.Text(i, 4),
                Day(r.Int(i, 5)),
                Day(r.Int(i, 6)),
                Volume{r.Int(i, 7)},
                static_cast<Unit>(r.Int(i, 8)),
                OptMoney(r, i, 9),
                Money::FromCents(r.Int(i, 10))};
      });
}

Status PgStore::ForEachDeclaration(
    const std::function<void(const Declaration&)>& visit) const {
  Status s = Flush();
  if (!s.ok()) return s;
  // Streamed with COPY (text format: tab-separated, \\N for NULL), one value reused.
  Declaration d;
  std::array<std::string_view, 11> f;
  return conn_->CopyOut(
      "COPY (SELECT number, assignment, agb, category, product_code, start_day, "
      "end_day, volume_x100, unit, tariff_cents, amount_cents FROM declaration "
      "ORDER BY assignment, start_day, number) TO STDOUT",
      [&](std::string_view line) {
        SplitCopyLine(line, f);
        d.number = CopyTextValue(f[0]);
        d.assignment = CopyTextValue(f[1]);
        d.agb = CopyTextValue(f[2]);
        d.category = CopyTextValue(f[3]);
        d.product_code = CopyTextValue(f[4]);
        d.start = Day(ParseInt(f[5]));
        d.end = Day(ParseInt(f[6]));
        d.volume = Volume{ParseInt(f[7])};
        d.unit = static_cast<Unit>(ParseInt(f[8]));
        d.tariff = f[9] == "\\N" ? std::nullopt
                                 : std::optional<Money>(Money::FromCents(ParseInt(f[9])));
        d.amount = Money::FromCents(ParseInt(f[10]));
        visit(d);
        return true;
      });
}

Result<std::vector<UseRow>> PgStore::UseByMunicipalityYearBucket(int first,
                                                                 int last) const {
  return Collect<UseRow>(
      *conn_, Flush(), store_sql::UseByMunicipalityYearBucket("$1", "$2"),
      {std::to_string(first), std::to_string(last)},
      [](const PgResult& r, int i) -> UseRow {
        return {r.Text(i, 0), I(r, i, 1), r.Text(i, 2), Money::FromCents(r.Int(i, 3)),
                r.Int(i, 4),  r.Int(i, 5)};
      });
}

Result<std::vector<UseRow>> PgStore::UseByMunicipalityYear() const {
  return Collect<UseRow>(*conn_, Flush(), store_sql::UseByMunicipalityYear("$1", "$2"),
                         {"0", "9999"}, [](const PgResult& r, int i) -> UseRow {
                           return {r.Text(i, 0), I(r, i, 1),
                                   "",           Money::FromCents(r.Int(i, 2)),
                                   r.Int(i, 3),  r.Int(i, 4)};
                         });
}

Result<std::vector<ClientYearCost>> PgStore::ClientYearCosts(int first, int last) const {
  return Collect<ClientYearCost>(*conn_, Flush(), store_sql::ClientYearCosts("$1", "$2"),
                                 {std::to_string(first), std::to_string(last)},
                                 [](const PgResult& r, int i) -> ClientYearCost {
                                   return {r.Text(i, 0), r.Text(i, 1), I(r, i, 2),
                                           r.Text(i, 3), Money::FromCents(r.Int(i, 4))};
                                 });
}

Result<std::vector<CostItem>> PgStore::LoadFixedCosts() const {
  return Collect<CostItem>(
      *conn_, Flush(),
      "SELECT year, bucket, amount_cents FROM fixed_cost ORDER BY year, bucket", {},
      [](const PgResult& r, int i) -> CostItem {
        return {"", I(r, i, 0), r.Text(i, 1), Money::FromCents(r.Int(i, 2))};
      });
}

Result<std::vector<CostItem>> PgStore::LoadLocalCosts() const {
  return Collect<CostItem>(
      *conn_, Flush(),
      "SELECT municipality, year, bucket, amount_cents FROM local_cost "
      "ORDER BY municipality, year, bucket",
      {}, [](const PgResult& r, int i) -> CostItem {
        return {r.Text(i, 0), I(r, i, 1), r.Text(i, 2), Money::FromCents(r.Int(i, 3))};
      });
}

Result<std::vector<ReviewDecision>> PgStore::LoadReviewDecisions() const {
  return Collect<ReviewDecision>(
      *conn_, Flush(),
      "SELECT assignment, approved, day, can_wait FROM review_decision "
      "ORDER BY assignment",
      {}, [](const PgResult& r, int i) -> ReviewDecision {
        ReviewDecision d{r.Text(i, 0), r.Int(i, 1) != 0, Day(r.Int(i, 2)), std::nullopt};
        if (!r.IsNull(i, 3)) d.deferrable = r.Int(i, 3) != 0;
        return d;
      });
}

Status PgStore::ForEachAssignmentMonth(
    int from_month, const std::function<void(const AssignmentMonthUse&)>& visit) const {
  Status s = Flush();
  if (!s.ok()) return s;
  // Grouped on the server by assignment and month (MonthIndex: months since 0000-01)
  // and streamed with COPY. The sums are numeric, so one outside int64 reaches us as
  // text that does not parse, and is reported by the assignment, as on SQLite.
  const std::string sql = fmt::format(
      "COPY (SELECT assignment, m, sum(amount_cents), sum(volume_x100) FROM "
      "(SELECT assignment, amount_cents, volume_x100, "
      "(extract(year FROM d)::integer * 12 + extract(month FROM d)::integer - 1) AS m "
      "FROM (SELECT assignment, amount_cents, volume_x100, "
      "date '1970-01-01' + start_day AS d FROM declaration x WHERE start_day >= {} AND "
      "{}) x) y "
      "GROUP BY assignment, m ORDER BY assignment, m) TO STDOUT",
      DayNumber(FirstOfMonth(FromMonthIndex(from_month))), store_sql::Accepted("x"));
  AssignmentMonthUse current;
  Status overflow = Status::Ok();
  s = conn_->CopyOut(sql, [&](std::string_view line) {
    // assignment \t month \t cost \t volume.
    std::array<std::string_view, 4> f;
    SplitCopyLine(line, f);
    const std::string_view month = f[1], cost = f[2], volume = f[3];
    current.assignment = CopyTextValue(f[0]);
    int64_t cents = 0;
    auto c = std::from_chars(cost.data(), cost.data() + cost.size(), cents);
    auto v = std::from_chars(volume.data(), volume.data() + volume.size(),
                             current.volume_x100);
    if (c.ec != std::errc() || v.ec != std::errc()) {
      overflow = Status::Error(fmt::format(
          "databasefout: som van de declaraties van toewijzing '{}' is te groot",
          current.assignment));
      return false;
    }
    current.month = static_cast<int>(ParseInt(month));
    current.cost = Money::FromCents(cents);
    visit(current);
    return true;
  });
  if (!s.ok()) return s;
  return overflow;
}

Result<std::vector<IjwMessage>> PgStore::LoadIjwMessages() const {
  return Collect<IjwMessage>(
      *conn_, Flush(),
      "SELECT kind, sender, identification, receiver, day, declaration, total_cents, "
      "digest, lines FROM ijw_message ORDER BY kind, sender, identification",
      {}, [](const PgResult& r, int i) -> IjwMessage {
        return {r.Text(i, 0),
                r.Text(i, 1),
                r.Text(i, 2),
                r.Text(i, 3),
                Day(r.Int(i, 4)),
                r.Text(i, 5),
                Money::FromCents(r.Int(i, 6)),
                r.Text(i, 7),
                r.Int(i, 8)};
      });
}

namespace {

constexpr const char* kIjwLineColumns =
    "SELECT message, line, reference, previous_reference, client, assignment, "
    "category, product_code, start_day, end_day, volume_x100, unit, tariff_cents, "
    "amount_cents, stored FROM ijw_line ";

IjwLine IjwLineOf(const PgResult& r, int i) {
  IjwLine l;
  l.message = r.Text(i, 0);
  l.line = r.Int(i, 1);
  l.reference = r.Text(i, 2);
  l.previous_reference = r.Text(i, 3);
  l.client = r.Text(i, 4);
  l.assignment = r.Text(i, 5);
  l.category = r.Text(i, 6);
  l.product_code = r.Text(i, 7);
  l.start = Day(r.Int(i, 8));
  l.end = Day(r.Int(i, 9));
  l.volume.hundredths = r.Int(i, 10);
  l.unit = static_cast<Unit>(r.Int(i, 11));
  l.tariff = OptMoney(r, i, 12);
  l.amount = Money::FromCents(r.Int(i, 13));
  l.stored = r.Int(i, 14) != 0;
  return l;
}

}  // namespace

Result<std::vector<IjwLine>> PgStore::LoadIjwLines() const {
  return Collect<IjwLine>(*conn_, Flush(),
                          std::string(kIjwLineColumns) + "ORDER BY message, line", {},
                          IjwLineOf);
}

Result<std::vector<IjwLine>> PgStore::LoadIjwLines(const std::string& message) const {
  return Collect<IjwLine>(
      *conn_, Flush(), std::string(kIjwLineColumns) + "WHERE message = $1 ORDER BY line",
      {message}, IjwLineOf);
}

Result<std::vector<CarePeriod>> PgStore::LoadCarePeriods() const {
  return Collect<CarePeriod>(
      *conn_, Flush(),
      "SELECT assignment, start_day, end_day, reason FROM care_period ORDER BY "
      "assignment, start_day",
      {}, [](const PgResult& r, int i) -> CarePeriod {
        return {r.Text(i, 0), Day(r.Int(i, 1)), OptDay(r, i, 2), r.Text(i, 3)};
      });
}

}  // namespace jr
