// KeyedTable: idempotent insert of rows into one table by natural key, for the Put
// methods of SqliteStore.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "store/sqlite/statement.h"
#include "store/store.h"

namespace jr {

using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;

class KeyedTable {
 public:
  struct Col {
    const char* sql;    // column in the table
    const char* field;  // member of the value type, for PutOutcome::field
  };
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
