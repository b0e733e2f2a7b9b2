// Store: the region's database (an SQLite file).
//
// Open() creates or migrates the schema (versioned migrations, see schema.cc), with
// WAL, foreign keys on, and the file created with mode 0600. All loaders return plain
// value types from region/ and care/. A Store is used by one thread at a time.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <vector>

#include "care/assignment.h"
#include "care/product.h"
#include "care/provider.h"
#include "core/money.h"
#include "core/status.h"
#include "region/region.h"

namespace jr {

// Declared cost of one municipality, year and cost bucket (the year is that of the
// declaration's first day; the municipality that of the assignment).
struct UseRow {
  std::string municipality;
  int year = 0;
  std::string bucket;
  Money cost;
  int64_t clients = 0;      // distinct clients with a declaration
  int64_t assignments = 0;  // distinct assignments with a declaration
};

// Declared cost of one client in one year and bucket, with the responsible municipality.
struct ClientYearCost {
  std::string client;
  std::string municipality;
  int year = 0;
  std::string bucket;
  Money cost;
};

// Regional fixed cost (vaste_kosten.csv) or a municipality's local cost
// (lokale_kosten.csv; `municipality` empty for fixed costs).
struct CostItem {
  std::string municipality;
  int year = 0;
  std::string bucket;
  Money amount;
};

class Store {
 public:
  // Opens (creating when missing, if `create`) and migrates the database at `path`.
  // Dutch error naming the file when it cannot be opened or is not a jeugdregio database
  // of this or an older version.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, bool create = true);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  int SchemaVersion() const;
  static int LatestSchemaVersion();

  // Executes SQL without results; a failure is returned with the SQLite message.
  Status Exec(const std::string& sql);

  Result<Region> LoadRegion() const;
  Result<std::vector<Product>> LoadProducts() const;
  Result<std::vector<Tariff>> LoadTariffs() const;
  Result<std::vector<Provider>> LoadProviders() const;
  Result<std::vector<Contract>> LoadContracts() const;
  Result<std::vector<YouthTeam>> LoadYouthTeams() const;
  Result<std::vector<ClientResidence>> LoadClients() const;
  // All assignments ordered by number.
  Result<std::vector<Assignment>> LoadAssignments() const;
  // Declarations of the assignments; many rows: prefer the aggregates below.
  Result<std::vector<Declaration>> LoadDeclarations() const;

  // Aggregates over declarations (credits subtract), ordered by municipality, year, bucket.
  // Only the years in [first, last] when given.
  Result<std::vector<UseRow>> UseByMunicipalityYearBucket(int first = 0, int last = 9999) const;
  // The same over all buckets: one row per municipality and year (bucket "").
  Result<std::vector<UseRow>> UseByMunicipalityYear() const;
  // Per-client costs of every year, or only of the years in [first, last].
  Result<std::vector<ClientYearCost>> ClientYearCosts(int first = 0, int last = 9999) const;
  Result<std::vector<CostItem>> LoadFixedCosts() const;
  Result<std::vector<CostItem>> LoadLocalCosts() const;

  // Free-form facts about the data set, e.g. "dataset" = "demoregio, synthetische
  // gegevens". Get returns "" when unset.
  std::string GetMeta(const std::string& key) const;
  Status SetMeta(const std::string& key, const std::string& value);

  // Row count of a table (for tests and progress lines).
  int64_t Count(const std::string& table) const;

 private:
  Store(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Migrate();
  sqlite3* db_;
  std::string path_;
};

// RAII transaction: rolls back unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Store& store);
  ~Transaction();
  Status Commit();

 private:
  Store& store_;
  bool done_ = false;
};

}  // namespace jr
