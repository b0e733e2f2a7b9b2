#include "cli/import_run.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/command.h"

namespace jr::cli {

void RunImport(Store& store, const std::string& kind, const std::string& path,
               ImportOptions options) {
  if (::isatty(STDERR_FILENO)) {
    options.progress = [](const std::string& file, int64_t rows) {
      std::cerr << fmt::format("\r{}: {} rijen gelezen...", file, rows) << std::flush;
    };
  }
  auto t0 = std::chrono::steady_clock::now();
  ImportOutcome out =
      !kind.empty() ? ImportFile(store, *ImportKindFromName(kind), path, options)
      : std::filesystem::is_directory(path) ? ImportFolder(store, path, options)
                                            : ImportMessage(store, path, options);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
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
  for (const ImportReport& r : out.files) {
    t.AddRow({r.file, r.rows, r.added, r.unchanged, r.replaced});
    rows += r.rows;
  }
  t.notes.push_back(fmt::format("{} rijen in {:.1f} s",
                                FormatNumber(static_cast<double>(rows), 0), seconds));
  if (!out.skipped.empty()) {
    std::string names;
    for (const std::string& n : out.skipped) names += (names.empty() ? "" : ", ") + n;
    t.notes.push_back(fmt::format("Overgeslagen (geen CSV): {}", names));
  }
  Print(t, OutputFormat::kTable);
}

}  // namespace jr::cli
