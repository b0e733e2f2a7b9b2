// Writes the tables of a Report's region sections as an XLSX workbook (libxlsxwriter):
// a first sheet "inhoud" listing every sheet, then one sheet per table named after its
// key, with the Dutch title, the column labels, the rows and the notes. Numbers are
// numbers: money in euros with a euro format, fractions with a percent format, years
// without separators; text cells stay text.
#pragma once

#include <string>

#include "core/status.h"
#include "report/report.h"

namespace jr::report {

// Writes (or overwrites) `path`. An existing file keeps its permission bits: give it a
// private file of Env::NewPrivateTempFile (WriteReport does). Fails
// with a Dutch message naming the file when libxlsxwriter cannot write it.
// Not thread-safe with respect to `path`.
Status WriteXlsx(const Report& report, const std::string& path);

// Excel's sheet name for a table key: at most 31 characters, none of []:*?/\ and not
// equal (ignoring case) to one of `taken`.
std::string SheetName(const std::string& key, const std::vector<std::string>& taken);

}  // namespace jr::report
