#include "store/postgres/pg_connection.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace jr {

int64_t ParseInt(std::string_view text) {
  int64_t v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

int64_t PgResult::Int(int row, int col) const { return ParseInt(TextView(row, col)); }

double PgResult::Real(int row, int col) const {
  return std::strtod(PQgetvalue(r_.get(), row, col), nullptr);
}

int64_t PgResult::Changed() const { return ParseInt(PQcmdTuples(r_.get())); }

void AppendCopyText(std::string_view text, std::string* out) {
  // Runs without a character to escape (nearly every field) are appended whole.
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char* escaped = c == '\\'   ? "\\\\"
                          : c == '\t' ? "\\t"
                          : c == '\n' ? "\\n"
                          : c == '\r' ? "\\r"
                                      : nullptr;
    if (escaped == nullptr) continue;
    out->append(text.data() + start, i - start);
    out->append(escaped, 2);
    start = i + 1;
  }
  out->append(text.data() + start, text.size() - start);
}

std::string CopyTextValue(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 == field.size()) {
      out += field[i];
      continue;
    }
    char c = field[++i];
    out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
  }
  return out;
}

Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& conninfo,
                                                            const std::string& label) {
  // expand_dbname: "dbname" is the whole URL; the other keywords are defaults.
  const char* keys[] = {"dbname", "application_name", "client_encoding", nullptr};
  const char* values[] = {conninfo.c_str(), "jeugdregio", "UTF8", nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (conn == nullptr)
    return Status::Error("geen geheugen voor een PostgreSQL-verbinding");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string reason = PQerrorMessage(conn);
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) {
      reason.pop_back();
    }
    PQfinish(conn);
    return Status::Error(
        fmt::format("PostgreSQL-database kan niet worden geopend: {}", reason), {label});
  }
  // Notices (e.g. "schema already exists") are not for the user.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(conn, label));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

Status PgConnection::ErrorOf(const PGresult* r) const {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string message = primary ? primary : PQerrorMessage(conn_);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  const std::string_view code = state ? state : "";
  if (code == "23503") {
    // The detail names the value ("Key (municipality)=(GM9999) is not present ..."):
    // a row written with COPY is refused at the end of the COPY, not at its Put.
    const char* detail = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL) : nullptr;
    return Status::Error(
        fmt::format("databasefout: FOREIGN KEY-verwijzing bestaat niet ({}{}{})", message,
                    detail ? ": " : "", detail ? detail : ""));
  }
  if (code == "22003") {
    return Status::Error(fmt::format("databasefout: integer overflow ({})", message));
  }
  if (code == "55P03") {
    return Status::Error(
        "database is bezet: een ander proces schrijft erin; probeer het later opnieuw",
        {label_});
  }
  if (code == "40P01" || code == "40001") {
    return Status::Error(
        "gelijktijdige schrijfacties in de database liepen op elkaar vast; deze is "
        "teruggedraaid (er is niets gewijzigd): probeer het opnieuw",
        {label_});
  }
  if (PQstatus(conn_) != CONNECTION_OK) {
    return Status::Error(
        fmt::format("verbinding met de PostgreSQL-database verbroken: {}", message),
        {label_});
  }
  return Status::Error(fmt::format("databasefout: {}", message));
}

Result<PgResult> PgConnection::Checked(PGresult* r) const {
  PgResult result(r);
  ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return result;
  return ErrorOf(r);
}

Status PgConnection::Exec(std::string_view sql) {
  auto r = Checked(PQexec(conn_, std::string(sql).c_str()));
  return r.ok() ? Status::Ok() : r.status();
}

namespace {

struct RawParams {
  std::vector<const char*> values;
  explicit RawParams(const PgParams& params) {
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  }
  int size() const { return static_cast<int>(values.size()); }
};

}  // namespace

Result<PgResult> PgConnection::Query(const std::string& sql, const PgParams& params) {
  RawParams raw(params);
  return Checked(PQexecParams(conn_, sql.c_str(), raw.size(), nullptr, raw.values.data(),
                              nullptr, nullptr, 0));
}

Result<PgResult> PgConnection::QueryPrepared(const std::string& name,
                                             const std::string& sql,
                                             const PgParams& params) {
  if (std::find(prepared_.begin(), prepared_.end(), name) == prepared_.end()) {
    auto p = Checked(PQprepare(conn_, name.c_str(), sql.c_str(),
                               static_cast<int>(params.size()), nullptr));
    if (!p.ok()) return p.status();
    prepared_.push_back(name);
  }
  RawParams raw(params);
  return Checked(PQexecPrepared(conn_, name.c_str(), raw.size(), raw.values.data(),
                                nullptr, nullptr, 0));
}

Status PgConnection::CopyIn(const std::string& copy_sql, std::string_view data) {
  PgResult start(PQexec(conn_, copy_sql.c_str()));
  if (PQresultStatus(start.raw()) != PGRES_COPY_IN) return ErrorOf(start.raw());
  bool sent = PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) == 1;
  PQputCopyEnd(conn_, sent ? nullptr : "jeugdregio: verzenden mislukt");
  Status s = Status::Ok();
  while (PGresult* r = PQgetResult(conn_)) {
    auto checked = Checked(r);
    if (!checked.ok() && s.ok()) s = checked.status();
  }
  return s;
}

Status PgConnection::CopyStart(const std::string& copy_sql) {
  PgResult start(PQexec(conn_, copy_sql.c_str()));
  if (PQresultStatus(start.raw()) != PGRES_COPY_IN) return ErrorOf(start.raw());
  return Status::Ok();
}

Status PgConnection::CopySend(std::string_view data) {
  if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) == 1) {
    return Status::Ok();
  }
  return Status::Error(fmt::format("databasefout: COPY-gegevens niet verzonden ({})",
                                   PQerrorMessage(conn_)));
}

Status PgConnection::CopyEnd(const char* abort_reason) {
  PQputCopyEnd(conn_, abort_reason);
  Status s = Status::Ok();
  while (PGresult* r = PQgetResult(conn_)) {
    auto checked = Checked(r);
    if (!checked.ok() && s.ok()) s = checked.status();
  }
  return s;
}

Status PgConnection::CopyOut(const std::string& copy_sql,
                             const std::function<bool(std::string_view line)>& line) {
  PgResult start(PQexec(conn_, copy_sql.c_str()));
  if (PQresultStatus(start.raw()) != PGRES_COPY_OUT) return ErrorOf(start.raw());
  bool more = true;
  for (;;) {
    char* buffer = nullptr;
    int n = PQgetCopyData(conn_, &buffer, /*async=*/0);
    if (n < 0) break;  // -1: done, -2: error (reported by the result below)
    if (more) {
      std::string_view row(buffer, static_cast<size_t>(n));
      if (!row.empty() && row.back() == '\n') row.remove_suffix(1);
      more = line(row);
    }
    PQfreemem(buffer);
  }
  Status s = Status::Ok();
  while (PGresult* r = PQgetResult(conn_)) {
    auto checked = Checked(r);
    if (!checked.ok() && s.ok()) s = checked.status();
  }
  return s;
}

void SplitCopyLine(std::string_view line, std::span<std::string_view> fields) {
  size_t pos = 0;
  for (std::string_view& field : fields) {
    if (pos > line.size()) {
      field = {};
      continue;
    }
    size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) tab = line.size();
    field = line.substr(pos, tab - pos);
    pos = tab + 1;
  }
}

}  // namespace jr
