// The iJw tables of SqliteStore (migration 4): messages, JW323 lines, care periods;
// their rows are those of store/table_rows.h.
#include "store/sqlite/sqlite_store.h"
#include "store/table_rows.h"

namespace jr {

Result<PutOutcome> SqliteStore::Put(const IjwMessage& m, PutMode mode) {
  return PutRow(kIjwMessage, RowOf(m), mode);
}

// Bound without a SqlRow (a JW323 import puts one per line); the columns in the
// order of TableSpecs (store/table_rows.cc), as RowOf(l).
Result<PutOutcome> SqliteStore::Put(const IjwLine& l, PutMode mode) {
  KeyedTable& t = Table(kIjwLine);
  Statement& s = t.Insert();
  s.BindUncopied(1, l.message)
      .Bind(2, l.line)
      .BindUncopied(3, l.reference)
      .BindUncopied(4, l.previous_reference)
      .BindUncopied(5, l.client)
      .BindUncopied(6, l.assignment)
      .BindUncopied(7, l.category)
      .BindUncopied(8, l.product_code)
      .Bind(9, static_cast<int64_t>(DayNumber(l.start)))
      .Bind(10, static_cast<int64_t>(DayNumber(l.end)))
      .Bind(11, l.volume.hundredths)
      .Bind(12, static_cast<int64_t>(static_cast<int>(l.unit)))
      .Bind(14, l.amount.cents())
      .Bind(15, static_cast<int64_t>(l.stored ? 1 : 0));
  if (l.tariff) {
    s.Bind(13, l.tariff->cents());
  } else {
    s.BindNull(13);
  }
  return t.PutBound([&] { return RowOf(l); }, mode);
}

Result<PutOutcome> SqliteStore::Put(const CarePeriod& p, PutMode mode) {
  return PutCarePeriod(
      p, mode, [&](const SqlRow& row, PutMode m) { return PutRow(kCarePeriod, row, m); });
}

Result<std::vector<IjwMessage>> SqliteStore::LoadIjwMessages() const {
  Statement q(db_,
              "SELECT kind, sender, identification, receiver, day, declaration, "
              "total_cents, digest, lines FROM ijw_message ORDER BY kind, sender, "
              "identification");
  std::vector<IjwMessage> out;
  while (q.Step()) {
    out.push_back({q.Text(0), q.Text(1), q.Text(2), q.Text(3),
                   FromDayNumber(static_cast<int>(q.Int(4))), q.Text(5),
                   Money::FromCents(q.Int(6)), q.Text(7), q.Int(8)});
  }
  if (!q.status().ok()) return q.status();
  return out;
}

Result<std::vector<IjwLine>> SqliteStore::LoadIjwLines() const {
  Statement q(db_,
              "SELECT message, line, reference, previous_reference, client, assignment, "
              "category, product_code, start_day, end_day, volume_x100, unit, "
              "tariff_cents, amount_cents, stored FROM ijw_line ORDER BY message, line");
  std::vector<IjwLine> out;
  while (q.Step()) {
    IjwLine l;
    l.message = q.Text(0);
    l.line = q.Int(1);
    l.reference = q.Text(2);
    l.previous_reference = q.Text(3);
    l.client = q.Text(4);
    l.assignment = q.Text(5);
    l.category = q.Text(6);
    l.product_code = q.Text(7);
    l.start = FromDayNumber(static_cast<int>(q.Int(8)));
    l.end = FromDayNumber(static_cast<int>(q.Int(9)));
    l.volume.hundredths = q.Int(10);
    l.unit = static_cast<Unit>(q.Int(11));
    if (!q.IsNull(12)) l.tariff = Money::FromCents(q.Int(12));
    l.amount = Money::FromCents(q.Int(13));
    l.stored = q.Int(14) != 0;
    out.push_back(std::move(l));
  }
  if (!q.status().ok()) return q.status();
  return out;
}

Result<std::vector<CarePeriod>> SqliteStore::LoadCarePeriods() const {
  Statement q(db_,
              "SELECT assignment, start_day, end_day, reason FROM care_period ORDER BY "
              "assignment, start_day");
  std::vector<CarePeriod> out;
  while (q.Step()) {
    CarePeriod p{q.Text(0), FromDayNumber(static_cast<int>(q.Int(1))), std::nullopt,
                 q.Text(3)};
    if (!q.IsNull(2)) p.end = FromDayNumber(static_cast<int>(q.Int(2)));
    out.push_back(std::move(p));
  }
  if (!q.status().ok()) return q.status();
  return out;
}

}  // namespace jr
