#include "core/env.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

namespace jr {
namespace {

using Names = std::vector<std::string>;

// Every test runs on the disk (in a fresh folder under /tmp) and in memory.
class EnvTest : public testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    if (GetParam()) {
      env_ = &mem_;
      dir_ = "/mem/dir";
      ASSERT_TRUE(env_->CreateDirectories(dir_).ok());
    } else {
      env_ = &Env::Default();
      std::string tmpl =
          (std::filesystem::temp_directory_path() / "env_test_XXXXXX").string();
      ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
      dir_ = tmpl;
      old_umask_ = ::umask(0);  // the modes below come from Env, not from the umask
    }
  }
  void TearDown() override {
    if (!GetParam()) {
      ::umask(old_umask_);
      std::filesystem::remove_all(dir_);
    }
  }
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  Names List() const {
    auto names = env_->ListDirectory(dir_);
    EXPECT_TRUE(names.ok()) << names.status().ToString();
    return names.ok() ? *names : Names{};
  }

  MemEnv mem_;
  Env* env_ = nullptr;
  std::string dir_;
  mode_t old_umask_ = 0;
};

TEST_P(EnvTest, WritePrivateFileRoundTripsWithMode0600) {
  ASSERT_TRUE(env_->WritePrivateFile(Path("a.csv"), "x;y\n1;2\n").ok());
  auto text = env_->ReadFile(Path("a.csv"));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text, "x;y\n1;2\n");
  auto mode = env_->FileMode(Path("a.csv"));
  ASSERT_TRUE(mode.ok());
  EXPECT_EQ(*mode, 0600u);
  EXPECT_EQ(List(), Names{"a.csv"});  // no temporary file left
}

TEST_P(EnvTest, WritePrivateFileReplacesAFileAndItsLooseMode) {
  ASSERT_TRUE(env_->WritePrivateFile(Path("a.txt"), "old, longer text").ok());
  if (GetParam()) {
    mem_.SetFileMode(Path("a.txt"), 0644);
  } else {
    ASSERT_EQ(::chmod(Path("a.txt").c_str(), 0644), 0);
  }
  EXPECT_EQ(*env_->FileMode(Path("a.txt")), 0644u);
  ASSERT_TRUE(env_->WritePrivateFile(Path("a.txt"), "new").ok());
  EXPECT_EQ(*env_->ReadFile(Path("a.txt")), "new");
  EXPECT_EQ(*env_->FileMode(Path("a.txt")), 0600u);
}

TEST_P(EnvTest, WritableFileAppearsOnlyWhenClosed) {
  auto file = env_->NewPrivateFile(Path("big.csv"));
  ASSERT_TRUE(file.ok());
  ASSERT_TRUE(file.value()->Append("kop\n").ok());
  ASSERT_TRUE(file.value()->Append("rij\n").ok());
  EXPECT_FALSE(env_->FileExists(Path("big.csv")));
  ASSERT_TRUE(file.value()->Close().ok());
  EXPECT_EQ(*env_->ReadFile(Path("big.csv")), "kop\nrij\n");
  EXPECT_EQ(*env_->FileMode(Path("big.csv")), 0600u);
}

TEST_P(EnvTest, AbandonedWriteLeavesNothing) {
  ASSERT_TRUE(env_->WritePrivateFile(Path("keep.csv"), "oud").ok());
  {
    auto file = env_->NewPrivateFile(Path("keep.csv"));
    ASSERT_TRUE(file.ok());
    ASSERT_TRUE(file.value()->Append("half").ok());
  }  // destroyed without Close
  EXPECT_EQ(*env_->ReadFile(Path("keep.csv")), "oud");
  EXPECT_EQ(List(), Names{"keep.csv"});
}

TEST_P(EnvTest, FileBatchAppearsOnCommitWithMode0600) {
  auto batch = env_->NewPrivateFileBatch();
  ASSERT_TRUE(batch->Add(Path("a.xml"), "<a/>").ok());
  ASSERT_TRUE(batch->Add(Path("b.xml"), "<b/>").ok());
  EXPECT_EQ(batch->pending(), 2u);
  EXPECT_FALSE(env_->FileExists(Path("a.xml")));
  ASSERT_TRUE(batch->Commit().ok());
  EXPECT_EQ(batch->pending(), 0u);
  EXPECT_EQ(List(), (Names{"a.xml", "b.xml"}));  // no temporary file left
  EXPECT_EQ(*env_->ReadFile(Path("b.xml")), "<b/>");
  EXPECT_EQ(*env_->FileMode(Path("a.xml")), 0600u);
  ASSERT_TRUE(batch->Commit().ok());  // an empty commit is fine
}

TEST_P(EnvTest, AbandonedFileBatchLeavesNothing) {
  ASSERT_TRUE(env_->WritePrivateFile(Path("a.xml"), "oud").ok());
  {
    auto batch = env_->NewPrivateFileBatch();
    ASSERT_TRUE(batch->Add(Path("a.xml"), "nieuw").ok());
    ASSERT_TRUE(batch->Add(Path("c.xml"), "<c/>").ok());
  }  // destroyed without Commit
  EXPECT_EQ(*env_->ReadFile(Path("a.xml")), "oud");
  EXPECT_EQ(List(), Names{"a.xml"});
}

TEST_P(EnvTest, FailedWriteNamesTheFileAndLeavesNothing) {
  Status s = env_->WritePrivateFile(Path("geen/a.csv"), "x");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().file, Path("geen/a.csv"));
  EXPECT_NE(s.message().find("kan bestand niet schrijven"), std::string::npos)
      << s.message();
  EXPECT_TRUE(List().empty());
}

TEST_P(EnvTest, FailedRenameRemovesTheTemporaryFile) {
  // The target is a folder that is not empty, so the rename fails.
  ASSERT_TRUE(env_->CreateDirectories(Path("doel/sub")).ok());
  auto file = env_->NewPrivateFile(Path("doel"));
  ASSERT_TRUE(file.ok());
  ASSERT_TRUE(file.value()->Append("x").ok());
  Status s = file.value()->Close();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().file, Path("doel"));
  EXPECT_EQ(List(), Names{"doel"});
}

TEST_P(EnvTest, ExclusiveCreateNeverOverwrites) {
  ASSERT_TRUE(env_->CreatePrivateFileExclusive(Path("k.key"), "sleutel\n").ok());
  EXPECT_EQ(*env_->FileMode(Path("k.key")), 0600u);
  Status s = env_->CreatePrivateFileExclusive(Path("k.key"), "andere");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().file, Path("k.key"));
  EXPECT_NE(s.message().find("kan bestand niet aanmaken"), std::string::npos)
      << s.message();
  EXPECT_EQ(*env_->ReadFile(Path("k.key")), "sleutel\n");
}

TEST_P(EnvTest, ReadingAMissingFileNamesIt) {
  auto text = env_->ReadFile(Path("weg.toml"));
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().where().file, Path("weg.toml"));
  EXPECT_EQ(text.status().message().rfind("kan bestand niet lezen: ", 0), 0u);
  EXPECT_FALSE(env_->FileExists(Path("weg.toml")));
  EXPECT_FALSE(env_->FileMode(Path("weg.toml")).ok());
}

TEST_P(EnvTest, TempFileForALibraryIsPrivateAndCommitted) {
  auto temp = env_->NewPrivateTempFile(Path("rapport.xlsx"));
  ASSERT_TRUE(temp.ok());
  EXPECT_EQ(std::filesystem::path(*temp).parent_path().string(), dir_);
  EXPECT_EQ(*env_->FileMode(*temp), 0600u);
  if (!GetParam()) {
    std::ofstream(*temp, std::ios::binary) << "PK";  // as libxlsxwriter does, by name
  }
  ASSERT_TRUE(env_->CommitTempFile(*temp, Path("rapport.xlsx")).ok());
  EXPECT_EQ(*env_->ReadFile(Path("rapport.xlsx")), GetParam() ? "" : "PK");
  EXPECT_EQ(*env_->FileMode(Path("rapport.xlsx")), 0600u);
  EXPECT_EQ(List(), Names{"rapport.xlsx"});

  auto given_up = env_->NewPrivateTempFile(Path("b.xlsx"));
  ASSERT_TRUE(given_up.ok());
  ASSERT_TRUE(env_->RemoveFile(*given_up).ok());
  EXPECT_EQ(List(), Names{"rapport.xlsx"});
}

TEST_P(EnvTest, DirectoriesArePrivateAndListed) {
  ASSERT_TRUE(env_->CreateDirectories(Path("csv/deel")).ok());
  ASSERT_TRUE(env_->CreateDirectories(Path("csv")).ok());  // exists: fine
  ASSERT_TRUE(env_->WritePrivateFile(Path("csv/b.csv"), "b").ok());
  ASSERT_TRUE(env_->WritePrivateFile(Path("csv/a.csv"), "a").ok());
  auto names = env_->ListDirectory(Path("csv"));
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (Names{"a.csv", "b.csv", "deel"}));
  EXPECT_TRUE(env_->FileExists(Path("csv/deel")));
  Status s = env_->CreateDirectories(Path("csv/a.csv/x"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "is geen map");
  EXPECT_EQ(s.where().file, Path("csv/a.csv"));
  if (!GetParam()) {
    struct stat st;
    ASSERT_EQ(::stat(Path("csv/deel").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700u);
  }
}

INSTANTIATE_TEST_SUITE_P(DiskAndMemory, EnvTest, testing::Bool(),
                         [](const testing::TestParamInfo<bool>& p) {
                           return p.param ? "MemEnv" : "Default";
                         });

}  // namespace
}  // namespace jr
