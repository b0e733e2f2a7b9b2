// Tests of what is particular to the SQLite store: the file, its mode and pragmas.
#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/sqlite/ijw_chunks.h"
#include "store/sqlite/statement.h"

namespace jr {
namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("jr_sqlite_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const char* name) { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

TEST_F(SqliteStoreTest, MigratesAnEmptyFileAndIsPrivate) {
  auto store = SqliteStore::Open(Path("a.db"), {});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(store.value()->SchemaVersion(), SqliteStore::LatestSchemaVersion());
  // 4: iJw, 5: token expiry, 6: toetsingen, 7: finding's status check, 8: no index
  // of ijw_line by reference, 9: JW323 lines packed.
  EXPECT_EQ(SqliteStore::LatestSchemaVersion(), 9);
  EXPECT_EQ(store.value()->Count("assignment"), 0);
  EXPECT_EQ(store.value()->Count("finding"), 0);
  EXPECT_EQ(store.value()->Count("ijw_line_chunk"), 0);
  struct stat st;
  ASSERT_EQ(::stat(Path("a.db").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  Statement fk(store.value()->handle(), "PRAGMA foreign_keys");
  ASSERT_TRUE(fk.Step());
  EXPECT_EQ(fk.Int(0), 1);
  Statement wal(store.value()->handle(), "PRAGMA journal_mode");
  ASSERT_TRUE(wal.Step());
  EXPECT_EQ(wal.Text(0), "wal");
}

TEST_F(SqliteStoreTest, ReopeningKeepsVersionAndData) {
  {
    auto store = Store::Open(Path("b.db"));
    ASSERT_TRUE(store.ok());
    Municipality m{"GM0505", "Dordrecht", "", FromDayNumber(0)};
    ASSERT_TRUE(store.value()->Put(m, PutMode::kRefuseChanged).ok());
  }
  auto again = Store::Open(Path("b.db"), /*create=*/false);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value()->SchemaVersion(), SqliteStore::LatestSchemaVersion());
  auto region = again.value()->LoadRegion();
  ASSERT_TRUE(region.ok());
  ASSERT_EQ(region->municipalities().size(), 1u);
  EXPECT_EQ(region->municipalities()[0].name, "Dordrecht");
}

IjwLine Line(const std::string& message, int64_t line) {
  IjwLine l;
  l.message = message;
  l.line = line;
  l.reference = "R" + std::to_string(line);
  l.previous_reference = line % 7 == 0 ? "V" + std::to_string(line) : "";
  l.client = "P" + std::to_string(line / 3);  // three lines per client
  l.assignment = "T" + std::to_string(line / 3);
  l.category = "45";
  l.product_code = line % 5 == 0 ? "45A11" : "45A10";
  l.start = FromDayNumber(19723 + static_cast<int>(line % 400));
  l.end = FromDayNumber(19723 + static_cast<int>(line % 400) + 28);
  l.volume.hundredths = 400 + line;
  l.unit = line % 2 ? Unit::kHour : Unit::kDay;
  if (line % 3) l.tariff = Money::FromCents(1000 + line);
  l.amount = Money::FromCents(line % 11 == 0 ? -4000 : 4000 * line);
  l.stored = line % 13 != 0;
  return l;
}

void ExpectSameLine(const IjwLine& a, const IjwLine& b) {
  EXPECT_EQ(a.message, b.message);
  EXPECT_EQ(a.line, b.line);
  EXPECT_EQ(a.reference, b.reference);
  EXPECT_EQ(a.previous_reference, b.previous_reference);
  EXPECT_EQ(a.client, b.client);
  EXPECT_EQ(a.assignment, b.assignment);
  EXPECT_EQ(a.category, b.category);
  EXPECT_EQ(a.product_code, b.product_code);
  EXPECT_EQ(DayNumber(a.start), DayNumber(b.start));
  EXPECT_EQ(DayNumber(a.end), DayNumber(b.end));
  EXPECT_EQ(a.volume.hundredths, b.volume.hundredths);
  EXPECT_EQ(a.unit, b.unit);
  EXPECT_EQ(a.tariff, b.tariff);
  EXPECT_EQ(a.amount, b.amount);
  EXPECT_EQ(a.stored, b.stored);
}

// Migration 9 packs the lines of a version-8 database (a row per line in ijw_line)
// into chunks and drops ijw_line; every line loads as it was.
TEST_F(SqliteStoreTest, MigrationNinePacksTheLinesOfVersionEight) {
  std::vector<IjwLine> lines;
  for (int64_t i = 1; i <= 1203; ++i) lines.push_back(Line("JW323/12345678/D1", i));
  lines.push_back(Line("JW323/12345678/D2", 4));
  {
    auto store = SqliteStore::Open(Path("v8.db"), {});
    ASSERT_TRUE(store.ok());
    // Back to version 8: its ijw_line as migration 4 made it, filled row by row.
    sqlite3* db = store.value()->handle();
    ASSERT_EQ(
        sqlite3_exec(db,
                     "DROP TABLE ijw_line_chunk; CREATE TABLE ijw_line (message "
                     "TEXT NOT NULL, line INTEGER NOT NULL, reference TEXT NOT "
                     "NULL, previous_reference TEXT NOT NULL DEFAULT '', client "
                     "TEXT NOT NULL, assignment TEXT NOT NULL, category TEXT NOT "
                     "NULL, product_code TEXT NOT NULL, start_day INTEGER NOT "
                     "NULL, end_day INTEGER NOT NULL, volume_x100 INTEGER NOT NULL, "
                     "unit INTEGER NOT NULL, tariff_cents INTEGER, amount_cents "
                     "INTEGER NOT NULL, stored INTEGER NOT NULL, PRIMARY KEY "
                     "(message, line)) WITHOUT ROWID; PRAGMA user_version=8;",
                     nullptr, nullptr, nullptr),
        SQLITE_OK);
    Statement insert(db, "INSERT INTO ijw_line VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const IjwLine& l : lines) {
      insert.Bind(1, l.message).Bind(2, l.line).Bind(3, l.reference);
      insert.Bind(4, l.previous_reference).Bind(5, l.client).Bind(6, l.assignment);
      insert.Bind(7, l.category).Bind(8, l.product_code).Bind(9, DayNumber(l.start));
      insert.Bind(10, DayNumber(l.end)).Bind(11, l.volume.hundredths);
      insert.Bind(12, static_cast<int>(l.unit));
      if (l.tariff) {
        insert.Bind(13, l.tariff->cents());
      } else {
        insert.BindNull(13);
      }
      insert.Bind(14, l.amount.cents()).Bind(15, l.stored ? 1 : 0);
      ASSERT_TRUE(insert.Run().ok());
    }
  }
  auto again = SqliteStore::Open(Path("v8.db"), {});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again.value()->SchemaVersion(), 9);
  Statement gone(again.value()->handle(),
                 "SELECT count(*) FROM sqlite_master WHERE name LIKE 'ijw_line%' AND "
                 "name != 'ijw_line_chunk'");
  ASSERT_TRUE(gone.Step());
  EXPECT_EQ(gone.Int(0), 0);
  // D1: lines 1-1000, 1001-1203; D2: 1-1000.
  EXPECT_EQ(again.value()->Count("ijw_line_chunk"), 3);
  auto loaded = again.value()->LoadIjwLines();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->size(), lines.size());
  for (size_t i = 0; i < lines.size(); ++i) ExpectSameLine((*loaded)[i], lines[i]);
}

// The packed lines behave as a row per line: puts in any order, across chunks and
// messages, unchanged on the same content, a conflict naming the field, replaced with
// --replace; a rollback forgets the open chunk.
TEST_F(SqliteStoreTest, PackedLinesBehaveAsARowPerLine) {
  auto opened = SqliteStore::Open(Path("p.db"), {});
  ASSERT_TRUE(opened.ok());
  SqliteStore& store = *opened.value();
  std::vector<IjwLine> want;
  {
    auto tx = Transaction::Begin(store);
    ASSERT_TRUE(tx.ok());
    // Lines 2500 down to 1 of A (out of order), then 3 lines of B, then 1 of A again.
    for (int64_t i = 2500; i >= 2; --i) {
      auto put = store.Put(Line("A", i), PutMode::kRefuseChanged);
      ASSERT_TRUE(put.ok());
      EXPECT_EQ(put->kind, PutOutcome::kAdded);
    }
    for (int64_t i : {5, 1, 3})
      ASSERT_EQ(store.Put(Line("B", i), PutMode::kRefuseChanged)->kind,
                PutOutcome::kAdded);
    ASSERT_EQ(store.Put(Line("A", 1), PutMode::kRefuseChanged)->kind, PutOutcome::kAdded);
    ASSERT_TRUE(tx.value().Commit().ok());
  }
  for (int64_t i = 1; i <= 2500; ++i) want.push_back(Line("A", i));
  for (int64_t i : {1, 3, 5}) want.push_back(Line("B", i));
  auto loaded = store.LoadIjwLines();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) ExpectSameLine((*loaded)[i], want[i]);
  EXPECT_EQ(store.Count("ijw_line_chunk"), 4);  // A: 3 chunks, B: 1

  // The same content again: unchanged; other content: a conflict, then replaced.
  EXPECT_EQ(store.Put(Line("A", 1001), PutMode::kRefuseChanged)->kind,
            PutOutcome::kUnchanged);
  IjwLine other = Line("A", 1001);
  other.amount = Money::FromCents(1);
  auto conflict = store.Put(other, PutMode::kRefuseChanged);
  ASSERT_TRUE(conflict.ok());
  EXPECT_EQ(conflict->kind, PutOutcome::kConflict);
  EXPECT_EQ(conflict->field, "amount");
  EXPECT_EQ(conflict->stored, "-4000");  // 1001 = 7 x 11 x 13: a credit line
  EXPECT_EQ(conflict->given, "1");
  {
    auto tx = Transaction::Begin(store);
    ASSERT_TRUE(tx.ok());
    EXPECT_EQ(store.Put(other, PutMode::kReplace)->kind, PutOutcome::kReplaced);
    ASSERT_TRUE(tx.value().Commit().ok());
  }
  // Uncommitted: gone with the rollback, as the line put into it.
  {
    auto tx = Transaction::Begin(store);
    ASSERT_TRUE(tx.ok());
    IjwLine third = Line("A", 1002);
    third.reference = "X";
    EXPECT_EQ(store.Put(third, PutMode::kReplace)->kind, PutOutcome::kReplaced);
    EXPECT_EQ(store.Put(Line("C", 1), PutMode::kReplace)->kind, PutOutcome::kAdded);
  }
  loaded = store.LoadIjwLines();
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), want.size());
  want[1000].amount = Money::FromCents(1);
  for (size_t i = 0; i < want.size(); ++i) ExpectSameLine((*loaded)[i], want[i]);
  EXPECT_FALSE(store.Put(Line("A", 0), PutMode::kRefuseChanged).ok());
}

// A damaged chunk is a Dutch error naming the message, not garbage or an abort.
TEST_F(SqliteStoreTest, ADamagedChunkIsAnError) {
  std::vector<IjwLine> lines;
  for (int64_t i = 1; i <= 20; ++i) lines.push_back(Line("A", i));
  const std::string blob = EncodeIjwLines(lines, lines.size(), 1);
  std::vector<IjwLine> out;
  ASSERT_TRUE(DecodeIjwLines(blob, "A", 1, &out).ok());
  ASSERT_EQ(out.size(), lines.size());
  for (size_t i = 0; i < lines.size(); ++i) ExpectSameLine(out[i], lines[i]);
  // Every cut short, and other first bytes, fail (or are read as fewer whole lines).
  for (size_t n = 0; n < blob.size(); ++n) {
    out.clear();
    Status s = DecodeIjwLines(blob.substr(0, n), "A", 1, &out);
    if (s.ok()) {
      EXPECT_LT(out.size(), lines.size()) << n;
    } else {
      EXPECT_NE(s.message().find("beschadigd"), std::string::npos);
      EXPECT_NE(s.message().find("bericht A"), std::string::npos);
    }
  }
  out.clear();
  EXPECT_FALSE(
      DecodeIjwLines(std::string(1, '\x07') + blob.substr(1), "A", 1, &out).ok());
  out.clear();
  EXPECT_FALSE(DecodeIjwLines(blob + "\xff", "A", 1, &out).ok());
  // Lines past the chunk of `first`: damaged.
  std::vector<IjwLine> far = {Line("A", 1), Line("A", 1001)};
  out.clear();
  EXPECT_FALSE(DecodeIjwLines(EncodeIjwLines(far, 2, 1), "A", 1, &out).ok());

  auto store = SqliteStore::Open(Path("dmg.db"), {});
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store.value()->Put(lines[0], PutMode::kRefuseChanged).ok());
  ASSERT_EQ(store.value()->Count("ijw_line_chunk"), 1);
  ASSERT_EQ(
      sqlite3_exec(store.value()->handle(), "UPDATE ijw_line_chunk SET data = x'0105'",
                   nullptr, nullptr, nullptr),
      SQLITE_OK);
  auto loaded = store.value()->LoadIjwLines();
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().ToString().find("dmg.db"), std::string::npos);
  EXPECT_NE(loaded.status().message().find("beschadigd"), std::string::npos);
}

TEST_F(SqliteStoreTest, RefusesForeignFilesAndMissingFiles) {
  { std::ofstream(Path("x.db")) << "dit is geen database"; }
  auto bad = Store::Open(Path("x.db"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().ToString().find("x.db"), std::string::npos);
  auto missing = Store::Open(Path("missing.db"), /*create=*/false);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("bestaat niet"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(Path("missing.db")));
}

// Issue 18, item 12: a damaged database is a clear Dutch error, never an abort.
TEST_F(SqliteStoreTest, DamagedDatabasesAreDutchErrors) {
  {
    auto store = Store::Open(Path("d.db"));
    ASSERT_TRUE(store.ok());
    Municipality m{"GM0505", "Dordrecht", "", FromDayNumber(0)};
    ASSERT_TRUE(store.value()->Put(m, PutMode::kRefuseChanged).ok());
  }
  const auto size = std::filesystem::file_size(Path("d.db"));
  // Garbage of a database's size (SQLite reads it as "not a database").
  { std::ofstream(Path("g.db")) << std::string(size, '\x5a'); }
  auto garbage = Store::Open(Path("g.db"), false);
  ASSERT_FALSE(garbage.ok());
  EXPECT_NE(garbage.status().message().find("geen geldige jeugdregio-database"),
            std::string::npos)
      << garbage.status().ToString();
  // Truncated to its first page or to nothing but a header fragment.
  for (uintmax_t keep : {uintmax_t{4096}, uintmax_t{50}}) {
    std::filesystem::copy_file(Path("d.db"), Path("t.db"),
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::resize_file(Path("t.db"), keep);
    auto truncated = Store::Open(Path("t.db"), false);
    if (truncated.ok()) {
      // Opened: every read is then an error, not an abort.
      auto region = truncated.value()->LoadRegion();
      EXPECT_FALSE(region.ok()) << keep;
    } else {
      EXPECT_NE(truncated.status().message().find("database"), std::string::npos)
          << truncated.status().ToString();
    }
  }
  // A table dropped or altered behind the program's back.
  for (const char* sql :
       {"DROP TABLE declaration", "ALTER TABLE municipality DROP COLUMN name"}) {
    std::filesystem::copy_file(Path("d.db"), Path("x.db"),
                               std::filesystem::copy_options::overwrite_existing);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(Path("x.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
    sqlite3_close(db);
    auto damaged = Store::Open(Path("x.db"), false);
    ASSERT_FALSE(damaged.ok()) << sql;
    EXPECT_NE(damaged.status().message().find("de database is beschadigd: tabel '"),
              std::string::npos)
        << damaged.status().ToString();
  }
}

TEST_F(SqliteStoreTest, AStatementOnAMissingTableIsAnErrorNotAnAbort) {
  auto store = SqliteStore::Open(Path("s.db"), {});
  ASSERT_TRUE(store.ok());
  Statement q(store.value()->handle(), "SELECT * FROM weg");
  EXPECT_FALSE(q.Step());
  EXPECT_NE(q.status().message().find("beschadigd"), std::string::npos);
  EXPECT_FALSE(q.Run().ok());
}

// Issue 18, item 15: the online backup is a private, complete copy.
TEST_F(SqliteStoreTest, BackupIsAPrivateCompleteCopy) {
  auto store = Store::Open(Path("src.db"));
  ASSERT_TRUE(store.ok());
  Municipality m{"GM0505", "Dordrecht", "", FromDayNumber(0)};
  ASSERT_TRUE(store.value()->Put(m, PutMode::kRefuseChanged).ok());
  ASSERT_TRUE(store.value()->SetMeta("dataset", "test").ok());
  Status s = store.value()->BackupTo(Path("copy.db"));
  ASSERT_TRUE(s.ok()) << s.ToString();
  struct stat st;
  ASSERT_EQ(::stat(Path("copy.db").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_FALSE(std::filesystem::exists(Path("copy.db-wal")));
  auto copy = Store::Open(Path("copy.db"), false);
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  EXPECT_EQ(*copy.value()->Dump(), *store.value()->Dump());
  // Into a folder that does not exist: an error naming the file, nothing left behind.
  Status bad = store.value()->BackupTo(Path("nope/copy.db"));
  EXPECT_FALSE(bad.ok());
}

}  // namespace
}  // namespace jr
