#include "demo/demo_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

namespace jr::demo {
namespace {

// Writes `content` to `path`, created (or truncated) with mode 0600 from the start, like
// the CSV files (csv_out.h).
Status WriteFile(const std::string& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  bool ok = fd >= 0 && ::fchmod(fd, 0600) == 0;
  for (size_t done = 0; ok && done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  const int err = errno;
  if (fd >= 0 && ::close(fd) != 0) ok = false;
  if (ok) return Status::Ok();
  return Status::Error(fmt::format("kan bestand niet schrijven: {}", std::strerror(err)),
                       Location{path});
}

}  // namespace

Status WriteDemoConfigFiles(const std::string& dir) {
  for (const EmbeddedFile& f : DemoConfigFiles()) {
    if (Status s = WriteFile((std::filesystem::path(dir) / f.name).string(), f.content); !s.ok()) {
      return s;
    }
  }
  return Status::Ok();
}

}  // namespace jr::demo
