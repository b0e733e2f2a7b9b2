// SqliteStore: the Store in one SQLite file (the default: one region on a laptop).
//
// Open() creates the file with mode 0600 (SQLite gives its WAL and shared-memory files
// the same mode), sets WAL, foreign keys on and the busy timeout, and runs the
// versioned migrations of schema.cc. This folder is the only place that includes
// <sqlite3.h>. Not thread-safe: one thread at a time, like every Store.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <vector>

#include "store/sqlite/ijw_chunks.h"
#include "store/sqlite/keyed_table.h"
#include "store/store.h"

namespace jr {

class SqliteStore final : public Store {
 public:
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   const StoreOptions& options);
  // The schema version this build migrates to.
  static int LatestSchemaVersion();
  ~SqliteStore() override;

  const std::string& path() const override { return path_; }
  int SchemaVersion() const override;

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
  Status DeleteDeclaration(const std::string& assignment, Date start,
                           const std::string& number) override;

  Result<PutOutcome> Put(const IjwMessage& m, PutMode mode) override;
  Result<PutOutcome> Put(const IjwLine& l, PutMode mode) override;
  Status DeleteIjwLinesAfter(const std::string& message, int64_t last) override;
  Result<PutOutcome> Put(const CarePeriod& p, PutMode mode) override;
  Result<std::vector<IjwMessage>> LoadIjwMessages() const override;
  Result<std::vector<IjwLine>> LoadIjwLines() const override;
  Result<std::vector<IjwLine>> LoadIjwLines(const std::string& message) const override;
  bool KeepsIjw() const override { return true; }
  Result<std::vector<CarePeriod>> LoadCarePeriods() const override;

  Status AddToken(const StoredToken& token) override;
  Result<std::vector<StoredToken>> LoadTokens() const override;
  Result<int64_t> DeleteToken(const std::string& hash) override;
  Status BackupTo(const std::string& out_path) const override;

  Status PutFindings(const std::vector<Finding>& findings) override;
  Result<std::vector<Finding>> LoadFindings() const override;
  Status ClearFindings() override;
  Status ReplaceFindings(int first_year, int last_year,
                         const std::vector<Finding>& findings) override;

  std::string GetMeta(const std::string& key) const override;
  Status SetMeta(const std::string& key, const std::string& value) override;
  int64_t Count(const std::string& table) const override;
  Result<std::string> Dump() const override;

  // The connection, for the tests of this folder only.
  sqlite3* handle() const { return db_; }

 private:
  SqliteStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Begin() override;
  Status Commit() override;
  void Rollback() override;
  // Executes SQL without results; a failure is returned with the SQLite message.
  Status Exec(const char* sql);
  Status Migrate();
  // Every table of the latest schema is there with its columns (a damaged database is
  // a Dutch error, not an abort later).
  Status CheckSchema();
  // The writer of a table, prepared on first use.
  KeyedTable& Table(size_t index);
  Result<PutOutcome> PutRow(size_t table, const SqlRow& row, PutMode mode);
  // The JW323 lines: the open chunk is written before a commit and every read.
  IjwLineChunks& Chunks() const;
  Status FlushIjwLines() const;
  // Migration 9: the rows of version 8's ijw_line (renamed ijw_line_v8) into chunks.
  Status CopyVersion8Lines();

  sqlite3* db_;
  std::string path_;
  std::vector<std::unique_ptr<KeyedTable>> tables_;
  std::vector<SqlValue> row_;  // the row being put, reused
  mutable std::unique_ptr<IjwLineChunks> chunks_;
};

}  // namespace jr
