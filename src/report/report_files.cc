#include "report/report_files.h"

#include <filesystem>

#include "report/csv_nl.h"
#include "report/html_report.h"
#include "report/xlsx_report.h"

namespace jr::report {
namespace {

// The workbook: libxlsxwriter writes it by name, into a private temporary file that
// then replaces `path`.
Status WriteWorkbook(const Report& report, const std::string& path, Env& env) {
  auto temp = env.NewPrivateTempFile(path);
  if (!temp.ok()) return temp.status();
  if (Status s = WriteXlsx(report, *temp); !s.ok()) {
    env.RemoveFile(*temp);
    return s;
  }
  return env.CommitTempFile(*temp, path);
}

}  // namespace

Result<ReportFiles> WriteReport(const Report& report, const std::string& dir, Env& env) {
  namespace fs = std::filesystem;
  for (const char* sub : {"csv", "excel"}) {
    if (Status s = env.CreateDirectories((fs::path(dir) / sub).string()); !s.ok())
      return s;
  }
  ReportFiles files{(fs::path(dir) / "rapport.html").string(),
                    (fs::path(dir) / "rapport.xlsx").string(),
                    {},
                    {}};
  Status s = env.WritePrivateFile(files.html, RenderHtml(report));
  if (!s.ok()) return s;
  s = WriteWorkbook(report, files.xlsx, env);
  if (!s.ok()) return s;
  for (const ReportSection& section : report.sections) {
    if (!section.municipality.empty()) continue;
    for (const Section& t : section.tables) {
      const Table labelled = WithDataset(t.table, report.dataset);
      files.csv.push_back((fs::path(dir) / "csv" / (t.key + ".csv")).string());
      s = env.WritePrivateFile(files.csv.back(), RenderCsv(labelled));
      if (!s.ok()) return s;
      files.csv_nl.push_back((fs::path(dir) / "excel" / (t.key + ".csv")).string());
      s = env.WritePrivateFile(files.csv_nl.back(), RenderCsvNl(labelled));
      if (!s.ok()) return s;
    }
  }
  return files;
}

}  // namespace jr::report
