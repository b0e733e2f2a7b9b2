#include "cli/import_run.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <utility>

#include "cli/command.h"

namespace jr::cli {

namespace {

void WithProgress(ImportOptions& options) {
  if (::isatty(STDERR_FILENO)) {
    options.progress = [](const std::string& file, int64_t rows) {
      std::cerr << fmt::format("\r{}: {} rijen gelezen...", file, rows) << std::flush;
    };
  }
}

void Report(const ImportOutcome& out, double seconds, const ImportOptions& options,
            bool group_messages, bool demo_folders, const char* skipped_note) {
  if (options.progress) std::cerr << "\r\033[K";
  if (!out.ok()) {
    std::cerr << out.errors.ToString();
    Fail(Status::Error(fmt::format(
        "import afgebroken: {} fout(en); er is niets gewijzigd", out.errors.count())));
  }
  Table t;
  t.title = "Import";
  t.columns = {{"file", "Bestand"},
               {"rows", "Rijen", ColumnType::kInt},
               {"added", "Nieuw", ColumnType::kInt},
               {"unchanged", "Ongewijzigd", ColumnType::kInt},
               {"replaced", "Vervangen", ColumnType::kInt}};
  int64_t rows = 0;
  // With `group_messages` one row per message kind and folder: "ijw: JW301 (1.234
  // berichten)", so a folder of thousands of messages is a few lines; a kind with one
  // message in its folder keeps the message's name.
  std::vector<std::pair<std::string, ImportReport>> grouped;
  std::map<std::string, size_t> group_row;
  std::map<std::string, int64_t> group_files;
  for (const ImportReport& r : out.files) {
    rows += r.rows;
    if (!group_messages || r.message.empty()) {
      grouped.emplace_back(r.file, r);
      continue;
    }
    const std::string key = fmt::format(
        "{}: {}", std::filesystem::path(r.file).parent_path().string(), r.message);
    auto [it, added] = group_row.try_emplace(key, grouped.size());
    if (added) grouped.emplace_back(key, ImportReport{.file = r.file});
    ImportReport& g = grouped[it->second].second;
    g.rows += r.rows;
    g.added += r.added;
    g.unchanged += r.unchanged;
    g.replaced += r.replaced;
    ++group_files[key];
  }
  for (const auto& [file, r] : grouped) {
    std::string label = file;
    if (auto n = group_files.find(file); n != group_files.end()) {
      label = n->second == 1
                  ? r.file
                  : fmt::format("{} ({} berichten)", file,
                                FormatNumber(static_cast<double>(n->second), 0));
    }
    t.AddRow({label, r.rows, r.added, r.unchanged, r.replaced});
  }
  t.notes.push_back(fmt::format("{} rijen in {:.1f} s",
                                FormatNumber(static_cast<double>(rows), 0), seconds));
  std::string names;
  for (const std::string& n : out.skipped) {
    // The folders of the demo: only the CSV files it leaves out are news.
    if (demo_folders && !n.ends_with(".csv")) continue;
    names += (names.empty() ? "" : ", ") + n;
  }
  if (!names.empty()) {
    t.notes.push_back(fmt::format("{}: {}", skipped_note, names));
  }
  Print(t, OutputFormat::kTable);
}

// Runs `import` with progress on a terminal, timed, and reports its outcome.
template <typename Import>
void RunTimed(ImportOptions options, Import import, bool group_messages,
              bool demo_folders, const char* skipped_note) {
  WithProgress(options);
  auto t0 = std::chrono::steady_clock::now();
  ImportOutcome out = import(options);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  Report(out, seconds, options, group_messages, demo_folders, skipped_note);
}

}  // namespace

void RunImport(Store& store, const std::string& kind, const std::string& path,
               ImportOptions options) {
  const bool folder = kind.empty() && std::filesystem::is_directory(path);
  RunTimed(
      std::move(options),
      [&](const ImportOptions& o) {
        return !kind.empty() ? ImportFile(store, *ImportKindFromName(kind), path, o)
               : folder      ? ImportFolder(store, path, o)
                             : ImportMessage(store, path, o);
      },
      folder, false, "Overgeslagen (geen CSV en geen JW301, JW305, JW307 of JW323)");
}

void RunImportFolders(Store& store, const std::vector<std::string>& dirs,
                      const std::set<ImportKind>& skip, ImportOptions options,
                      const char* skipped_note) {
  RunTimed(
      std::move(options),
      [&](const ImportOptions& o) { return ImportFolders(store, dirs, skip, o); }, true,
      true, skipped_note);
}

}  // namespace jr::cli
