// PgStore: the Store in a PostgreSQL database (a service organisation's shared store,
// or one server for many regions: one database, or one schema, per region).
//
// Open() connects with a libpq URL (passwords only from PGPASSFILE, ~/.pgpass or
// PGPASSWORD; sslmode and every other libpq parameter from the URL), selects the
// region's schema (`schema=NAME`, created by `init`), and runs the versioned
// migrations of pg_schema.cc (table schema_version holds the version, as SQLite's
// user_version). Semantics are SQLite's to the letter: the same natural keys and
// PutOutcomes, the same order of every loader and aggregate (text sorts as bytes,
// COLLATE "C"), errors for sums that leave int64.
//
// Writers: one write transaction at a time per region, like SQLite. Begin takes a
// transaction-scoped advisory lock of the region and waits for it at most the busy
// timeout ("database is bezet" after that); readers (serve, reports) never wait.
// The rows of every table put inside a transaction are buffered and written with COPY
// (Batches, PutKeyed in pg_puts.cc), with exact outcomes: a table is locked against
// other writers and the keys already stored are known, so a key that is not among
// them is added; rows are written in table order, parents first, and a reference the
// database refuses fails the transaction when its COPY ends. A declaration's reference
// to its assignment is checked by the store, not by a FOREIGN KEY (pg_schema.cc).
// Findings are written with one COPY and one upsert (PutFindings). A deadlock or
// serialization failure is a Dutch error and the transaction is rolled back; nothing is
// imported partly. Not thread-safe: one thread at a time, like every Store.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/postgres/pg_connection.h"
#include "store/store.h"
#include "store/table_rows.h"

namespace jr {

class PgStore final : public Store {
 public:
  // `url`: postgresql://[user@]host[:port]/dbname[?param=value&...]; see pg_url.h.
  static Result<std::unique_ptr<PgStore>> Open(const std::string& url,
                                               const StoreOptions& options);
  // The schema version this build migrates to (the same as SQLite's).
  static int LatestSchemaVersion();
  ~PgStore() override;

  const std::string& path() const override { return path_; }
  int SchemaVersion() const override;
  bool KeepsIjw() const override { return true; }

  Result<Region> LoadRegion() const override;
  Result<std::vector<Product>> LoadProducts() const override;
  Result<std::vector<Tariff>> LoadTariffs() const override;
  Result<std::vector<Provider>> LoadProviders() const override;
  Result<std::vector<Contract>> LoadContracts() const override;
  Result<std::vector<YouthTeam>> LoadYouthTeams() const override;
  Result<std::vector<ClientResidence>> LoadClients() const override;
  Result<std::vector<Assignment>> LoadAssignments() const override;
  Status ForEachAssignmentRef(
      const std::function<void(const AssignmentRef&)>& visit) const override;
  Result<std::vector<Declaration>> LoadDeclarations() const override;
  Status ForEachDeclaration(
      const std::function<void(const Declaration&)>& visit) const override;
  Result<std::vector<CostItem>> LoadFixedCosts() const override;
  Result<std::vector<CostItem>> LoadLocalCosts() const override;

  Result<std::vector<UseRow>> UseByMunicipalityYearBucket(int first,
                                                          int last) const override;
  Result<std::vector<UseRow>> UseByMunicipalityYear() const override;
  Result<std::vector<ClientYearCost>> ClientYearCosts(int first, int last) const override;
  Status ForEachAssignmentMonth(
      int from_month,
      const std::function<void(const AssignmentMonthUse&)>& visit) const override;

  Result<PutOutcome> Put(const Municipality& m, PutMode mode) override;
  Result<PutOutcome> Put(const MunicipalityKey& k, PutMode mode) override;
  Result<PutOutcome> Put(const Provider& p, PutMode mode) override;
  Result<PutOutcome> Put(const Product& p, PutMode mode) override;
  Result<PutOutcome> Put(const Tariff& t, PutMode mode) override;
  Result<PutOutcome> Put(const Contract& c, PutMode mode) override;
  Result<PutOutcome> Put(const YouthTeam& t, PutMode mode) override;
  Result<PutOutcome> Put(const ClientResidence& c, PutMode mode) override;
  Result<PutOutcome> Put(const Assignment& a, PutMode mode) override;
  Result<PutOutcome> Put(const Declaration& d, PutMode mode) override;
  Result<PutOutcome> Put(const CostItem& c, PutMode mode) override;
  Result<PutOutcome> Put(const ReviewDecision& r, PutMode mode) override;
  Result<std::vector<ReviewDecision>> LoadReviewDecisions() const override;

  Status AddToken(const StoredToken& token) override;
  Result<std::vector<StoredToken>> LoadTokens() const override;
  Result<int64_t> DeleteToken(const std::string& hash) override;
  Status DeleteDeclaration(const std::string& assignment, Date start,
                           const std::string& number) override;

  Result<PutOutcome> Put(const IjwMessage& m, PutMode mode) override;
  Result<PutOutcome> Put(const IjwLine& l, PutMode mode) override;
  Status DeleteIjwLinesAfter(const std::string& message, int64_t last) override;
  Result<PutOutcome> Put(const CarePeriod& p, PutMode mode) override;
  Result<std::vector<IjwMessage>> LoadIjwMessages() const override;
  Result<std::vector<IjwLine>> LoadIjwLines() const override;
  Result<std::vector<IjwLine>> LoadIjwLines(const std::string& message) const override;
  Result<std::vector<CarePeriod>> LoadCarePeriods() const override;

  Status PutFindings(const std::vector<Finding>& findings) override;
  Result<std::vector<Finding>> LoadFindings() const override;
  Status ClearFindings() override;
  Status ReplaceFindings(int first_year, int last_year,
                         const std::vector<Finding>& findings) override;

  std::string GetMeta(const std::string& key) const override;
  Status SetMeta(const std::string& key, const std::string& value) override;
  int64_t Count(const std::string& table) const override;
  Result<std::string> Dump() const override;

 private:
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  // The rows of one table put in the current transaction and not yet written (COPY).
  struct TableBatch {
    bool ready = false;                   // table locked, stored keys loaded
    std::unordered_set<uint64_t> stored;  // hashes of the keys in the table
    // Hash of a key -> its pending row (a hash that collides takes the path of a
    // stored key).
    std::unordered_map<uint64_t, size_t> pending_index;
    std::vector<SqlRow> pending;
  };
  // Every table's batch, written in table order (parents before the rows that refer to
  // them) when another statement is needed.
  struct Batches {
    std::array<TableBatch, kTableCount> tables;
    bool assignments_ready = false;
    // Numbers stored or put (COPY text), looked up by a part of a row's key.
    std::unordered_set<std::string, TextHash, std::equal_to<>> assignments;
    int copying = -1;  // the table of the open COPY: rows sent, outcome not yet read
  };

  PgStore(std::unique_ptr<PgConnection> conn, std::string path, int busy_timeout_ms)
      : conn_(std::move(conn)),
        path_(std::move(path)),
        busy_timeout_ms_(busy_timeout_ms) {}
  Status Begin() override;
  Status Commit() override;
  void Rollback() override;
  Status Migrate(bool create);
  // Takes the region's write lock for the current transaction (busy timeout).
  Status LockRegion();
  // Puts one row by natural key with INSERT ... ON CONFLICT, SELECT and UPDATE.
  Result<PutOutcome> PutRow(size_t table, const SqlRow& row, PutMode mode);
  // Puts one row by natural key: inside a transaction a key that is not stored is
  // buffered for COPY (added); a stored one, and every put outside a transaction, goes
  // through PutRow. Declarations are checked against the stored assignments.
  Result<PutOutcome> PutKeyed(size_t table, SqlRow row, PutMode mode);
  // The database's FOREIGN KEY of declaration.assignment, checked by the store (the
  // table has none, pg_schema.cc): an error unless the assignment is stored. The row
  // is locked FOR KEY SHARE until the transaction ends, as the server's check does.
  Status CheckAssignment(const std::string& number) const;
  // Locks `table` against other writers and loads its stored keys.
  Status StartBatch(size_t table);
  // Sends the pending rows of `table` into a COPY of it (the rows of the tables before
  // it first, so every reference is written before the row that has it).
  Status SendPending(size_t table) const;
  // Ends the open COPY, if any: its outcome.
  Status EndCopy(const char* abort_reason = nullptr) const;
  // Writes every pending row with COPY and ends it; every method but the Puts calls it
  // first, so what was put is what is read.
  Status Flush() const;

  std::unique_ptr<PgConnection> conn_;
  std::string path_;
  int busy_timeout_ms_;
  bool in_transaction_ = false;
  mutable Batches batch_;
  std::string key_;  // the key of the row being put (COPY text), reused
};

}  // namespace jr
