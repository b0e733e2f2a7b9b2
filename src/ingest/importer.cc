#include "ingest/importer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>

#include "core/env.h"
#include "ingest/csv_reader.h"
#include "ingest/csv_source.h"
#include "ingest/ijw/ijw_source.h"
#include "ingest/import_sink.h"

namespace jr {
namespace {

// One file of an import: a CSV file of a kind, or an iJw message (`xml`).
struct ImportEntry {
  ImportKind kind;
  std::string path;
  bool xml = false;
};

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
  for (const auto& [kind, path, xml] : files) {
    ImportReport& report = out.files.emplace_back();
    report.file = path;
    report.kind = kind;
    if (xml) {
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
  ImportKind k = *kind == ijw::MessageKind::kJw323 ? ImportKind::kDeclarations
                                                   : ImportKind::kAssignments;
  return ImportPaths(store, {{k, path, true}}, options);
}

ImportOutcome ImportFolder(Store& store, const std::string& dir,
                           const ImportOptions& options) {
  // iJw messages (*.xml) by kind, each kind sorted by name: JW301 after the master
  // data and before toewijzingen.csv, JW305/JW307 after it, JW323 with the
  // declarations.
  std::vector<std::string> by_kind[4];
  if (auto names = Env::Default().ListDirectory(dir); names.ok()) {
    ImportOutcome out;
    for (const std::string& name : *names) {
      if (!name.ends_with(".xml") && !name.ends_with(".XML")) continue;
      std::string p = (std::filesystem::path(dir) / name).string();
      auto kind = ijw::SniffMessageKind(p);
      if (!kind.ok()) {
        out.errors.Add(kind.status());
        continue;
      }
      by_kind[static_cast<int>(*kind)].push_back(p);
    }
    if (!out.ok()) return out;
    for (auto& v : by_kind) std::sort(v.begin(), v.end());
  }
  auto add_messages = [&](std::vector<ImportEntry>& files, ijw::MessageKind k) {
    ImportKind as = k == ijw::MessageKind::kJw323 ? ImportKind::kDeclarations
                                                  : ImportKind::kAssignments;
    for (const std::string& p : by_kind[static_cast<int>(k)])
      files.push_back({as, p, true});
  };
  std::vector<ImportEntry> files;
  for (ImportKind k : ImportOrder()) {
    if (k == ImportKind::kAssignments) add_messages(files, ijw::MessageKind::kJw301);
    auto p = std::filesystem::path(dir) / (std::string(ImportKindName(k)) + ".csv");
    if (std::filesystem::exists(p)) files.push_back({k, p.string()});
    if (k == ImportKind::kAssignments) {
      add_messages(files, ijw::MessageKind::kJw305);
      add_messages(files, ijw::MessageKind::kJw307);
    }
    if (k == ImportKind::kDeclarations) add_messages(files, ijw::MessageKind::kJw323);
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
        "map bevat geen bekende bestanden (gemeenten.csv, toewijzingen.csv, ..., "
        "iJw-berichten *.xml)",
        {dir});
    return out;
  }
  return ImportPaths(store, files, options);
}

}  // namespace jr
