// CsvLayout: the columns of each kind of CSV file (FORMATS.md) and the column each
// member of its value type is read from. Internal to ingest/.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "ingest/import_kind.h"
#include "ingest/row_reader.h"

namespace jr {

// Member of the value type -> CSV column.
using FieldLabels = std::vector<std::pair<std::string_view, const char*>>;

// The columns of one kind of file and the names its fields have there.
struct CsvLayout {
  std::vector<ColumnSpec> columns;
  std::vector<std::vector<const char*>> alternatives;  // exactly one of each group
  FieldLabels labels;
};

// The layout of `kind`; lives for the whole program.
const CsvLayout& CsvLayoutOf(ImportKind kind);

}  // namespace jr
