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

 private:
  std::vector<Col> cols_;
  size_t n_key_;
  sqlite3* db_;
  std::unique_ptr<Statement> insert_, select_, update_;
};

}  // namespace jr
