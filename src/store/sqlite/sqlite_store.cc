#include "store/sqlite/sqlite_store.h"

#include <fmt/format.h>

#include <limits>

#include "core/env.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/statement.h"

namespace jr {
namespace {

// PRAGMA application_id of a jeugdregio database ("JRDB").
constexpr int kApplicationId = 0x4A524442;

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const StoreOptions& options) {
  Env& env = Env::Default();
  bool exists = env.FileExists(path);
  if (!exists && !options.create) return Status::Error("database bestaat niet", {path});
  if (!exists) {
    // Create the file ourselves so it is private (0600) from the first byte; SQLite
    // gives its WAL and shared-memory files the same mode.
    if (!env.CreatePrivateFileExclusive(path, "").ok()) {
      return Status::Error("database kan niet worden aangemaakt", {path});
    }
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "onbekende fout";
    sqlite3_close(db);
    return Status::Error(fmt::format("database kan niet worden geopend: {}", msg),
                         {path});
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore(db, path));
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  Status s = store->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
      "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
  if (!s.ok()) {
    return Status::Error(fmt::format("geen geldige database: {}", s.message()), {path});
  }
  s = store->Migrate();
  if (!s.ok()) return s;
  return store;
}

SqliteStore::~SqliteStore() {
  tables_.clear();  // finalize the prepared statements before closing
  sqlite3_close(db_);
}

Status SqliteStore::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "onbekende fout";
    sqlite3_free(err);
    return Status::Error(fmt::format("databasefout: {}", msg), {path_});
  }
  return Status::Ok();
}

Status SqliteStore::Begin() {
  Status s = Exec("BEGIN IMMEDIATE");
  if (!s.ok() && sqlite3_errcode(db_) == SQLITE_BUSY) {
    return Status::Error(
        "database is bezet: een ander proces schrijft erin; probeer het later opnieuw",
        {path_});
  }
  return s;
}

Status SqliteStore::Commit() { return Exec("COMMIT"); }

void SqliteStore::Rollback() { (void)Exec("ROLLBACK"); }

int SqliteStore::SchemaVersion() const {
  Statement s(db_, "PRAGMA user_version");
  return s.Step() ? static_cast<int>(s.Int(0)) : 0;
}

int SqliteStore::LatestSchemaVersion() {
  return static_cast<int>(SchemaMigrations().size());
}

Status SqliteStore::Migrate() {
  Statement app(db_, "PRAGMA application_id");
  int64_t id = app.Step() ? app.Int(0) : 0;
  int version = SchemaVersion();
  Statement tables(db_, "SELECT count(*) FROM sqlite_master");
  int64_t n_tables = tables.Step() ? tables.Int(0) : 0;
  if (id != kApplicationId && (n_tables > 0 || version > 0)) {
    return Status::Error("dit bestand is geen jeugdregio-database", {path_});
  }
  if (version > LatestSchemaVersion()) {
    return Status::Error(
        fmt::format(
            "database heeft schemaversie {}, deze versie van jeugdregio kent tot {}",
            version, LatestSchemaVersion()),
        {path_});
  }
  const auto& migrations = SchemaMigrations();
  for (int v = version; v < LatestSchemaVersion(); ++v) {
    auto tx = Transaction::Begin(*this);
    Status s = tx.ok() ? Exec(migrations[v]) : tx.status();
    if (s.ok()) {
      s = Exec(fmt::format("PRAGMA application_id={}; PRAGMA user_version={};",
                           kApplicationId, v + 1)
                   .c_str());
    }
    if (s.ok()) s = tx.value().Commit();
    if (!s.ok()) {
      return Status::Error(
          fmt::format("migratie naar schemaversie {} mislukt: {}", v + 1, s.message()),
          {path_});
    }
  }
  return Status::Ok();
}

std::string SqliteStore::GetMeta(const std::string& key) const {
  Statement s(db_, "SELECT value FROM meta WHERE key = ?");
  s.Bind(1, key);
  return s.Step() ? s.Text(0) : "";
}

Status SqliteStore::SetMeta(const std::string& key, const std::string& value) {
  Statement s(db_,
              "INSERT INTO meta(key, value) VALUES(?, ?) "
              "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  s.Bind(1, key).Bind(2, value);
  return s.Run();
}

int64_t SqliteStore::Count(const std::string& table) const {
  Statement s(db_, "SELECT count(*) FROM " + table);
  return s.Step() ? s.Int(0) : 0;
}

Result<std::string> SqliteStore::Dump() const {
  std::string out;
  Statement tables(db_,
                   "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name");
  while (tables.Step()) {
    std::string name = tables.Text(0);
    Statement rows(db_, "SELECT * FROM " + name + " ORDER BY 1, 2");
    out += "#" + name + "\n";
    while (rows.Step()) {
      for (int c = 0; c < rows.ColumnCount(); ++c) out += rows.Text(c) + "|";
      out += "\n";
    }
    if (!rows.status().ok()) return rows.status();
  }
  if (!tables.status().ok()) return tables.status();
  return out;
}

Status SqliteStore::AddToken(const StoredToken& token) {
  Statement insert(db_,
                   "INSERT INTO api_token (hash, role, name, created) "
                   "VALUES (?, ?, ?, datetime('now'))");
  insert.Bind(1, token.hash).Bind(2, token.role).Bind(3, token.name);
  return insert.Run();
}

Result<std::vector<StoredToken>> SqliteStore::LoadTokens() const {
  Statement q(db_, "SELECT hash, role, name, created FROM api_token ORDER BY rowid");
  std::vector<StoredToken> out;
  while (q.Step()) out.push_back({q.Text(0), q.Text(1), q.Text(2), q.Text(3)});
  if (!q.status().ok()) return q.status();
  return out;
}

Status SqliteStore::PutFindings(const std::vector<Finding>& findings) {
  Statement insert(db_,
                   "INSERT OR REPLACE INTO finding (assignment, start_day, declaration, "
                   "rule, code, status, field, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const Finding& f : findings) {
    insert.Bind(1, f.assignment)
        .Bind(2, DayNumber(f.start))
        .Bind(3, f.declaration)
        .Bind(4, f.rule)
        .Bind(5, f.code)
        .Bind(6, FindingStatusName(f.status))
        .Bind(7, f.field)
        .Bind(8, f.message);
    Status s = insert.Run();
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Result<std::vector<Finding>> SqliteStore::LoadFindings() const {
  Statement q(
      db_,
      "SELECT assignment, start_day, declaration, rule, code, status, field, message "
      "FROM finding ORDER BY assignment, start_day, declaration, rule, code");
  std::vector<Finding> out;
  while (q.Step()) {
    out.push_back({q.Text(0), FromDayNumber(static_cast<int>(q.Int(1))), q.Text(2),
                   q.Text(3), q.Text(4),
                   FindingStatusFromName(q.TextView(5)).value_or(FindingStatus::kSignal),
                   q.Text(6), q.Text(7)});
  }
  if (!q.status().ok()) return q.status();
  return out;
}

Status SqliteStore::ClearFindings() { return Exec("DELETE FROM finding"); }

Status SqliteStore::ReplaceFindings(int first_year, int last_year,
                                    const std::vector<Finding>& findings) {
  // Years outside the calendar's range mean "all".
  int from = first_year <= 1 ? std::numeric_limits<int>::min()
                             : DayNumber(std::chrono::year(first_year) /
                                         std::chrono::January / std::chrono::day(1));
  int to = last_year >= 9999 ? std::numeric_limits<int>::max()
                             : DayNumber(std::chrono::year(last_year + 1) /
                                         std::chrono::January / std::chrono::day(1));
  Statement del(db_, "DELETE FROM finding WHERE start_day >= ? AND start_day < ?");
  del.Bind(1, from).Bind(2, to);
  if (Status s = del.Run(); !s.ok()) return s;
  return PutFindings(findings);
}

}  // namespace jr
