#include "store/sqlite/statement.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>

namespace jr {

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK) {
    // A damaged database (a table dropped or altered behind our back) or a bug: an
    // error of every Step/Run, never an abort (issue 18, item 12). SQLite's functions
    // accept the null statement (SQLITE_MISUSE, no rows, no columns).
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    prepare_error_ = Status::Error(fmt::format(
        "de database is beschadigd of hoort bij een andere versie (SQL kan niet worden "
        "voorbereid: {})",
        sqlite3_errmsg(db)));
    status_ = prepare_error_;
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Statement& Statement::Bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Statement& Statement::Bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::BindUncopied(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  return *this;
}
Statement& Statement::BindBlobUncopied(int i, std::string_view v) {
  sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  return *this;
}
Statement& Statement::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Statement::Step() {
  if (stmt_ == nullptr) return false;  // status_ holds the prepare error
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) {
    status_ = Status::Error(fmt::format("databasefout: {}", sqlite3_errmsg(db_)));
  }
  return false;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  status_ = prepare_error_;
}

Status Statement::Run() {
  while (Step()) {
  }
  Status s = status_;
  Reset();
  return s;
}

int64_t Statement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::Real(int col) const { return sqlite3_column_double(stmt_, col); }
std::string Statement::Text(int col) const { return std::string(TextView(col)); }
std::string_view Statement::TextView(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  return t ? std::string_view(reinterpret_cast<const char*>(t),
                              static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string_view();
}
std::string_view Statement::BlobView(int col) const {
  const void* b = sqlite3_column_blob(stmt_, col);
  return b ? std::string_view(static_cast<const char*>(b),
                              static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string_view();
}
int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }
bool Statement::IsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

}  // namespace jr
