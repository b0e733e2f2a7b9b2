// The iJw tables of SqliteStore (migration 4): messages, JW323 lines, care periods.
#include "store/sqlite/sqlite_store.h"

namespace jr {
namespace {

SqlValue OptCents(const std::optional<Money>& m) {
  return m ? SqlValue(m->cents()) : SqlValue(std::monostate{});
}

}  // namespace

Result<PutOutcome> SqliteStore::Put(const IjwMessage& m, PutMode mode) {
  if (!ijw_message_) {
    ijw_message_ = std::make_unique<KeyedTable>(db_, "ijw_message",
                                                std::vector<KeyedTable::Col>{
                                                    {"kind", "kind"},
                                                    {"sender", "sender"},
                                                    {"identification", "identification"},
                                                    {"receiver", "receiver"},
                                                    {"day", "date"},
                                                    {"declaration", "declaration"},
                                                    {"total_cents", "total"},
                                                    {"digest", "digest"},
                                                    {"lines", "lines"},
                                                },
                                                3);
  }
  return ijw_message_->Put(
      {m.kind, m.sender, m.identification, m.receiver, int64_t{DayNumber(m.date)},
       m.declaration, m.total.cents(), m.digest, m.lines},
      mode);
}

Result<PutOutcome> SqliteStore::Put(const IjwLine& l, PutMode mode) {
  if (!ijw_line_) {
    ijw_line_ = std::make_unique<KeyedTable>(
        db_, "ijw_line",
        std::vector<KeyedTable::Col>{{"message", "message"},
                                     {"line", "line"},
                                     {"reference", "reference"},
                                     {"previous_reference", "previous_reference"},
                                     {"client", "client"},
                                     {"assignment", "assignment"},
                                     {"category", "category"},
                                     {"product_code", "product_code"},
                                     {"start_day", "start"},
                                     {"end_day", "end"},
                                     {"volume_x100", "volume"},
                                     {"unit", "unit"},
                                     {"tariff_cents", "tariff"},
                                     {"amount_cents", "amount"},
                                     {"stored", "stored"}},
        2);
  }
  return ijw_line_->Put(
      {l.message, l.line, l.reference, l.previous_reference, l.client, l.assignment,
       l.category, l.product_code, int64_t{DayNumber(l.start)}, int64_t{DayNumber(l.end)},
       l.volume.hundredths, int64_t{static_cast<int>(l.unit)}, OptCents(l.tariff),
       l.amount.cents(), int64_t{l.stored ? 1 : 0}},
      mode);
}

Result<PutOutcome> SqliteStore::Put(const CarePeriod& p, PutMode mode) {
  if (!care_period_) {
    care_period_ = std::make_unique<KeyedTable>(
        db_, "care_period",
        std::vector<KeyedTable::Col>{{"assignment", "assignment"},
                                     {"start_day", "start"},
                                     {"end_day", "end"},
                                     {"reason", "reason"}},
        2);
  }
  // A JW305 (no end) after a JW307 of the same care changes nothing; a JW307 after
  // its JW305 adds the end.
  Statement q(db_,
              "SELECT end_day, reason FROM care_period WHERE assignment = ?1 AND "
              "start_day = ?2");
  q.Bind(1, p.assignment).Bind(2, DayNumber(p.start));
  if (q.Step()) {
    if (!p.end) return PutOutcome{PutOutcome::kUnchanged};
    if (q.IsNull(0)) {
      auto out = care_period_->Put({p.assignment, int64_t{DayNumber(p.start)},
                                    int64_t{DayNumber(*p.end)}, p.reason},
                                   PutMode::kReplace);
      if (!out.ok()) return out.status();
      PutOutcome o = *out;
      if (o.kind == PutOutcome::kReplaced) o.kind = PutOutcome::kAdded;
      return o;
    }
  }
  if (!q.status().ok()) return q.status();
  SqlValue end =
      p.end ? SqlValue(int64_t{DayNumber(*p.end)}) : SqlValue(std::monostate{});
  return care_period_->Put({p.assignment, int64_t{DayNumber(p.start)}, end, p.reason},
                           mode);
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
