// PgTestSchema: a fresh schema of the tests' PostgreSQL database, for tests only.
//
// tests/with_postgres.sh starts a throw-away server and sets JEUGDREGIO_TEST_PG to the
// URL of its database; each test gets its own schema (dropped before and after), so
// tests and test binaries running at once never meet. Without the variable,
// available() is false and the PostgreSQL tests skip with a message.
#pragma once

#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <string>

#include "store/postgres/pg_connection.h"

namespace jr {

class PgTestSchema {
 public:
  // `name`: the test's name; the schema is "t<pid>_<name>" in lower case.
  explicit PgTestSchema(const std::string& name) {
    const char* base = std::getenv("JEUGDREGIO_TEST_PG");
    if (base == nullptr || *base == '\0') return;
    base_ = base;
    schema_ = "t" + std::to_string(::getpid()) + "_";
    for (char c : name) {
      schema_ += std::isalnum(static_cast<unsigned char>(c))
                     ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                     : '_';
    }
    schema_ = schema_.substr(0, 63);
    Drop();
  }
  ~PgTestSchema() { Drop(); }
  PgTestSchema(const PgTestSchema&) = delete;
  PgTestSchema& operator=(const PgTestSchema&) = delete;

  bool available() const { return !base_.empty(); }
  // The store's URL: the test database with `schema=` of this test.
  std::string url() const {
    return base_ + (base_.find('?') == std::string::npos ? "?" : "&") +
           "schema=" + schema_;
  }
  const std::string& base() const { return base_; }
  const std::string& schema() const { return schema_; }
  // Runs SQL on the test database (outside the schema), e.g. to look behind the store.
  Status Exec(const std::string& sql) const {
    auto conn = PgConnection::Connect(base_, "test");
    if (!conn.ok()) return conn.status();
    return conn.value()->Exec(sql);
  }

 private:
  void Drop() {
    if (available()) (void)Exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }
  std::string base_, schema_;
};

}  // namespace jr
