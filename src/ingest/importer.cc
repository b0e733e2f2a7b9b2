#include "ingest/importer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

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
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  // Names are matched without regard to case (`Declaraties.csv` is declaraties).
  std::map<ImportKind, std::string> found;
  std::vector<std::string> skipped;
  ImportOutcome refused;
  std::string known;
  for (ImportKind k : ImportOrder()) {
    known += fmt::format("{}{}.csv", known.empty() ? "" : ", ", ImportKindName(k));
  }
  auto names = Env::Default().ListDirectory(dir);
  if (names.ok()) {
    for (const std::string& name : *names) {
      const std::string low = lower(name);
      if (!low.ends_with(".csv")) {
        skipped.push_back(name);
        continue;
      }
      if (auto kind = ImportKindFromName(low.substr(0, low.size() - 4))) {
        if (found.contains(*kind)) {
          refused.errors.Add(
              fmt::format("twee bestanden voor {}.csv (hoofdletters tellen niet mee)",
                          ImportKindName(*kind)),
              {(std::filesystem::path(dir) / name).string()});
        }
        found[*kind] = (std::filesystem::path(dir) / name).string();
        continue;
      }
      // A CSV file whose name is not a kind (`toewijzingen (1).csv`) would be
      // skipped silently: refuse the folder instead.
      refused.errors.Add(fmt::format("onbekende bestandsnaam; een map mag alleen deze "
                                     "CSV-bestanden bevatten: {}. Hernoem het bestand "
                                     "of haal het uit de map",
                                     known),
                         {(std::filesystem::path(dir) / name).string()});
    }
  }
  if (!refused.ok()) return refused;
  std::vector<std::pair<ImportKind, std::string>> files;
  for (ImportKind k : ImportOrder()) {
    if (auto it = found.find(k); it != found.end()) files.emplace_back(k, it->second);
  }
  if (files.empty()) {
    ImportOutcome out;
    out.errors.Add(
        "map bevat geen bekende bestanden (gemeenten.csv, toewijzingen.csv, ...)", {dir});
    return out;
  }
  ImportOutcome out = ImportPaths(store, files, options);
  std::sort(skipped.begin(), skipped.end());
  out.skipped = std::move(skipped);
  return out;
}

}  // namespace jr
