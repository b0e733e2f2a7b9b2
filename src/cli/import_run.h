// Runs an import and prints its report (stdout) or its errors (stderr, then Fail).
#pragma once

#include <string>

#include "ingest/importer.h"

namespace jr::cli {

// `kind` empty: import the folder `path`, or the iJw message `path` when it is a file.
// Progress goes to stderr when it is a terminal.
void RunImport(Store& store, const std::string& kind, const std::string& path,
               ImportOptions options);

}  // namespace jr::cli
