// The versioned migrations of the PostgreSQL store: the same versions as SQLite's
// (store/sqlite/schema.cc), migration i+1 at index i, each in PostgreSQL's DDL.
#pragma once

#include <vector>

namespace jr {

const std::vector<const char*>& PgSchemaMigrations();

}  // namespace jr
