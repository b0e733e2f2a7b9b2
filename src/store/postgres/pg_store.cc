#include "store/postgres/pg_store.h"

#include <fmt/format.h>

#include <limits>
#include <unordered_map>

#include "store/postgres/pg_schema.h"
#include "store/postgres/pg_url.h"

namespace jr {

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& url,
                                               const StoreOptions& options) {
  auto address = ParsePgUrl(url);
  if (!address.ok()) return address.status();
  // The label of errors: the URL as given, which holds no password (refused above).
  auto conn = PgConnection::Connect(address->conninfo, url);
  if (!conn.ok()) return conn.status();
  std::unique_ptr<PgStore> store(
      new PgStore(std::move(conn).value(), url, options.busy_timeout_ms));
  // Sorting a region's declarations for the aggregates fits in memory.
  Status s = store->conn_->Exec(
      "SET work_mem = '64MB'; SET client_min_messages = warning; SET TIME ZONE 'UTC'");
  if (!s.ok()) return s;
  const std::string& schema = address->schema;
  if (!schema.empty()) {
    if (options.create) {
      s = store->conn_->Exec(fmt::format("CREATE SCHEMA IF NOT EXISTS \"{}\"", schema));
      if (!s.ok()) return Status::Error(s.message(), {url});
    }
    auto found =
        store->conn_->Query("SELECT 1 FROM pg_namespace WHERE nspname = $1", {schema});
    if (!found.ok()) return found.status();
    if (found->rows() == 0) {
      return Status::Error(
          fmt::format(
              "schema {} bestaat niet; maak de database aan met 'jeugdregio init'",
              schema),
          {url});
    }
    s = store->conn_->Exec(fmt::format("SET search_path TO \"{}\"", schema));
    if (!s.ok()) return s;
  }
  s = store->Migrate(options.create);
  if (!s.ok()) return s;
  return store;
}

PgStore::~PgStore() = default;

int PgStore::LatestSchemaVersion() {
  return static_cast<int>(PgSchemaMigrations().size());
}

int PgStore::SchemaVersion() const {
  auto r = conn_->Query("SELECT version FROM schema_version");
  return r.ok() && r->rows() == 1 ? static_cast<int>(r->Int(0, 0)) : 0;
}

Status PgStore::LockRegion() {
  Status s = conn_->Exec(fmt::format("SET LOCAL lock_timeout = {}", busy_timeout_ms_));
  if (!s.ok()) return s;
  return conn_->Exec(
      "SELECT pg_advisory_xact_lock(hashtext('jeugdregio:' || current_schema()))");
}

Status PgStore::Migrate(bool create) {
  Status s = Begin();
  if (!s.ok()) return s;
  auto fail = [&](Status error) {
    Rollback();
    return error;
  };
  auto found = conn_->Query(
      "SELECT to_regclass('schema_version') IS NOT NULL, count(*) FROM pg_tables "
      "WHERE schemaname = current_schema()");
  if (!found.ok()) return fail(found.status());
  if (found->TextView(0, 0) != "t") {
    if (found->Int(0, 1) > 0) {
      return fail(Status::Error(
          "dit schema is geen jeugdregio-database (het heeft al andere tabellen)",
          {path_}));
    }
    if (!create) {
      return fail(Status::Error(
          "database bestaat niet; maak hem aan met 'jeugdregio init'", {path_}));
    }
    s = conn_->Exec(
        "CREATE TABLE schema_version (version integer NOT NULL); "
        "INSERT INTO schema_version VALUES (0)");
    if (!s.ok()) return fail(s);
  }
  const int version = SchemaVersion();
  if (version > LatestSchemaVersion()) {
    return fail(Status::Error(
        fmt::format(
            "database heeft schemaversie {}, deze versie van jeugdregio kent tot {}",
            version, LatestSchemaVersion()),
        {path_}));
  }
  const auto& migrations = PgSchemaMigrations();
  for (int v = version; v < LatestSchemaVersion(); ++v) {
    s = conn_->Exec(migrations[v]);
    if (s.ok()) {
      s = conn_->Exec(fmt::format("UPDATE schema_version SET version = {}", v + 1));
    }
    if (!s.ok()) {
      return fail(Status::Error(
          fmt::format("migratie naar schemaversie {} mislukt: {}", v + 1, s.message()),
          {path_}));
    }
  }
  return Commit();
}

Status PgStore::Begin() {
  Status s = conn_->Exec("BEGIN");
  if (s.ok()) s = LockRegion();
  if (!s.ok()) {
    (void)conn_->Exec("ROLLBACK");
    return s;
  }
  in_transaction_ = true;
  return Status::Ok();
}

Status PgStore::Commit() {
  Status s = Flush();
  if (s.ok()) s = conn_->Exec("COMMIT");
  if (!s.ok()) return s;
  in_transaction_ = false;
  batch_ = Batches();
  return Status::Ok();
}

void PgStore::Rollback() {
  (void)EndCopy("jeugdregio: transactie teruggedraaid");
  (void)conn_->Exec("ROLLBACK");
  in_transaction_ = false;
  batch_ = Batches();
}

std::string PgStore::GetMeta(const std::string& key) const {
  if (!Flush().ok()) return "";
  auto r =
      conn_->QueryPrepared("get_meta", "SELECT value FROM meta WHERE key = $1", {key});
  return r.ok() && r->rows() == 1 ? r->Text(0, 0) : "";
}

Status PgStore::SetMeta(const std::string& key, const std::string& value) {
  Status s = Flush();
  if (!s.ok()) return s;
  auto r = conn_->Query(
      "INSERT INTO meta (key, value) VALUES ($1, $2) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      {key, value});
  return r.ok() ? Status::Ok() : r.status();
}

int64_t PgStore::Count(const std::string& table) const {
  if (!Flush().ok()) return 0;
  auto r = conn_->Query("SELECT count(*) FROM " + table);
  return r.ok() ? r->Int(0, 0) : 0;
}

Result<std::string> PgStore::Dump() const {
  Status s = Flush();
  if (!s.ok()) return s;
  auto tables = conn_->Query(
      "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
      "AND tablename <> 'schema_version' ORDER BY tablename COLLATE \"C\"");
  if (!tables.ok()) return tables.status();
  std::string out;
  for (int t = 0; t < tables->rows(); ++t) {
    const std::string name = tables->Text(t, 0);
    auto rows = conn_->Query("SELECT * FROM " + name + " ORDER BY 1, 2");
    if (!rows.ok()) return rows.status();
    out += "#" + name + "\n";
    for (int r = 0; r < rows->rows(); ++r) {
      for (int c = 0; c < rows->columns(); ++c) out += rows->Text(r, c) + "|";
      out += "\n";
    }
  }
  return out;
}

Status PgStore::AddToken(const StoredToken& token) {
  Status s = Flush();
  if (!s.ok()) return s;
  auto r = conn_->Query(
      "INSERT INTO api_token (hash, role, name, created, expires) VALUES ($1, $2, $3, "
      "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), $4)",
      {token.hash, token.role, token.name, token.expires});
  return r.ok() ? Status::Ok() : r.status();
}

Result<std::vector<StoredToken>> PgStore::LoadTokens() const {
  Status s = Flush();
  if (!s.ok()) return s;
  auto r = conn_->Query(
      "SELECT hash, role, name, created, expires FROM api_token ORDER BY id");
  if (!r.ok()) return r.status();
  std::vector<StoredToken> out;
  for (int i = 0; i < r->rows(); ++i) {
    out.push_back(
        {r->Text(i, 0), r->Text(i, 1), r->Text(i, 2), r->Text(i, 3), r->Text(i, 4)});
  }
  return out;
}

Result<int64_t> PgStore::DeleteToken(const std::string& hash) {
  Status s = Flush();
  if (!s.ok()) return s;
  auto r = conn_->Query("DELETE FROM api_token WHERE hash = $1 RETURNING 1", {hash});
  if (!r.ok()) return r.status();
  return static_cast<int64_t>(r->rows());
}

Status PgStore::PutFindings(const std::vector<Finding>& findings) {
  Status s = Flush();
  if (!s.ok() || findings.empty()) return s;
  // One COPY into a private table, then one upsert: a later finding of a key given
  // twice wins, as with one statement per finding.
  std::string key;
  auto key_of = [&key](const Finding& f) -> const std::string& {
    key.clear();
    for (const std::string* part : {&f.assignment, &f.declaration, &f.rule, &f.code}) {
      AppendCopyText(*part, &key);
      key += '\t';
    }
    key += std::to_string(DayNumber(f.start));
    return key;
  };
  std::unordered_map<std::string, size_t> last;
  last.reserve(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) last[key_of(findings[i])] = i;
  const bool own = !in_transaction_;
  if (own) s = conn_->Exec("BEGIN");
  if (s.ok()) {
    s = conn_->Exec(
        "CREATE TEMP TABLE IF NOT EXISTS finding_in (LIKE finding INCLUDING DEFAULTS); "
        "TRUNCATE finding_in");
  }
  if (s.ok()) {
    s = conn_->CopyStart(
        "COPY finding_in (assignment, start_day, declaration, rule, code, status, "
        "field, message) FROM STDIN");
  }
  if (s.ok()) {
    std::string data;
    constexpr size_t kPart = 1 << 20;  // bytes per PQputCopyData
    data.reserve(kPart + 4096);
    for (size_t i = 0; i < findings.size() && s.ok(); ++i) {
      const Finding& f = findings[i];
      // A later finding of the same key is put instead.
      if (last.size() != findings.size() && last[key_of(f)] != i) continue;
      AppendCopyText(f.assignment, &data);
      data += '\t';
      data += std::to_string(DayNumber(f.start));
      for (std::string_view text :
           {std::string_view(f.declaration), std::string_view(f.rule),
            std::string_view(f.code), FindingStatusName(f.status),
            std::string_view(f.field), std::string_view(f.message)}) {
        data += '\t';
        AppendCopyText(text, &data);
      }
      data += '\n';
      if (data.size() >= kPart) {
        s = conn_->CopySend(data);
        data.clear();
      }
    }
    if (s.ok() && !data.empty()) s = conn_->CopySend(data);
    Status end = conn_->CopyEnd(s.ok() ? nullptr : "jeugdregio: verzenden mislukt");
    if (s.ok()) s = end;
  }
  if (s.ok()) {
    s = conn_->Exec(
        "INSERT INTO finding (assignment, start_day, declaration, rule, code, status, "
        "field, message) SELECT assignment, start_day, declaration, rule, code, status, "
        "field, message FROM finding_in "
        "ON CONFLICT (assignment, start_day, declaration, rule, code) DO UPDATE SET "
        "status = excluded.status, field = excluded.field, message = excluded.message; "
        "TRUNCATE finding_in");
  }
  if (own) {
    if (s.ok()) {
      s = conn_->Exec("COMMIT");
    } else {
      (void)conn_->Exec("ROLLBACK");
    }
  }
  return s;
}

Result<std::vector<Finding>> PgStore::LoadFindings() const {
  Status s = Flush();
  if (!s.ok()) return s;
  auto r = conn_->Query(
      "SELECT assignment, start_day, declaration, rule, code, status, field, message "
      "FROM finding ORDER BY assignment, start_day, declaration, rule, code");
  if (!r.ok()) return r.status();
  std::vector<Finding> out;
  for (int i = 0; i < r->rows(); ++i) {
    out.push_back(
        {r->Text(i, 0), FromDayNumber(static_cast<int>(r->Int(i, 1))), r->Text(i, 2),
         r->Text(i, 3), r->Text(i, 4),
         FindingStatusFromName(r->TextView(i, 5)).value_or(FindingStatus::kSignal),
         r->Text(i, 6), r->Text(i, 7)});
  }
  return out;
}

Status PgStore::ClearFindings() {
  Status s = Flush();
  if (!s.ok()) return s;
  return conn_->Exec("DELETE FROM finding");
}

Status PgStore::ReplaceFindings(int first_year, int last_year,
                                const std::vector<Finding>& findings) {
  Status s = Flush();
  if (!s.ok()) return s;
  // Years outside the calendar's range mean "all", as on SQLite.
  int64_t from = first_year <= 1 ? std::numeric_limits<int64_t>::min()
                                 : DayNumber(std::chrono::year(first_year) /
                                             std::chrono::January / std::chrono::day(1));
  int64_t to = last_year >= 9999 ? std::numeric_limits<int64_t>::max()
                                 : DayNumber(std::chrono::year(last_year + 1) /
                                             std::chrono::January / std::chrono::day(1));
  // bigint bounds: "all" is beyond the integer range of start_day.
  auto r = conn_->Query(
      "DELETE FROM finding WHERE start_day >= $1::bigint AND start_day < $2::bigint",
      {std::to_string(from), std::to_string(to)});
  if (!r.ok()) return r.status();
  return PutFindings(findings);
}

}  // namespace jr
