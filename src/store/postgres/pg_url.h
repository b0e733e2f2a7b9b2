// The address of a PostgreSQL store: a libpq URL (postgresql:// or postgres://) with
// one parameter of jeugdregio's own, `schema=NAME`: the region's schema in a database
// that holds several regions (the default is one database per region, schema public).
#pragma once

#include <string>

#include "core/status.h"

namespace jr {

struct PgAddress {
  std::string conninfo;  // the URL for libpq, without `schema=`
  std::string schema;    // the region's schema; empty = the user's default (public)
};

// True for a postgresql:// or postgres:// URL.
bool IsPostgresUrl(const std::string& address);

// Splits `url` (REQUIRES: IsPostgresUrl). Dutch errors that never echo the URL: a
// password in the URL (user:password@ or password=; passwords come from PGPASSFILE,
// ~/.pgpass or PGPASSWORD), a schema name that is not lower-case letters, digits and
// '_' (at most 63, not starting with a digit).
Result<PgAddress> ParsePgUrl(const std::string& url);

}  // namespace jr
