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
  EXPECT_EQ(SqliteStore::LatestSchemaVersion(), 4);  // 4: iJw tables (issue 13)
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

}  // namespace
}  // namespace jr
