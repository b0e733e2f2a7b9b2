// Writes a Report to a folder: rapport.html, rapport.xlsx, and for every table of the
// region sections csv/<key>.csv (machine CSV, core/table.h) and excel/<key>.csv (Dutch
// Excel, csv_nl.h); both CSVs carry the data-set label as a last column when the
// report has one. These files hold care data: each is created with mode
// 0600 under a temporary name in the same folder and renamed into place when complete
// (core/env.h), so an error never leaves a half-written file (earlier files of the
// same call stay).
#pragma once

#include <string>
#include <vector>

#include "core/env.h"
#include "core/status.h"
#include "report/report.h"

namespace jr::report {

struct ReportFiles {
  std::string html;                 // <dir>/rapport.html
  std::string xlsx;                 // <dir>/rapport.xlsx
  std::vector<std::string> csv;     // <dir>/csv/<key>.csv, in report order
  std::vector<std::string> csv_nl;  // <dir>/excel/<key>.csv, in report order
};

// Creates `dir` (and dir/csv, dir/excel) when missing, mode 0700, and writes the files.
// Fails with a Dutch message naming the file that could not be written. The workbook is
// written by libxlsxwriter, by name: `env` must be a real file system for it.
Result<ReportFiles> WriteReport(const Report& report, const std::string& dir,
                                Env& env = Env::Default());

}  // namespace jr::report
