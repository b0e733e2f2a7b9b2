#include "store/store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "store/statement.h"

namespace jr {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("jr_store_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const char* name) { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

TEST_F(StoreTest, MigratesAnEmptyFileAndIsPrivate) {
  auto store = Store::Open(Path("a.db"));
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(store.value()->SchemaVersion(), Store::LatestSchemaVersion());
  EXPECT_EQ(store.value()->Count("assignment"), 0);
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

TEST_F(StoreTest, ReopeningKeepsVersionAndData) {
  {
    auto store = Store::Open(Path("b.db"));
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(store.value()
                    ->Exec("INSERT INTO municipality(code,name,begin_day) "
                           "VALUES('GM0505','Dordrecht',0)")
                    .ok());
  }
  auto again = Store::Open(Path("b.db"), /*create=*/false);
  ASSERT_TRUE(again.ok());
  auto region = again.value()->LoadRegion();
  ASSERT_TRUE(region.ok());
  ASSERT_EQ(region->municipalities().size(), 1u);
  EXPECT_EQ(region->municipalities()[0].name, "Dordrecht");
}

TEST_F(StoreTest, RefusesForeignFilesAndMissingFiles) {
  { std::ofstream(Path("x.db")) << "dit is geen database"; }
  auto bad = Store::Open(Path("x.db"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().ToString().find("x.db"), std::string::npos);
  auto missing = Store::Open(Path("missing.db"), /*create=*/false);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("bestaat niet"), std::string::npos);
}

TEST_F(StoreTest, TransactionRollsBackUnlessCommitted) {
  auto store = Store::Open(Path("c.db"));
  ASSERT_TRUE(store.ok());
  Store& s = *store.value();
  {
    Transaction tx(s);
    ASSERT_TRUE(s.Exec("INSERT INTO provider VALUES('12345678','A')").ok());
  }
  EXPECT_EQ(s.Count("provider"), 0);
  {
    Transaction tx(s);
    ASSERT_TRUE(s.Exec("INSERT INTO provider VALUES('12345678','A')").ok());
    ASSERT_TRUE(tx.Commit().ok());
  }
  EXPECT_EQ(s.Count("provider"), 1);
}

}  // namespace
}  // namespace jr
