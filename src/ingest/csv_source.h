// The CSV source of the staged import: one interchange file (FORMATS.md) as values.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "care/pseudonym.h"
#include "core/status.h"
#include "ingest/csv_reader.h"
#include "ingest/import_kind.h"
#include "ingest/value_sink.h"

namespace jr {

struct CsvSourceOptions {
  // Needed when a file has a `bsn` column; not owned. Null: such a record is refused.
  const Pseudonymizer* pseudonymizer = nullptr;
  // Called every 100,000 records with (file, records read); may be empty.
  std::function<void(const std::string&, int64_t)> progress;
};

// Reads every record of `csv` as a value of `kind`: checks the header and the format
// of each field (codes, dates, amounts, BSN 11-test), replaces a BSN by its pseudonym
// and hands each record without format errors to `sink` with its Origin (file, line,
// the column of each field). Format errors go to `errors` as
// "file:line:column: veld 'x': ..."; reading stops when the sink returns false or
// `errors` is full. Returns the number of records read.
int64_t ReadCsv(const CsvReader& csv, ImportKind kind, const CsvSourceOptions& options,
                ValueSink& sink, ErrorList* errors);

}  // namespace jr
