#include "report/report_files.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>

#include "report/html_report.h"
#include "report/xlsx_report.h"

namespace jr::report {
namespace {

Status IoError(const std::string& what, const std::string& path) {
  return Status::Error(fmt::format("{} {}: {}", what, path, std::strerror(errno)));
}

// Creates a private temporary file beside `path`, lets `fill` write it (given its fd and
// name), then renames it to `path`. The temporary file is removed on any failure.
Status WriteAtomically(
    const std::string& path,
    const std::function<Status(int fd, const std::string& tmp)>& fill) {
  std::string tmp = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());  // mode 0600
  if (fd < 0) return IoError("kan niet schrijven naar", path);
  Status s = fill(fd, tmp);
  if (::close(fd) != 0 && s.ok()) s = IoError("kan niet schrijven naar", path);
  if (s.ok() && ::rename(tmp.c_str(), path.c_str()) != 0)
    s = IoError("kan niet hernoemen naar", path);
  if (!s.ok()) ::unlink(tmp.c_str());
  return s;
}

}  // namespace

Status WritePrivateFile(const std::string& path, const std::string& content) {
  return WriteAtomically(path, [&](int fd, const std::string&) {
    size_t done = 0;
    while (done < content.size()) {
      ssize_t n = ::write(fd, content.data() + done, content.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return IoError("kan niet schrijven naar", path);
      done += static_cast<size_t>(n);
    }
    return Status::Ok();
  });
}

Result<ReportFiles> WriteReport(const Report& report, const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(fs::path(dir) / "csv", ec);
  if (ec)
    return Status::Error(
        fmt::format("map {} kan niet worden gemaakt: {}", dir, ec.message()));
  ReportFiles files{(fs::path(dir) / "rapport.html").string(),
                    (fs::path(dir) / "rapport.xlsx").string(),
                    {}};
  Status s = WritePrivateFile(files.html, RenderHtml(report));
  if (!s.ok()) return s;
  // libxlsxwriter reopens the temporary file by name; an existing file keeps its mode.
  s = WriteAtomically(
      files.xlsx, [&](int, const std::string& tmp) { return WriteXlsx(report, tmp); });
  if (!s.ok()) return s;
  for (const ReportSection& section : report.sections) {
    if (!section.municipality.empty()) continue;
    for (const Section& t : section.tables) {
      files.csv.push_back((fs::path(dir) / "csv" / (t.key + ".csv")).string());
      s = WritePrivateFile(files.csv.back(), RenderCsv(t.table));
      if (!s.ok()) return s;
    }
  }
  return files;
}

}  // namespace jr::report
