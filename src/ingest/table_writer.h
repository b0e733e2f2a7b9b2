// TableWriter: idempotent insert of rows by natural key. Internal to ingest/.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "store/statement.h"

namespace jr {

using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;

class TableWriter {
 public:
  struct Col {
    const char* db;     // column in the database
    const char* label;  // CSV field name, for messages
  };
  // The first `n_key` columns form the natural key.
  TableWriter(sqlite3* db, const char* table, std::vector<Col> cols, size_t n_key);

  enum class Outcome { kAdded, kUnchanged, kReplaced, kConflict, kError };
  // Writes one row (values in column order). On kConflict `detail` says which field
  // differs ("veld 'x': 'a' in de database, 'b' in het bestand"); on kError it holds
  // the database message.
  Outcome Write(const std::vector<SqlValue>& values, bool replace, std::string* detail);

 private:
  void BindAll(Statement& s, const std::vector<SqlValue>& v, size_t from, size_t to, int first);
  std::vector<Col> cols_;
  size_t n_key_;
  sqlite3* db_;
  std::unique_ptr<Statement> insert_, select_, update_;
};

}  // namespace jr
