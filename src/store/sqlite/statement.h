// Statement: a prepared SQLite statement with typed binds and columns.
// Not thread-safe; owned by one thread at a time, like its Store.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace jr {

class Statement {
 public:
  // Prepares `sql`; a failure is a programming error and aborts with the SQL error.
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds are 1-based, as in SQLite. Return *this for chaining.
  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, double v);
  Statement& Bind(int i, std::string_view v);  // copied (SQLITE_TRANSIENT)
  // Not copied (SQLITE_STATIC): `v` must stay alive until the statement has run; every
  // later run must bind `i` again (the hot puts of KeyedTable: a copy per text is slow).
  Statement& BindUncopied(int i, std::string_view v);
  Statement& BindNull(int i);
  // A BLOB, not copied (as BindUncopied).
  Statement& BindBlobUncopied(int i, std::string_view v);
  template <typename T>
  Statement& Bind(int i, const std::optional<T>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }

  // Steps once: true when a row is available, false when done. A database error
  // (constraint, I/O) returns false and sets status().
  bool Step();
  // Resets for another execution (binds kept) and clears the status.
  void Reset();
  // Step() to completion of a statement without rows; returns its status.
  Status Run();
  const Status& status() const { return status_; }

  // Columns are 0-based, as in SQLite.
  int64_t Int(int col) const;
  double Real(int col) const;
  std::string Text(int col) const;
  // The text of a column, valid until the next Step() or Reset().
  std::string_view TextView(int col) const;
  // The bytes of a BLOB column, valid until the next Step() or Reset().
  std::string_view BlobView(int col) const;
  bool IsNull(int col) const;
  int ColumnCount() const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status prepare_error_ = Status::Ok();  // why stmt_ is null
  Status status_;
};

}  // namespace jr
