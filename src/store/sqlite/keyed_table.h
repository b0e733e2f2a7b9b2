// KeyedTable: idempotent insert of rows into one table by natural key, for the Put
// methods of SqliteStore.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <vector>

#include "store/sqlite/statement.h"
#include "store/store.h"
#include "store/table_rows.h"

namespace jr {

class KeyedTable {
 public:
  using Col = TableColumn;
  // The first `n_key` columns form the natural key. Statements are prepared once.
  KeyedTable(sqlite3* db, const char* table, std::vector<Col> cols, size_t n_key);

  // Writes one row (values in column order). A database error (constraint, I/O) is
  // returned with its message.
  Result<PutOutcome> Put(const std::vector<SqlValue>& values, PutMode mode);

  // The same put for the hot tables (a declaration line, an iJw line) without a row
  // per put: the caller binds every column of Insert() in column order (texts may be
  // bound uncopied: they must outlive the call), then PutBound runs it; `make_row`
  // (the full row, as for Put) is called only when the key is stored already, for the
  // compare and, with --replace, the update.
  Statement& Insert() { return *insert_; }
  template <typename MakeRow>
  Result<PutOutcome> PutBound(const MakeRow& make_row, PutMode mode) {
    Status s = insert_->Run();
    if (!s.ok()) return s;
    if (sqlite3_changes(db_) == 1) return PutOutcome{};
    return PutExisting(make_row(), mode);
  }

 private:
  // After an insert that changed nothing (the key is stored): compares `values` with
  // the stored row, updates it with --replace.
  Result<PutOutcome> PutExisting(const std::vector<SqlValue>& values, PutMode mode);

  std::vector<Col> cols_;
  size_t n_key_;
  sqlite3* db_;
  std::unique_ptr<Statement> insert_, select_, update_;
};

}  // namespace jr
