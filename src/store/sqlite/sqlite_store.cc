#include "store/sqlite/sqlite_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <vector>

#include "core/env.h"
#include "core/huge_pages.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/statement.h"

namespace jr {
namespace {

// PRAGMA application_id of a jeugdregio database ("JRDB").
constexpr int kApplicationId = 0x4A524442;
// The page size of a new database and the page cache's size (PRAGMA page_size and
// cache_size), and the huge-page buffer's slots that hold that cache.
constexpr int kPageBytes = 16384;
constexpr int kCacheKiB = 65536;
// The huge-page buffer of the page cache (see Open): room for twice the database as
// it is (with its WAL) and this much more, at most the whole cache.
constexpr size_t kBufferSpareBytes = size_t{16} << 20;

// The bytes of the page cache's buffer for the database at `path`.
size_t PageCacheBufferBytes(const std::string& path) {
  std::error_code ec;
  uintmax_t db = std::filesystem::file_size(path, ec);
  if (ec) db = 0;
  uintmax_t wal = std::filesystem::file_size(path + "-wal", ec);
  if (ec) wal = 0;
  const uintmax_t want = 2 * (db + wal) + kBufferSpareBytes;
  return static_cast<size_t>(std::min<uintmax_t>(want, size_t{kCacheKiB} * 1024));
}

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
  // No memory statistics: they take a global mutex on every allocation (a bulk import
  // allocates per bound value). Only possible before SQLite's first use; later calls
  // fail harmlessly.
  [[maybe_unused]] static const int kNoMemStatus =
      sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  // The page cache in huge pages (core/huge_pages.h), mapped once; past it SQLite
  // allocates as before. A page fault per 16 KiB page written or read was a tenth of a
  // large import's time (BENCHMARKS.md "Huge pages"). SQLite links every slot into its
  // free list at its start, so the whole buffer is resident from then on: it has room
  // for the cache_size below (kCacheKiB) only where the database can fill it, else for
  // twice the database (and its WAL) as the process's first Open finds it, plus
  // kBufferSpareBytes (a 64 MiB buffer cost a command on a small database 0.01-0.02 s
  // of system time; BENCHMARKS.md "Prefetched look-ups"). Refused after SQLite's first
  // use: then the buffer is given back.
  [[maybe_unused]] static const int kHugePageCache = [&path] {
    int header = 0;
    if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK) return 1;
    const int slot = (kPageBytes + header + 7) / 8 * 8;
    const int slots = static_cast<int>(PageCacheBufferBytes(path) / kPageBytes);
    const size_t bytes = static_cast<size_t>(slot) * slots;
    void* buffer = MapHugePages(bytes);
    const int rc = sqlite3_config(SQLITE_CONFIG_PAGECACHE, buffer, slot, slots);
    if (rc != SQLITE_OK) UnmapHugePages(buffer, bytes);
    return rc;
  }();
  // No mutexes on the connection (SQLite's multi-thread mode): a Store is used by one
  // thread at a time (store.h), and a bulk import takes two mutexes per call.
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "onbekende fout";
    sqlite3_close(db);
    return Status::Error(fmt::format("database kan niet worden geopend: {}", msg),
                         {path});
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore(db, path));
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  // 16 KiB pages (SQLite's default is 4 KiB): a JW323 import puts a declaration row per
  // line in random key order, and fewer, wider pages make that 4% faster, `check` and
  // `settle` too (BENCHMARKS.md "Open-addressing maps, 16 KiB pages"). It takes effect
  // only for a new, empty file, so it comes before
  // journal_mode=WAL writes the header; a database made before keeps its pages.
  Status s = store->Exec(
      fmt::format(
          "PRAGMA page_size={}; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
          "PRAGMA foreign_keys=ON;"
          "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-{};",
          kPageBytes, kCacheKiB)
          .c_str());
  if (!s.ok()) {
    const int code = sqlite3_errcode(db) & 0xff;
    if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
      return Status::Error(
          "geen geldige jeugdregio-database: het bestand is geen SQLite-database of is "
          "beschadigd; zet een reservekopie terug (jeugdregio backup)",
          {path});
    }
    return Status::Error(fmt::format("geen geldige database: {}", s.message()), {path});
  }
  s = store->Migrate();
  if (!s.ok()) return s;
  s = store->CheckSchema();
  if (!s.ok()) return s;
  return store;
}

namespace {

// Table name -> its columns ("name type notnull pk;" each) of the database `db`.
std::map<std::string, std::string> TableShapes(sqlite3* db) {
  std::map<std::string, std::string> out;
  Statement tables(db,
                   "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                   "LIKE 'sqlite_%' ORDER BY name");
  std::vector<std::string> names;
  while (tables.Step()) names.push_back(tables.Text(0));
  for (const std::string& name : names) {
    Statement cols(db, "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)");
    cols.Bind(1, name);
    std::string shape;
    while (cols.Step()) {
      shape += fmt::format("{} {} {} {};", cols.Text(0), cols.Text(1), cols.Int(2),
                           cols.Int(3));
    }
    out[name] = shape;
  }
  return out;
}

// The shapes the migrations make (computed once, on an in-memory database).
const std::map<std::string, std::string>& ExpectedShapes() {
  static const std::map<std::string, std::string> shapes = [] {
    sqlite3* mem = nullptr;
    sqlite3_open(":memory:", &mem);
    for (const char* m : SchemaMigrations())
      sqlite3_exec(mem, m, nullptr, nullptr, nullptr);
    auto s = TableShapes(mem);
    sqlite3_close(mem);
    return s;
  }();
  return shapes;
}

}  // namespace

Status SqliteStore::CheckSchema() {
  const auto actual = TableShapes(db_);
  for (const auto& [table, shape] : ExpectedShapes()) {
    auto it = actual.find(table);
    if (it == actual.end()) {
      return Status::Error(
          fmt::format("de database is beschadigd: tabel '{}' ontbreekt; zet een "
                      "reservekopie terug (jeugdregio backup)",
                      table),
          {path_});
    }
    if (it->second != shape) {
      return Status::Error(
          fmt::format("de database is beschadigd: tabel '{}' heeft andere kolommen dan "
                      "schemaversie {}; zet een reservekopie terug (jeugdregio backup)",
                      table, LatestSchemaVersion()),
          {path_});
    }
  }
  return Status::Ok();
}

SqliteStore::~SqliteStore() {
  // Finalize every prepared statement before closing; sqlite3_close_v2 frees the
  // connection once the last statement is gone even if a member added later is missed.
  // Lines put outside a transaction are written now (in one, they went with its
  // commit or rollback).
  if (chunks_ && sqlite3_get_autocommit(db_)) (void)chunks_->Flush();
  chunks_.reset();
  tables_.clear();
  sqlite3_close_v2(db_);
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
  Status s = FlushIjwLines();  // lines put before, outside a transaction
  if (s.ok()) s = Exec("BEGIN IMMEDIATE");
  if (!s.ok() && sqlite3_errcode(db_) == SQLITE_BUSY) {
    return Status::Error(
        "database is bezet: een ander proces schrijft erin; probeer het later opnieuw",
        {path_});
  }
  return s;
}

Status SqliteStore::Commit() {
  Status s = FlushIjwLines();
  return s.ok() ? Exec("COMMIT") : s;
}

void SqliteStore::Rollback() {
  if (chunks_) chunks_->Discard();
  (void)Exec("ROLLBACK");
}

int SqliteStore::SchemaVersion() const {
  Statement s(db_, "PRAGMA user_version");
  return s.Step() ? static_cast<int>(s.Int(0)) : 0;
}

int SqliteStore::LatestSchemaVersion() {
  return static_cast<int>(SchemaMigrations().size());
}

Status SqliteStore::Migrate() {
  // The statements end before the migrations: an open read of sqlite_master would
  // lock the schema against a DROP TABLE (migration 7).
  int64_t id = 0, n_tables = 0;
  {
    Statement app(db_, "PRAGMA application_id");
    id = app.Step() ? app.Int(0) : 0;
    Statement tables(db_, "SELECT count(*) FROM sqlite_master");
    n_tables = tables.Step() ? tables.Int(0) : 0;
  }
  int version = SchemaVersion();
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
    Status s = tx.ok() ? Status::Ok() : tx.status();
    // 9 packs the JW323 lines: version 8's table is kept aside until they are copied.
    const bool pack_lines = v + 1 == 9;
    if (s.ok() && pack_lines) s = Exec("ALTER TABLE ijw_line RENAME TO ijw_line_v8");
    if (s.ok()) s = Exec(migrations[v]);
    if (s.ok() && pack_lines) s = CopyVersion8Lines();
    if (s.ok() && pack_lines) s = Exec("DROP TABLE ijw_line_v8");
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
  if (!FlushIjwLines().ok()) return -1;
  Statement s(db_, "SELECT count(*) FROM " + table);
  return s.Step() ? s.Int(0) : 0;
}

Result<std::string> SqliteStore::Dump() const {
  if (Status s = FlushIjwLines(); !s.ok()) return s;
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
                   "INSERT INTO api_token (hash, role, name, created, expires) "
                   "VALUES (?, ?, ?, datetime('now'), ?)");
  insert.Bind(1, token.hash)
      .Bind(2, token.role)
      .Bind(3, token.name)
      .Bind(4, token.expires);
  return insert.Run();
}

Result<int64_t> SqliteStore::DeleteToken(const std::string& hash) {
  Statement del(db_, "DELETE FROM api_token WHERE hash = ?");
  del.Bind(1, hash);
  Status s = del.Run();
  if (!s.ok()) return s;
  return static_cast<int64_t>(sqlite3_changes(db_));
}

Status SqliteStore::BackupTo(const std::string& out_path) const {
  if (Status s = FlushIjwLines(); !s.ok()) return s;
  Env& env = Env::Default();
  // A private empty file beside the target, filled by SQLite, then renamed into place.
  auto temp = env.NewPrivateTempFile(out_path);
  if (!temp.ok()) return temp.status();
  sqlite3* out = nullptr;
  auto fail = [&](const std::string& why) {
    if (out != nullptr) sqlite3_close(out);
    (void)env.RemoveFile(*temp);
    return Status::Error(fmt::format("reservekopie mislukt: {}", why), {out_path});
  };
  if (sqlite3_open_v2(temp->c_str(), &out, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    return fail(out ? sqlite3_errmsg(out) : "kan het bestand niet openen");
  }
  sqlite3_backup* backup = sqlite3_backup_init(out, "main", db_, "main");
  if (backup == nullptr) return fail(sqlite3_errmsg(out));
  // All pages in one step: a consistent snapshot (the source is read in one
  // transaction; writers in WAL mode go on meanwhile).
  int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return fail(sqlite3_errstr(rc));
  // The copy is a single file: no WAL beside it.
  char* err = nullptr;
  if (sqlite3_exec(out, "PRAGMA journal_mode=DELETE;", nullptr, nullptr, &err) !=
      SQLITE_OK) {
    std::string why = err ? err : "onbekende fout";
    sqlite3_free(err);
    return fail(why);
  }
  if (sqlite3_close(out) != SQLITE_OK) {
    return fail("kan het bestand niet sluiten");
  }
  out = nullptr;
  return env.CommitTempFile(*temp, out_path);
}

Result<std::vector<StoredToken>> SqliteStore::LoadTokens() const {
  Statement q(db_,
              "SELECT hash, role, name, created, expires FROM api_token ORDER BY rowid");
  std::vector<StoredToken> out;
  while (q.Step()) {
    out.push_back({q.Text(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4)});
  }
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
