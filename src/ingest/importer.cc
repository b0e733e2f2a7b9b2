#include "ingest/importer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>

#include "core/env.h"
#include "ingest/csv_reader.h"
#include "ingest/csv_source.h"
#include "ingest/ijw/ijw_source.h"
#include "ingest/import_sink.h"

namespace jr {
namespace {

// One file of an import: a CSV file of a kind, or an iJw message (`message` its kind,
// "JW301"; empty for CSV).
struct ImportEntry {
  ImportKind kind;
  std::string path;
  std::string message;
};

// The entry of the iJw message at `path` of kind `k`: JW323 lines are declarations,
// the others assignments.
ImportEntry MessageEntry(ijw::MessageKind k, std::string path) {
  return {k == ijw::MessageKind::kJw323 ? ImportKind::kDeclarations
                                        : ImportKind::kAssignments,
          std::move(path), std::string(ijw::MessageKindName(k))};
}

ImportOutcome ImportPaths(Store& store, const std::vector<ImportEntry>& files,
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
  std::unique_ptr<ijw::MessageReader> messages;
  int64_t messages_read = 0;
  for (const auto& [kind, path, message] : files) {
    ImportReport& report = out.files.emplace_back();
    report.file = path;
    report.kind = kind;
    report.message = message;
    if (!message.empty()) {
      if (!messages) {
        messages = std::make_unique<ijw::MessageReader>(
            store, sink, options.replace ? PutMode::kReplace : PutMode::kRefuseChanged,
            options.pseudonymizer, &out.errors);
        if (!out.errors.empty()) return out;
      }
      sink.StartFile(&report);
      messages->Read(path, &report);
      sink.FinishFile();
      if (!out.errors.empty()) return out;  // rolled back by tx
      if (options.progress && ++messages_read % 1000 == 0)
        options.progress(path, messages_read);
      continue;
    }
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
  sink.FinishImport();
  if (!out.errors.empty()) return out;  // rolled back by tx
  Status s = tx.value().Commit();
  if (!s.ok()) out.errors.Add(s);
  return out;
}

}  // namespace

ImportOutcome ImportFile(Store& store, ImportKind kind, const std::string& path,
                         const ImportOptions& options) {
  return ImportPaths(store, {{kind, path}}, options);
}

ImportOutcome ImportMessage(Store& store, const std::string& path,
                            const ImportOptions& options) {
  auto kind = ijw::SniffMessageKind(path);
  if (!kind.ok()) {
    ImportOutcome out;
    out.errors.Add(kind.status());
    return out;
  }
  return ImportPaths(store, {MessageEntry(*kind, path)}, options);
}

ImportOutcome ImportFolder(Store& store, const std::string& dir,
                           const ImportOptions& options) {
  return ImportFolders(store, {dir}, {}, options);
}

ImportOutcome ImportFolders(Store& store, const std::vector<std::string>& dirs,
                            const std::set<ImportKind>& skip,
                            const ImportOptions& options) {
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  // CSV names are matched without regard to case (`Declaraties.csv` is declaraties);
  // iJw messages (*.xml) by kind, each kind sorted by name.
  std::map<ImportKind, std::string> found;
  std::vector<std::string> by_kind[4];
  std::vector<std::string> skipped;
  ImportOutcome refused;
  std::string known;
  for (ImportKind k : ImportOrder()) {
    known += fmt::format("{}{}.csv", known.empty() ? "" : ", ", ImportKindName(k));
  }
  for (const std::string& dir : dirs) {
    auto names = Env::Default().ListDirectory(dir);
    if (names.ok()) {
      for (const std::string& name : *names) {
        const std::string low = lower(name);
        const std::string p = (std::filesystem::path(dir) / name).string();
        if (low.ends_with(".xml")) {
          auto message = ijw::SniffMessage(p);
          if (!message.ok()) {
            refused.errors.Add(message.status());
            continue;
          }
          if (!message->kind) {  // a retour message or another jeugdregio does not read
            skipped.push_back(fmt::format("{} ({})", name, message->other));
            continue;
          }
          by_kind[static_cast<int>(*message->kind)].push_back(p);
          continue;
        }
        if (!low.ends_with(".csv")) {
          skipped.push_back(name);
          continue;
        }
        if (auto kind = ImportKindFromName(low.substr(0, low.size() - 4))) {
          if (skip.contains(*kind)) {
            skipped.push_back(p);
            continue;
          }
          if (found.contains(*kind)) {
            refused.errors.Add(
                fmt::format("twee bestanden voor {}.csv (hoofdletters tellen niet mee)",
                            ImportKindName(*kind)),
                {p});
          }
          found[*kind] = p;
          continue;
        }
        // A CSV file whose name is not a kind (`toewijzingen (1).csv`) would be
        // skipped silently: refuse the folder instead.
        refused.errors.Add(fmt::format("onbekende bestandsnaam; een map mag alleen deze "
                                       "CSV-bestanden bevatten: {}. Hernoem het bestand "
                                       "of haal het uit de map",
                                       known),
                           {p});
      }
    }
  }
  if (!refused.ok()) return refused;
  for (auto& v : by_kind) std::sort(v.begin(), v.end());
  // JW301 after the master data and before toewijzingen.csv, JW305/JW307 after it,
  // JW323 after declaraties.csv.
  auto add_messages = [&](std::vector<ImportEntry>& files, ijw::MessageKind k) {
    for (const std::string& p : by_kind[static_cast<int>(k)])
      files.push_back(MessageEntry(k, p));
  };
  std::vector<ImportEntry> files;
  for (ImportKind k : ImportOrder()) {
    if (k == ImportKind::kAssignments) add_messages(files, ijw::MessageKind::kJw301);
    if (auto it = found.find(k); it != found.end()) files.push_back({k, it->second});
    if (k == ImportKind::kAssignments) {
      add_messages(files, ijw::MessageKind::kJw305);
      add_messages(files, ijw::MessageKind::kJw307);
    }
    if (k == ImportKind::kDeclarations) add_messages(files, ijw::MessageKind::kJw323);
  }
  if (files.empty()) {
    ImportOutcome out;
    out.errors.Add(
        "map bevat geen bekende bestanden (gemeenten.csv, toewijzingen.csv, ..., "
        "iJw-berichten *.xml)",
        {dirs.empty() ? std::string() : dirs.front()});
    return out;
  }
  ImportOutcome out = ImportPaths(store, files, options);
  std::sort(skipped.begin(), skipped.end());
  out.skipped = std::move(skipped);
  return out;
}

}  // namespace jr
