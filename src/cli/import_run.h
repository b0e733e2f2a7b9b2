// Runs an import and prints its report (stdout) or its errors (stderr, then Fail).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "ingest/importer.h"

namespace jr::cli {

// `kind` empty: import the folder `path` (its iJw messages one row per kind), or the
// iJw message `path` when it is a file.
// Progress goes to stderr when it is a terminal.
void RunImport(Store& store, const std::string& kind, const std::string& path,
               ImportOptions options);

// ImportFolders (ingest/importer.h) of `dirs` without the CSV kinds in `skip`, with the
// report of RunImport; iJw messages are one row per kind and folder ("ijw: JW301
// (1.234 berichten)"); the files not read are named after `skipped_note`.
void RunImportFolders(Store& store, const std::vector<std::string>& dirs,
                      const std::set<ImportKind>& skip, ImportOptions options,
                      const char* skipped_note);

}  // namespace jr::cli
