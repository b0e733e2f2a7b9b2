// Env: the one place where files are read and private files created (after LevelDB's
// Env).
//
// Files that can hold care data are created with mode 0600 from their first byte, under
// a temporary name in the target's folder, synced and renamed into place when complete:
// an error never leaves a half-written file. Code that reads or writes files takes an
// `Env&` (default Env::Default()), so tests can run on a MemEnv.
// Errors are Dutch and name the file (Location::file). Thread-safe: Env::Default() and
// MemEnv may be used from several threads; a WritableFile belongs to one thread.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace jr {

// A file being written under a temporary name. Close() makes it appear at its path;
// destroyed without a successful Close(), it is removed.
class WritableFile {
 public:
  virtual ~WritableFile() = default;
  // Appends `data` (callers buffer: one call per large chunk).
  virtual Status Append(std::string_view data) = 0;
  // Syncs, closes and renames into place. At most once. After a failed Append it
  // fails with that error, and nothing appears.
  virtual Status Close() = 0;
};

// Many small private files written as one: each under a temporary name (mode 0600),
// then Commit() syncs the file system once (not once per file) and renames them into
// place. Files not committed are removed when the batch is destroyed, so an error
// leaves none of them. For outputs of thousands of small files (iJw messages, JW325
// answers). The contents are on disk from Add() on; a batch holds only the names.
class FileBatch {
 public:
  virtual ~FileBatch() = default;
  virtual Status Add(const std::string& path, std::string_view content) = 0;
  virtual Status Commit() = 0;
  virtual size_t pending() const = 0;
};

class Env {
 public:
  virtual ~Env() = default;

  // The POSIX file system; lives as long as the program.
  static Env& Default();

  // The whole file. Error "kan bestand niet lezen: <reason>" at `path`; the other
  // errors read alike ("kan bestand niet schrijven: ...", "kan map niet aanmaken: ...").
  virtual Result<std::string> ReadFile(const std::string& path) = 0;

  // A new private file (mode 0600) that replaces `path` when closed.
  virtual Result<std::unique_ptr<WritableFile>> NewPrivateFile(
      const std::string& path) = 0;

  // Creates `path` (mode 0600) with `content`; fails if it exists (O_EXCL: for key
  // files, which must never be overwritten).
  virtual Status CreatePrivateFileExclusive(const std::string& path,
                                            std::string_view content) = 0;

  // For a library that writes a file by name (libxlsxwriter): creates an empty private
  // file beside `path` and returns its name. CommitTempFile(name, path) syncs it and
  // renames it to `path`; on failure, or if the caller gives up, RemoveFile(name).
  virtual Result<std::string> NewPrivateTempFile(const std::string& path) = 0;
  virtual Status CommitTempFile(const std::string& temp, const std::string& path) = 0;
  virtual Status RemoveFile(const std::string& path) = 0;

  virtual bool FileExists(const std::string& path) = 0;
  // The permission bits (e.g. 0600), to warn about a key file others can read.
  virtual Result<uint32_t> FileMode(const std::string& path) = 0;
  // Creates `path` and its missing parents, private (mode 0700); OK if it is a folder
  // already. Error "is geen map" at a part that is a file.
  virtual Status CreateDirectories(const std::string& path) = 0;
  // The names (not paths) of the entries of a folder, sorted.
  virtual Result<std::vector<std::string>> ListDirectory(const std::string& path) = 0;

  // A new batch of private files (FileBatch).
  virtual std::unique_ptr<FileBatch> NewPrivateFileBatch() = 0;

  // `content` into `path` through NewPrivateFile: private and atomic.
  Status WritePrivateFile(const std::string& path, std::string_view content);
};

// Files in memory, for tests. As on disk, a file can only be written in a folder that
// exists (made by CreateDirectories; "" is the current folder); files get mode 0600.
class MemEnv final : public Env {
 public:
  Result<std::string> ReadFile(const std::string& path) override;
  std::unique_ptr<FileBatch> NewPrivateFileBatch() override;
  Result<std::unique_ptr<WritableFile>> NewPrivateFile(const std::string& path) override;
  Status CreatePrivateFileExclusive(const std::string& path,
                                    std::string_view content) override;
  Result<std::string> NewPrivateTempFile(const std::string& path) override;
  Status CommitTempFile(const std::string& temp, const std::string& path) override;
  Status RemoveFile(const std::string& path) override;
  bool FileExists(const std::string& path) override;
  Result<uint32_t> FileMode(const std::string& path) override;
  Status CreateDirectories(const std::string& path) override;
  Result<std::vector<std::string>> ListDirectory(const std::string& path) override;

  // Sets the mode of an existing file (to test warnings about loose permissions).
  void SetFileMode(const std::string& path, uint32_t mode);

 private:
  struct File {
    std::string content;
    uint32_t mode = 0600;
  };
  class Writer;
  Status Put(const std::string& path, std::string content);
  Status PutLocked(const std::string& path, std::string content);  // REQUIRES: mu_ held

  std::mutex mu_;
  std::map<std::string, File> files_;
  std::set<std::string> dirs_ = {"", "/"};
  int next_temp_ = 0;
};

}  // namespace jr
