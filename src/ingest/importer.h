// Import of the CSV interchange files (FORMATS.md) into the store.
//
// The import is staged: a source (csv_source.h) checks the format and yields domain
// values with their origin; the sink (import_sink.h) checks references, runs the care
// rules (rules/) and puts the values into the store by natural key. Every import is
// one transaction: a file (or a folder) with any error changes
// nothing. Errors are gathered over the whole input (up to a limit) as
// "file:line:column: message" in Dutch, naming the field and the value (never a BSN).
// Importing the same file twice changes nothing; the same key with other content is an
// error unless `replace` is set.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "care/pseudonym.h"
#include "core/status.h"
#include "ingest/import_kind.h"
#include "store/store.h"

namespace jr {

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
  std::string message;    // an iJw message's kind ("JW301"); empty for CSV
  int64_t rows = 0;       // records read
  int64_t added = 0;      // new rows stored
  int64_t unchanged = 0;  // already stored with the same content
  int64_t replaced = 0;   // stored with other content, updated (replace only)
};

struct ImportOutcome {
  std::vector<ImportReport> files;
  ErrorList errors;
  // ImportFolder: the files of the folder it did not read (not CSV), sorted.
  std::vector<std::string> skipped;
  bool ok() const { return errors.empty(); }
};

// Imports one file of `kind` in one transaction. When the transaction cannot begin
// (another process writes to the database), that is the only error and nothing is read.
ImportOutcome ImportFile(Store& store, ImportKind kind, const std::string& path,
                         const ImportOptions& options);
// Imports one iJw message (JW301, JW305, JW307 or JW323; ingest/ijw/ijw_source.h),
// recognised by its root element and namespace, in one transaction.
ImportOutcome ImportMessage(Store& store, const std::string& path,
                            const ImportOptions& options);
// Imports every known file (<kind>.csv, any case: Declaraties.csv) and every iJw message
// (*.xml) present in `dir`, in dependency order (master data, JW301, toewijzingen.csv,
// JW305/JW307, declaraties.csv, JW323, costs), all in one transaction. A folder without
// any known file, with a CSV file of another name or with two files of one kind is an
// error; other files are skipped and named in `skipped`.
ImportOutcome ImportFolder(Store& store, const std::string& dir,
                           const ImportOptions& options);
// As ImportFolder over the files of all `dirs` together (one transaction, one
// dependency order; two files of one kind in two folders are an error). CSV files of
// a kind in `skip` are not read: they are named (with their folder) in `skipped`.
// `jeugdregio demo --ijw` reads the master data of its folder and the messages of
// <dir>/ijw/ so, without toewijzingen.csv and declaraties.csv.
ImportOutcome ImportFolders(Store& store, const std::vector<std::string>& dirs,
                            const std::set<ImportKind>& skip,
                            const ImportOptions& options);

}  // namespace jr
