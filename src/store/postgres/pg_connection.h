// PgConnection: one libpq connection with typed parameters, results, COPY in and out,
// and the Dutch error of a failed statement. This folder is the only place that
// includes <libpq-fe.h>. Not thread-safe: one thread at a time, like its Store.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace jr {

// The text parameters of a statement; std::nullopt is NULL.
using PgParams = std::vector<std::optional<std::string>>;

// The rows of a finished statement, as text (libpq's text format).
class PgResult {
 public:
  explicit PgResult(PGresult* r) : r_(r, &PQclear) {}
  int rows() const { return PQntuples(r_.get()); }
  int columns() const { return PQnfields(r_.get()); }
  bool IsNull(int row, int col) const { return PQgetisnull(r_.get(), row, col); }
  std::string_view TextView(int row, int col) const {
    return {PQgetvalue(r_.get(), row, col),
            static_cast<size_t>(PQgetlength(r_.get(), row, col))};
  }
  std::string Text(int row, int col) const { return std::string(TextView(row, col)); }
  int64_t Int(int row, int col) const;
  double Real(int row, int col) const;
  // Rows changed by an INSERT, UPDATE or DELETE.
  int64_t Changed() const;
  const PGresult* raw() const { return r_.get(); }

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> r_;
};

// The integer of a text field ("-12"); 0 for anything else.
int64_t ParseInt(std::string_view text);

class PgConnection {
 public:
  // Connects with `conninfo` (a libpq URL). `label` names the database in errors; it
  // never holds a password. Dutch error with libpq's reason (which never shows one).
  static Result<std::unique_ptr<PgConnection>> Connect(const std::string& conninfo,
                                                       const std::string& label);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs `sql` (one or more statements, no parameters) and drops the results.
  Status Exec(std::string_view sql);
  // Runs one statement with parameters $1..$n and returns its rows.
  Result<PgResult> Query(const std::string& sql, const PgParams& params = {});
  // Prepares `sql` as `name` once per connection; later calls only run it.
  Result<PgResult> QueryPrepared(const std::string& name, const std::string& sql,
                                 const PgParams& params);
  // COPY ... FROM STDIN with `data` in COPY's text format.
  Status CopyIn(const std::string& copy_sql, std::string_view data);
  // The same in parts, so the server writes rows while the client makes the next:
  // CopyStart, CopySend any number of times, CopyEnd (the outcome of the whole COPY;
  // with `abort_reason` the COPY fails and nothing of it is written). No other
  // statement runs on the connection between CopyStart and CopyEnd.
  Status CopyStart(const std::string& copy_sql);
  Status CopySend(std::string_view data);
  Status CopyEnd(const char* abort_reason = nullptr);
  // COPY (...) TO STDOUT: `line` is called per row (text format, without the newline)
  // and stops the copy by returning false.
  Status CopyOut(const std::string& copy_sql,
                 const std::function<bool(std::string_view line)>& line);

 private:
  PgConnection(PGconn* conn, std::string label) : conn_(conn), label_(std::move(label)) {}
  // The Dutch error of a failed result (nullptr: of the connection).
  Status ErrorOf(const PGresult* r) const;
  Result<PgResult> Checked(PGresult* r) const;

  PGconn* conn_;
  std::string label_;
  std::vector<std::string> prepared_;
};

// Appends `text` to a COPY text-format row, escaping what COPY needs escaped.
void AppendCopyText(std::string_view text, std::string* out);
// Splits a COPY text-format row at its tabs into the first fields.size() fields (still
// escaped; a missing field is empty).
void SplitCopyLine(std::string_view line, std::span<std::string_view> fields);
// The text of one field of a COPY text-format row (escapes undone).
std::string CopyTextValue(std::string_view field);

}  // namespace jr
