#include "ingest/importer.h"

#include <filesystem>

#include "ingest/csv_reader.h"
#include "ingest/csv_source.h"
#include "ingest/import_sink.h"

namespace jr {
namespace {

ImportOutcome ImportPaths(Store& store,
                          const std::vector<std::pair<ImportKind, std::string>>& files,
                          const ImportOptions& options) {
  ImportOutcome out;
  out.errors = ErrorList(options.max_errors);
  auto tx = Transaction::Begin(store);
  if (!tx.ok()) {
    out.errors.Add(tx.status());
    return out;
  }
  ImportSink sink(store, options.replace ? PutMode::kReplace : PutMode::kRefuseChanged,
                  &out.errors);
  if (!out.errors.empty()) return out;
  CsvSourceOptions source{options.pseudonymizer, options.progress};
  for (const auto& [kind, path] : files) {
    ImportReport& report = out.files.emplace_back();
    report.file = path;
    report.kind = kind;
    auto csv = CsvReader::Open(path);
    if (!csv.ok()) {
      out.errors.Add(csv.status());
      return out;
    }
    sink.StartFile(&report);
    report.rows = ReadCsv(*csv, kind, source, sink, &out.errors);
    sink.FinishFile();
    if (!out.errors.empty()) return out;  // rolled back by tx
  }
  Status s = tx.value().Commit();
  if (!s.ok()) out.errors.Add(s);
  return out;
}

}  // namespace

ImportOutcome ImportFile(Store& store, ImportKind kind, const std::string& path,
                         const ImportOptions& options) {
  return ImportPaths(store, {{kind, path}}, options);
}

ImportOutcome ImportFolder(Store& store, const std::string& dir,
                           const ImportOptions& options) {
  std::vector<std::pair<ImportKind, std::string>> files;
  for (ImportKind k : ImportOrder()) {
    auto p = std::filesystem::path(dir) / (std::string(ImportKindName(k)) + ".csv");
    if (std::filesystem::exists(p)) files.emplace_back(k, p.string());
  }
  if (files.empty()) {
    ImportOutcome out;
    out.errors.Add(
        "map bevat geen bekende bestanden (gemeenten.csv, toewijzingen.csv, ...)", {dir});
    return out;
  }
  return ImportPaths(store, files, options);
}

}  // namespace jr
