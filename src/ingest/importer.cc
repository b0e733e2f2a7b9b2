#include "ingest/importer.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>

#include "core/env.h"
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
  // A CSV file whose name is not a kind (`Declaraties.csv`, `toewijzingen (1).csv`)
  // would be skipped silently: refuse the folder instead.
  if (auto names = Env::Default().ListDirectory(dir); names.ok()) {
    ImportOutcome out;
    std::string known;
    for (ImportKind k : ImportOrder()) {
      known += fmt::format("{}{}.csv", known.empty() ? "" : ", ", ImportKindName(k));
    }
    for (const std::string& name : *names) {
      std::string lower = name;
      for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!lower.ends_with(".csv")) continue;
      if (name.ends_with(".csv") && ImportKindFromName(name.substr(0, name.size() - 4)))
        continue;
      out.errors.Add(fmt::format("onbekende bestandsnaam; een map mag alleen deze "
                                 "CSV-bestanden bevatten (kleine letters): {}. Hernoem "
                                 "het bestand of haal het uit de map",
                                 known),
                     {(std::filesystem::path(dir) / name).string()});
    }
    if (!out.ok()) return out;
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
