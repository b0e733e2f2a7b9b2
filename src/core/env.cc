#include "core/env.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace jr {
namespace {

// "kan <what>: <reason of errno>" at `path`.
Status OsError(std::string_view what, const std::string& path, int err = errno) {
  return Status::Error("kan " + std::string(what) + ": " + std::strerror(err), {path});
}

Status WriteAll(int fd, std::string_view data, const std::string& path) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return OsError("bestand niet schrijven", path);
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

// Syncs and closes `fd`, then renames `temp` to `path`; removes `temp` on failure.
Status SyncCloseRename(int fd, const std::string& temp, const std::string& path) {
  Status s;
  if (::fsync(fd) != 0) s = OsError("bestand niet schrijven", path);
  if (::close(fd) != 0 && s.ok()) s = OsError("bestand niet schrijven", path);
  if (s.ok() && ::rename(temp.c_str(), path.c_str()) != 0) {
    s = OsError("bestand niet hernoemen", path);
  }
  if (!s.ok()) ::unlink(temp.c_str());
  return s;
}

// A private temporary file beside `path` (mkostemp: mode 0600), open for writing.
Result<std::pair<int, std::string>> OpenTemp(const std::string& path) {
  std::string temp = path + ".tmp-XXXXXX";
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) return OsError("bestand niet schrijven", path);
  return std::pair{fd, std::move(temp)};
}

class PosixWritableFile final : public WritableFile {
 public:
  PosixWritableFile(int fd, std::string temp, std::string path)
      : fd_(fd), temp_(std::move(temp)), path_(std::move(path)) {}
  ~PosixWritableFile() override {
    if (fd_ < 0) return;
    ::close(fd_);
    ::unlink(temp_.c_str());
  }

  Status Append(std::string_view data) override {
    if (error_.ok()) error_ = WriteAll(fd_, data, path_);
    return error_;
  }

  Status Close() override {
    const int fd = std::exchange(fd_, -1);
    if (error_.ok()) return SyncCloseRename(fd, temp_, path_);
    ::close(fd);
    ::unlink(temp_.c_str());
    return error_;
  }

 private:
  Status error_;  // of the first failed Append
  int fd_;
  std::string temp_;
  std::string path_;
};

// The folder of `path` ("" for a bare name: the current folder).
std::string Parent(const std::string& path) {
  return std::filesystem::path(path).parent_path().string();
}

// Opens folder `dir` ("" = the current one) and runs `sync` (fsync, syncfs) on it.
Status SyncFolder(const std::string& dir, int (*sync)(int), std::string_view what,
                  const std::string& path) {
  const std::string d = dir.empty() ? "." : dir;
  const int fd = ::open(d.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return OsError("map niet openen", d);
  Status s;
  if (sync(fd) != 0) s = OsError(what, path);
  ::close(fd);
  return s;
}

class PosixFileBatch final : public FileBatch {
 public:
  ~PosixFileBatch() override {
    for (const auto& [temp, path] : pending_) ::unlink(temp.c_str());
  }

  Status Add(const std::string& path, std::string_view content) override {
    auto temp = OpenTemp(path);
    if (!temp.ok()) return temp.status();
    auto [fd, name] = std::move(temp).value();
    Status s = WriteAll(fd, content, path);
    if (::close(fd) != 0 && s.ok()) s = OsError("bestand niet schrijven", path);
    if (!s.ok()) {
      ::unlink(name.c_str());
      return s;
    }
    pending_.emplace_back(std::move(name), path);
    return Status::Ok();
  }

  Status Commit() override {
    if (pending_.empty()) return Status::Ok();
    // One sync of the file system holding the files (all in one folder tree).
    const std::string& first = pending_.front().second;
    if (Status s = SyncFolder(Parent(first), ::syncfs, "bestand niet schrijven", first);
        !s.ok())
      return s;
    std::set<std::string> dirs;
    for (size_t i = 0; i < pending_.size(); ++i) {
      const auto& [temp, path] = pending_[i];
      if (::rename(temp.c_str(), path.c_str()) != 0) {
        Status s = OsError("bestand niet hernoemen", path);
        pending_.erase(pending_.begin(), pending_.begin() + static_cast<ptrdiff_t>(i));
        return s;  // the ones not renamed are removed with the batch
      }
      dirs.insert(Parent(path));
    }
    pending_.clear();
    for (const std::string& d : dirs) {
      if (Status s = SyncFolder(d, ::fsync, "map niet schrijven", d.empty() ? "." : d);
          !s.ok())
        return s;
    }
    return Status::Ok();
  }

  size_t pending() const override { return pending_.size(); }

 private:
  std::vector<std::pair<std::string, std::string>> pending_;  // (temp, path)
};

class PosixEnv final : public Env {
 public:
  std::unique_ptr<FileBatch> NewPrivateFileBatch() override {
    return std::make_unique<PosixFileBatch>();
  }

  Result<std::string> ReadFile(const std::string& path) override {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return OsError("bestand niet lezen", path);
    std::string content;
    struct stat st;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) content.reserve(st.st_size);
    char buf[1 << 16];
    for (;;) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        const int err = errno;
        ::close(fd);
        return OsError("bestand niet lezen", path, err);
      }
      if (n == 0) break;
      content.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return content;
  }

  Result<std::unique_ptr<WritableFile>> NewPrivateFile(const std::string& path) override {
    auto temp = OpenTemp(path);
    if (!temp.ok()) return temp.status();
    auto [fd, name] = std::move(temp).value();
    return std::unique_ptr<WritableFile>(
        new PosixWritableFile(fd, std::move(name), path));
  }

  Status CreatePrivateFileExclusive(const std::string& path,
                                    std::string_view content) override {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return OsError("bestand niet aanmaken", path);
    Status s = WriteAll(fd, content, path);
    if (s.ok() && ::fsync(fd) != 0) s = OsError("bestand niet schrijven", path);
    if (::close(fd) != 0 && s.ok()) s = OsError("bestand niet schrijven", path);
    if (!s.ok()) ::unlink(path.c_str());
    return s;
  }

  Result<std::string> NewPrivateTempFile(const std::string& path) override {
    auto temp = OpenTemp(path);
    if (!temp.ok()) return temp.status();
    ::close(temp->first);
    return temp->second;
  }

  Status CommitTempFile(const std::string& temp, const std::string& path) override {
    const int fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      Status s = OsError("bestand niet schrijven", path);
      ::unlink(temp.c_str());
      return s;
    }
    return SyncCloseRename(fd, temp, path);
  }

  Status RemoveFile(const std::string& path) override {
    if (::unlink(path.c_str()) != 0) return OsError("bestand niet verwijderen", path);
    return Status::Ok();
  }

  bool FileExists(const std::string& path) override {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
  }

  Result<uint32_t> FileMode(const std::string& path) override {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return OsError("bestand niet lezen", path);
    return static_cast<uint32_t>(st.st_mode & 07777);
  }

  Status CreateDirectories(const std::string& path) override {
    std::filesystem::path prefix;
    for (const auto& part : std::filesystem::path(path)) {
      prefix /= part;
      struct stat st;
      if (::stat(prefix.c_str(), &st) == 0) {
        if (!S_ISDIR(st.st_mode)) return Status::Error("is geen map", {prefix.string()});
        continue;
      }
      if (::mkdir(prefix.c_str(), 0700) != 0 && errno != EEXIST) {
        return OsError("map niet aanmaken", path);
      }
    }
    return Status::Ok();
  }

  Result<std::vector<std::string>> ListDirectory(const std::string& path) override {
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) return OsError("map niet lezen", path);
    std::vector<std::string> names;
    while (const dirent* e = ::readdir(dir)) {
      std::string name = e->d_name;
      if (name != "." && name != "..") names.push_back(std::move(name));
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    return names;
  }
};

Status MemError(std::string_view what, std::string_view reason, const std::string& path) {
  return Status::Error("kan " + std::string(what) + ": " + std::string(reason), {path});
}

}  // namespace

Env& Env::Default() {
  static PosixEnv env;
  return env;
}

Status Env::WritePrivateFile(const std::string& path, std::string_view content) {
  auto file = NewPrivateFile(path);
  if (!file.ok()) return file.status();
  if (Status s = file.value()->Append(content); !s.ok()) return s;
  return file.value()->Close();
}

// Collects the bytes and puts them in the map on Close(), so a file that is not
// closed never appears.
class MemEnv::Writer final : public WritableFile {
 public:
  Writer(MemEnv& env, std::string path) : env_(env), path_(std::move(path)) {}
  Status Append(std::string_view data) override {
    content_.append(data);
    return Status::Ok();
  }
  Status Close() override { return env_.Put(path_, std::move(content_)); }

 private:
  MemEnv& env_;
  std::string path_;
  std::string content_;
};

// Holds the files until Commit(), which puts them all.
class MemFileBatch final : public FileBatch {
 public:
  explicit MemFileBatch(MemEnv& env) : env_(env) {}
  Status Add(const std::string& path, std::string_view content) override {
    pending_.emplace_back(path, std::string(content));
    return Status::Ok();
  }
  Status Commit() override {
    for (auto& [path, content] : pending_) {
      if (Status s = env_.WritePrivateFile(path, content); !s.ok()) return s;
    }
    pending_.clear();
    return Status::Ok();
  }
  size_t pending() const override { return pending_.size(); }

 private:
  MemEnv& env_;
  std::vector<std::pair<std::string, std::string>> pending_;
};

std::unique_ptr<FileBatch> MemEnv::NewPrivateFileBatch() {
  return std::make_unique<MemFileBatch>(*this);
}

Status MemEnv::Put(const std::string& path, std::string content) {
  std::lock_guard lock(mu_);
  return PutLocked(path, std::move(content));
}

Status MemEnv::PutLocked(const std::string& path, std::string content) {
  if (dirs_.contains(path)) return MemError("bestand niet schrijven", "is een map", path);
  if (!dirs_.contains(Parent(path))) {
    return MemError("bestand niet schrijven", "map bestaat niet", path);
  }
  files_[path] = File{std::move(content), 0600};
  return Status::Ok();
}

Result<std::string> MemEnv::ReadFile(const std::string& path) {
  std::lock_guard lock(mu_);
  auto it = files_.find(path);
  if (it == files_.end()) return MemError("bestand niet lezen", "bestaat niet", path);
  return it->second.content;
}

Result<std::unique_ptr<WritableFile>> MemEnv::NewPrivateFile(const std::string& path) {
  {
    std::lock_guard lock(mu_);
    if (!dirs_.contains(Parent(path))) {
      return MemError("bestand niet schrijven", "map bestaat niet", path);
    }
  }
  return std::unique_ptr<WritableFile>(new Writer(*this, path));
}

Status MemEnv::CreatePrivateFileExclusive(const std::string& path,
                                          std::string_view content) {
  std::lock_guard lock(mu_);
  if (files_.contains(path)) return MemError("bestand niet aanmaken", "bestaat al", path);
  return PutLocked(path, std::string(content));
}

Result<std::string> MemEnv::NewPrivateTempFile(const std::string& path) {
  std::lock_guard lock(mu_);
  std::string temp = path + ".tmp-" + std::to_string(next_temp_++);
  if (Status s = PutLocked(temp, ""); !s.ok()) return s;
  return temp;
}

Status MemEnv::CommitTempFile(const std::string& temp, const std::string& path) {
  std::lock_guard lock(mu_);
  auto it = files_.find(temp);
  if (it == files_.end()) return MemError("bestand niet hernoemen", "bestaat niet", path);
  File f = std::move(it->second);
  files_.erase(it);
  files_[path] = std::move(f);
  return Status::Ok();
}

Status MemEnv::RemoveFile(const std::string& path) {
  std::lock_guard lock(mu_);
  if (files_.erase(path) == 0) {
    return MemError("bestand niet verwijderen", "bestaat niet", path);
  }
  return Status::Ok();
}

bool MemEnv::FileExists(const std::string& path) {
  std::lock_guard lock(mu_);
  return files_.contains(path) || dirs_.contains(path);
}

Result<uint32_t> MemEnv::FileMode(const std::string& path) {
  std::lock_guard lock(mu_);
  auto it = files_.find(path);
  if (it == files_.end()) return MemError("bestand niet lezen", "bestaat niet", path);
  return it->second.mode;
}

void MemEnv::SetFileMode(const std::string& path, uint32_t mode) {
  std::lock_guard lock(mu_);
  files_.at(path).mode = mode;
}

Status MemEnv::CreateDirectories(const std::string& path) {
  std::lock_guard lock(mu_);
  for (std::string p = path; !dirs_.contains(p); p = Parent(p)) {
    if (files_.contains(p)) return Status::Error("is geen map", {p});
    dirs_.insert(p);
  }
  return Status::Ok();
}

Result<std::vector<std::string>> MemEnv::ListDirectory(const std::string& path) {
  std::lock_guard lock(mu_);
  if (!dirs_.contains(path)) return MemError("map niet lezen", "bestaat niet", path);
  std::vector<std::string> names;
  auto add = [&](const std::string& p) {
    if (p != path && Parent(p) == path) {
      names.push_back(std::filesystem::path(p).filename().string());
    }
  };
  for (const auto& [p, f] : files_) add(p);
  for (const std::string& d : dirs_) add(d);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace jr
