// Operations on result tables that a report needs on top of the parts' own tables:
// the rows of one municipality (for its page) or of the region, and the suppression
// of small counts in public output. They find municipalities, counts and totals by
// column role and row kind (core/table.h), never by key or cell text. Pure.
#pragma once

#include <string>

#include "core/table.h"

namespace jr::report {

// Counts below this are suppressed in public output (DESIGN.md §2.10).
inline constexpr int kMinPublicCount = 5;

// The rows whose column `key` holds the text `value` (title and notes kept). A table
// without that column comes back without rows.
Table RowsWhere(const Table& t, const std::string& key, const std::string& value);
// The rows of one municipality: those whose municipality column (ColumnRole::
// kMunicipality) holds `code`. A table without such a column comes back without rows.
Table RowsOf(const Table& t, const std::string& code);
// The total rows (RowKind::kTotal): the region's.
Table TotalRows(const Table& t);
// The detail rows (RowKind::kDetail).
Table DetailRows(const Table& t);

// Replaces every value below kMinPublicCount (but above 0) in the client-count columns
// (ColumnRole::kClientCount) by the text "<5", and every other figure of such a row
// (money, numbers, percentages; not text or years) by "x", and adds a note saying so
// when anything was suppressed.
Table SuppressSmallCounts(Table t);

}  // namespace jr::report
