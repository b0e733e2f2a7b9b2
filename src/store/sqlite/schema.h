// The SQLite schema as a list of versioned migrations.
#pragma once

#include <vector>

namespace jr {

// Migrations in order; migration i (0-based) brings the schema to version i + 1.
// Each is one SQL script run in a transaction. Never edit a landed migration: append.
const std::vector<const char*>& SchemaMigrations();

}  // namespace jr
