// Tests of what is particular to the SQLite store: the file, its mode and pragmas.
#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

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
  // of ijw_line by reference.
  EXPECT_EQ(SqliteStore::LatestSchemaVersion(), 8);
  EXPECT_EQ(store.value()->Count("assignment"), 0);
  EXPECT_EQ(store.value()->Count("finding"), 0);
  EXPECT_EQ(store.value()->Count("ijw_line"), 0);
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

// Migration 8 drops the index of ijw_line by reference of a version-7 database and
// keeps its lines.
TEST_F(SqliteStoreTest, MigrationEightDropsTheReferenceIndex) {
  auto count_index = [](sqlite3* db) {
    Statement q(db,
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = "
                "'ijw_line_reference'");
    return q.Step() ? q.Int(0) : -1;
  };
  {
    auto store = SqliteStore::Open(Path("v7.db"), {});
    ASSERT_TRUE(store.ok());
    EXPECT_EQ(count_index(store.value()->handle()), 0);
    IjwLine l;
    l.message = "JW323/12345678/D1";
    l.line = 1;
    l.reference = "R1";
    l.client = "P1";
    l.assignment = "T1";
    l.category = "45";
    l.product_code = "45A10";
    l.amount = Money::FromCents(100);
    ASSERT_TRUE(store.value()->Put(l, PutMode::kRefuseChanged).ok());
    // Back to version 7: its index as migration 4 made it.
    ASSERT_EQ(sqlite3_exec(store.value()->handle(),
                           "CREATE INDEX ijw_line_reference ON ijw_line(reference); "
                           "PRAGMA user_version=7;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    EXPECT_EQ(count_index(store.value()->handle()), 1);
  }
  auto again = SqliteStore::Open(Path("v7.db"), {});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again.value()->SchemaVersion(), 8);
  EXPECT_EQ(count_index(again.value()->handle()), 0);
  auto lines = again.value()->LoadIjwLines();
  ASSERT_TRUE(lines.ok());
  ASSERT_EQ(lines->size(), 1u);
  EXPECT_EQ((*lines)[0].reference, "R1");
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
