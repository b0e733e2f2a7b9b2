// Operations on result tables that a report needs on top of the parts' own tables:
// the rows of one municipality (for its page) and the suppression of small counts in
// public output. Pure.
#pragma once

#include <string>

#include "core/table.h"

namespace jr::report {

// Counts below this are suppressed in public output (DESIGN.md §2.10).
inline constexpr int kMinPublicCount = 5;

// The rows whose column `key` holds the text `value` (title and notes kept). A table
// without that column comes back without rows.
Table RowsWhere(const Table& t, const std::string& key, const std::string& value);
// RowsWhere(t, "municipality", code): the rows of one municipality.
Table RowsOf(const Table& t, const std::string& code);

// True for the keys of columns that count clients or their assignments: clients,
// assignments, running, and the forecast's active_* and new_* columns.
bool IsClientCount(const std::string& key);

// Replaces every value below kMinPublicCount (but above 0) in client-count columns by
// the text "<5" and adds a note saying so when anything was suppressed.
Table SuppressSmallCounts(Table t);

}  // namespace jr::report
