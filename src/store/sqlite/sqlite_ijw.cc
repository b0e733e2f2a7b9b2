// The iJw tables of SqliteStore (migrations 4 and 9): messages, JW323 lines (packed,
// ijw_chunks.h), care periods; the rows of messages and periods are those of
// store/table_rows.h.
#include "store/sqlite/ijw_chunks.h"
#include "store/sqlite/sqlite_store.h"
#include "store/table_rows.h"

namespace jr {
namespace {

// The lines of the chunks `q` steps through (columns message, first_line, data); a
// damaged chunk is an error at the database `path`.
Result<std::vector<IjwLine>> DecodeChunkRows(Statement& q, const std::string& path) {
  std::vector<IjwLine> out;
  while (q.Step()) {
    Status s = DecodeIjwLines(q.BlobView(2), q.Text(0), q.Int(1), &out);
    if (!s.ok()) return Status::Error(s.message(), {path});
  }
  if (!q.status().ok()) return q.status();
  return out;
}

}  // namespace

Result<PutOutcome> SqliteStore::Put(const IjwMessage& m, PutMode mode) {
  return PutRow(kIjwMessage, RowOf(m), mode);
}

// Packed per message and 1000 line numbers (ijw_chunks.h).
Result<PutOutcome> SqliteStore::Put(const IjwLine& l, PutMode mode) {
  return Chunks().Put(l, mode);
}

Status SqliteStore::DeleteIjwLinesAfter(const std::string& message, int64_t last) {
  return Chunks().DeleteAfter(message, last);
}

IjwLineChunks& SqliteStore::Chunks() const {
  if (!chunks_) chunks_ = std::make_unique<IjwLineChunks>(db_);
  return *chunks_;
}

Status SqliteStore::FlushIjwLines() const {
  return chunks_ ? chunks_->Flush() : Status::Ok();
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
  if (Status s = FlushIjwLines(); !s.ok()) return s;
  Statement q(db_,
              "SELECT message, first_line, data FROM ijw_line_chunk ORDER BY message, "
              "first_line");
  return DecodeChunkRows(q, path_);
}

Result<std::vector<IjwLine>> SqliteStore::LoadIjwLines(const std::string& message) const {
  if (Status s = FlushIjwLines(); !s.ok()) return s;
  Statement q(db_,
              "SELECT message, first_line, data FROM ijw_line_chunk WHERE message = ? "
              "ORDER BY first_line");
  q.Bind(1, message);
  return DecodeChunkRows(q, path_);
}

Status SqliteStore::CopyVersion8Lines() {
  Statement q(
      db_,
      "SELECT message, line, reference, previous_reference, client, assignment, "
      "category, product_code, start_day, end_day, volume_x100, unit, "
      "tariff_cents, amount_cents, stored FROM ijw_line_v8 ORDER BY message, line");
  IjwLine l;
  while (q.Step()) {
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
    l.tariff.reset();
    if (!q.IsNull(12)) l.tariff = Money::FromCents(q.Int(12));
    l.amount = Money::FromCents(q.Int(13));
    l.stored = q.Int(14) != 0;
    auto put = Chunks().Put(l, PutMode::kRefuseChanged);
    if (!put.ok()) return put.status();
  }
  if (!q.status().ok()) return q.status();
  return FlushIjwLines();
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
