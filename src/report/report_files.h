// Writes a Report to a folder: rapport.html, rapport.xlsx and csv/<key>.csv for every
// table of the region sections. These files hold care data: each is created with mode
// 0600 under a temporary name in the same folder and renamed into place when complete,
// so an error never leaves a half-written file (earlier files of the same call stay).
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "report/report.h"

namespace jr::report {

struct ReportFiles {
  std::string html;              // <dir>/rapport.html
  std::string xlsx;              // <dir>/rapport.xlsx
  std::vector<std::string> csv;  // <dir>/csv/<key>.csv, in report order
};

// Creates `dir` (and dir/csv) when missing and writes the files. Fails with a Dutch
// message naming the file that could not be written.
Result<ReportFiles> WriteReport(const Report& report, const std::string& dir);

// Writes `content` to `path` with mode 0600, via a temporary file and a rename.
Status WritePrivateFile(const std::string& path, const std::string& content);

}  // namespace jr::report
