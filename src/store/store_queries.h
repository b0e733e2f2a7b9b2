// StoreQueries: the SQL texts of the aggregates that both backends run as they are
// (store/sqlite/sqlite_loaders.cc, store/postgres/pg_loaders.cc), so the two can never
// count different lines. Standard SQL that SQLite and PostgreSQL read alike; each
// backend passes its own parameter marks ("?1" or "$1").
#pragma once

#include <string>

namespace jr::store_sql {

// The gate of the care rules (issue 12): true for a declaration line (table alias
// `alias`) without an `afgewezen` finding. `finding` is keyed by the line first, so
// this is one index probe per line.
std::string Accepted(const char* alias);

// Aggregates over the accepted declarations of the years [first, last] (parameter
// marks `first` and `last`), summed per assignment and year first, then joined (much
// cheaper than joining every declaration row). The sums are bigint: a sum outside
// int64 fails (SQLite's "integer overflow", PostgreSQL's SQLSTATE 22003), it never
// wraps. Columns and order as Store's UseByMunicipalityYearBucket,
// UseByMunicipalityYear and ClientYearCosts.
std::string UseByMunicipalityYearBucket(const char* first, const char* last);
std::string UseByMunicipalityYear(const char* first, const char* last);
std::string ClientYearCosts(const char* first, const char* last);

}  // namespace jr::store_sql
