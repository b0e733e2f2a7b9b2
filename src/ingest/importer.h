// Import of the CSV interchange files (FORMATS.md) into the store.
//
// Every import is one transaction: a file (or a folder) with any error changes
// nothing. Errors are gathered over the whole input (up to a limit) as
// "file:line:column: message" in Dutch, naming the field and the value (never a BSN).
// Importing the same file twice changes nothing; the same key with other content is an
// error unless `replace` is set.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "care/pseudonym.h"
#include "core/status.h"
#include "store/store.h"

namespace jr {

enum class ImportKind {
  kMunicipalities,   // gemeenten
  kKeys,             // kengetallen
  kProviders,        // aanbieders
  kProducts,         // producten
  kTariffs,          // tarieven
  kContracts,        // contracten
  kYouthTeams,       // jeugdteams
  kClients,          // clienten
  kAssignments,      // toewijzingen
  kDeclarations,     // declaraties
  kFixedCosts,       // vaste_kosten
  kLocalCosts,       // lokale_kosten
};

// "declaraties" -> kDeclarations (the file name without .csv); nullopt if unknown.
std::optional<ImportKind> ImportKindFromName(std::string_view name);
std::string_view ImportKindName(ImportKind kind);
// All kinds in dependency order (the order of a folder import).
const std::vector<ImportKind>& ImportOrder();

struct ImportOptions {
  // Same key with other content: update the stored row instead of refusing the file.
  bool replace = false;
  // Errors kept (and printed) before the rest are only counted.
  size_t max_errors = 50;
  // Needed when a file has a `bsn` column; not owned. Null: such a file is refused.
  const Pseudonymizer* pseudonymizer = nullptr;
  // Called now and then with (file, rows done); may be empty.
  std::function<void(const std::string&, int64_t)> progress;
};

struct ImportReport {
  std::string file;
  ImportKind kind = ImportKind::kMunicipalities;
  int64_t rows = 0;       // records read
  int64_t added = 0;      // new rows stored
  int64_t unchanged = 0;  // already stored with the same content
  int64_t replaced = 0;   // stored with other content, updated (replace only)
};

struct ImportOutcome {
  std::vector<ImportReport> files;
  ErrorList errors;
  bool ok() const { return errors.empty(); }
};

// Imports one file of `kind` in one transaction.
ImportOutcome ImportFile(Store& store, ImportKind kind, const std::string& path,
                         const ImportOptions& options);
// Imports every known file (<kind>.csv) present in `dir`, in dependency order, all in
// one transaction. A folder without any known file is an error.
ImportOutcome ImportFolder(Store& store, const std::string& dir, const ImportOptions& options);

}  // namespace jr
