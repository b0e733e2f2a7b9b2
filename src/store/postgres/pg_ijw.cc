// The iJw tables of PgStore (migration 4): messages, JW323 lines, care periods, with
// the rows of store/table_rows.h and the order of SQLite's loaders (sqlite_ijw.cc).
#include "store/postgres/pg_store.h"

namespace jr {
namespace {

Date Day(const PgResult& r, int row, int col) {
  return FromDayNumber(static_cast<int>(r.Int(row, col)));
}

}  // namespace

Result<PutOutcome> PgStore::Put(const IjwMessage& m, PutMode mode) {
  return PutKeyed(kIjwMessage, RowOf(m), mode);
}

Result<PutOutcome> PgStore::Put(const IjwLine& l, PutMode mode) {
  return PutKeyed(kIjwLine, RowOf(l), mode);
}

Result<PutOutcome> PgStore::Put(const CarePeriod& p, PutMode mode) {
  return PutCarePeriod(p, mode, [&](const SqlRow& row, PutMode m) {
    return PutKeyed(kCarePeriod, row, m);
  });
}

Result<std::vector<IjwMessage>> PgStore::LoadIjwMessages() const {
  Status s = Flush();
  if (!s.ok()) return s;
  auto r = conn_->Query(
      "SELECT kind, sender, identification, receiver, day, declaration, total_cents, "
      "digest, lines FROM ijw_message ORDER BY kind, sender, identification");
  if (!r.ok()) return r.status();
  std::vector<IjwMessage> out;
  out.reserve(static_cast<size_t>(r->rows()));
  for (int i = 0; i < r->rows(); ++i) {
    out.push_back({r->Text(i, 0), r->Text(i, 1), r->Text(i, 2), r->Text(i, 3),
                   Day(*r, i, 4), r->Text(i, 5), Money::FromCents(r->Int(i, 6)),
                   r->Text(i, 7), r->Int(i, 8)});
  }
  return out;
}

Result<std::vector<IjwLine>> PgStore::LoadIjwLines() const {
  Status s = Flush();
  if (!s.ok()) return s;
  auto r = conn_->Query(
      "SELECT message, line, reference, previous_reference, client, assignment, "
      "category, product_code, start_day, end_day, volume_x100, unit, tariff_cents, "
      "amount_cents, stored FROM ijw_line ORDER BY message, line");
  if (!r.ok()) return r.status();
  std::vector<IjwLine> out;
  out.reserve(static_cast<size_t>(r->rows()));
  for (int i = 0; i < r->rows(); ++i) {
    IjwLine l;
    l.message = r->Text(i, 0);
    l.line = r->Int(i, 1);
    l.reference = r->Text(i, 2);
    l.previous_reference = r->Text(i, 3);
    l.client = r->Text(i, 4);
    l.assignment = r->Text(i, 5);
    l.category = r->Text(i, 6);
    l.product_code = r->Text(i, 7);
    l.start = Day(*r, i, 8);
    l.end = Day(*r, i, 9);
    l.volume.hundredths = r->Int(i, 10);
    l.unit = static_cast<Unit>(r->Int(i, 11));
    if (!r->IsNull(i, 12)) l.tariff = Money::FromCents(r->Int(i, 12));
    l.amount = Money::FromCents(r->Int(i, 13));
    l.stored = r->Int(i, 14) != 0;
    out.push_back(std::move(l));
  }
  return out;
}

Result<std::vector<CarePeriod>> PgStore::LoadCarePeriods() const {
  Status s = Flush();
  if (!s.ok()) return s;
  auto r = conn_->Query(
      "SELECT assignment, start_day, end_day, reason FROM care_period ORDER BY "
      "assignment, start_day");
  if (!r.ok()) return r.status();
  std::vector<CarePeriod> out;
  out.reserve(static_cast<size_t>(r->rows()));
  for (int i = 0; i < r->rows(); ++i) {
    CarePeriod p{r->Text(i, 0), Day(*r, i, 1), std::nullopt, r->Text(i, 3)};
    if (!r->IsNull(i, 2)) p.end = Day(*r, i, 2);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace jr
