// The Put methods of SqliteStore: each value becomes one row of its table
// (store/table_rows.h), written by natural key through a KeyedTable.
#include "store/sqlite/sqlite_store.h"
#include "store/table_rows.h"

namespace jr {

KeyedTable& SqliteStore::Table(size_t index) {
  if (tables_.empty()) tables_.resize(kTableCount);
  if (!tables_[index]) {
    const TableSpec& spec = TableSpecs()[index];
    tables_[index] = std::make_unique<KeyedTable>(db_, spec.table, spec.cols, spec.n_key);
  }
  return *tables_[index];
}

Result<PutOutcome> SqliteStore::PutRow(size_t table, const SqlRow& row, PutMode mode) {
  return Table(table).Put(row, mode);
}

Result<PutOutcome> SqliteStore::Put(const Municipality& m, PutMode mode) {
  return PutRow(kMunicipality, RowOf(m), mode);
}

Result<PutOutcome> SqliteStore::Put(const MunicipalityKey& k, PutMode mode) {
  return PutRow(kKeyValue, RowOf(k), mode);
}

Result<PutOutcome> SqliteStore::Put(const Provider& p, PutMode mode) {
  return PutRow(kProvider, RowOf(p), mode);
}

Result<PutOutcome> SqliteStore::Put(const Product& p, PutMode mode) {
  return PutRow(kProduct, RowOf(p), mode);
}

Result<PutOutcome> SqliteStore::Put(const Tariff& t, PutMode mode) {
  return PutRow(kTariff, RowOf(t), mode);
}

Result<PutOutcome> SqliteStore::Put(const Contract& c, PutMode mode) {
  return PutRow(kContract, RowOf(c), mode);
}

Result<PutOutcome> SqliteStore::Put(const YouthTeam& t, PutMode mode) {
  return PutRow(kYouthTeam, RowOf(t), mode);
}

Result<PutOutcome> SqliteStore::Put(const ClientResidence& c, PutMode mode) {
  return PutRow(kClientResidence, RowOf(c), mode);
}

Result<PutOutcome> SqliteStore::Put(const Assignment& a, PutMode mode) {
  return PutRow(kAssignment, RowOf(a), mode);
}

// A row per line is bound without a SqlRow (the hot put of a JW323 import); the
// columns in the order of TableSpecs (store/table_rows.cc), as RowOf(d).
Result<PutOutcome> SqliteStore::Put(const Declaration& d, PutMode mode) {
  KeyedTable& t = Table(kDeclaration);
  Statement& s = t.Insert();
  s.BindUncopied(1, d.assignment)
      .Bind(2, static_cast<int64_t>(DayNumber(d.start)))
      .BindUncopied(3, d.number)
      .Bind(4, static_cast<int64_t>(DayNumber(d.end)))
      .Bind(5, static_cast<int64_t>(static_cast<int>(d.start.year())))
      .BindUncopied(6, d.agb)
      .BindUncopied(7, d.category)
      .BindUncopied(8, d.product_code)
      .Bind(9, d.volume.hundredths)
      .Bind(10, static_cast<int64_t>(static_cast<int>(d.unit)))
      .Bind(12, d.amount.cents());
  if (d.tariff) {
    s.Bind(11, d.tariff->cents());
  } else {
    s.BindNull(11);
  }
  return t.PutBound([&] { return RowOf(d); }, mode);
}

Status SqliteStore::DeleteDeclaration(const std::string& assignment, Date start,
                                      const std::string& number) {
  for (const char* sql :
       {"DELETE FROM finding WHERE assignment = ? AND start_day = ? AND declaration = ?",
        "DELETE FROM declaration WHERE assignment = ? AND start_day = ? AND number = "
        "?"}) {
    Statement del(db_, sql);
    del.Bind(1, assignment)
        .Bind(2, static_cast<int64_t>(DayNumber(start)))
        .Bind(3, number);
    Status s = del.Run();
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Result<PutOutcome> SqliteStore::Put(const CostItem& c, PutMode mode) {
  return PutRow(TableOf(c), RowOf(c), mode);
}

Result<PutOutcome> SqliteStore::Put(const ReviewDecision& r, PutMode mode) {
  return PutRow(kReviewDecision, RowOf(r), mode);
}

}  // namespace jr
