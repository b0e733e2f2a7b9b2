// Store: the region's database, as repositories of value types (DESIGN §2.12).
//
// Store is an interface: the parts load and put plain values from region/ and care/
// and never see SQL. The implementation is chosen by Store::Open from the path: a
// file is an SQLite database (store/sqlite/), a postgresql:// or postgres:// URL a
// PostgreSQL database (store/postgres/). A Store is used by one thread at a time;
// open one per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "care/assignment.h"
#include "care/cost_item.h"
#include "care/finding.h"
#include "care/ijw_message.h"
#include "care/product.h"
#include "care/provider.h"
#include "care/review_decision.h"
#include "core/money.h"
#include "core/status.h"
#include "region/municipality_key.h"
#include "region/region.h"

namespace jr {

// The number, provider and product of an assignment: what an import checks its
// declarations against (Store::ForEachAssignmentRef).
struct AssignmentRef {
  std::string number;
  std::string agb;
  std::string category;
  std::string product_code;
};

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

// Declared cost and volume of one assignment in one calendar month (declarations
// counted in the month of their first day; credits subtract).
struct AssignmentMonthUse {
  std::string assignment;  // toewijzingnummer
  int month = 0;           // MonthIndex
  Money cost;
  int64_t volume_x100 = 0;  // hundredths of the declared units
};

// An API token of `jeugdregio serve` as stored: only its hash (server/token_store.h).
struct StoredToken {
  std::string hash;
  std::string role;     // Role::name(), e.g. "region", "municipality:GM0505"
  std::string name;     // free label
  std::string created;  // "YYYY-MM-DD HH:MM:SS" UTC, set by the store
  std::string expires;  // "YYYY-MM-DD HH:MM:SS" UTC; "" = never (schema version 4)
};

// What Put does with a value whose natural key is already stored with other content.
enum class PutMode {
  kRefuseChanged,  // leave the stored value; the outcome is kConflict
  kReplace,        // update the stored value; the outcome is kReplaced
};

// The outcome of putting one value, by its natural key (idempotent insert).
struct PutOutcome {
  enum Kind { kAdded, kUnchanged, kReplaced, kConflict };
  Kind kind = kAdded;
  // kConflict: the first field that differs, by the name of the value type's member
  // ("name", "end", "amount"), and both values as the store shows them (days as day
  // numbers, money in cents, "(leeg)" for none).
  std::string field, stored, given;
};

// Options of Store::Open.
struct StoreOptions {
  bool create = true;          // create the database when it does not exist
  int busy_timeout_ms = 5000;  // how long to wait for another writer before failing
};

class Store {
 public:
  // Opens `path_or_url` (creating a missing file when `options.create`; the file is
  // private, mode 0600) and brings its schema to the latest version. Dutch error naming
  // the file when it cannot be opened or is not a jeugdregio database of this or an
  // older version. A URL (IsUrl) opens PostgreSQL: `options.create` creates the
  // schema in an existing database; a password in the URL is refused (it comes from
  // PGPASSFILE, ~/.pgpass or PGPASSWORD), and no error shows a password.
  static Result<std::unique_ptr<Store>> Open(const std::string& path_or_url,
                                             const StoreOptions& options);
  static Result<std::unique_ptr<Store>> Open(const std::string& path_or_url,
                                             bool create = true);
  // True when `path_or_url` is a database server's URL (postgresql://, postgres://),
  // not a file: there is no file to check, and no key file beside it.
  static bool IsUrl(const std::string& path_or_url);
  virtual ~Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The path or URL it was opened with.
  virtual const std::string& path() const = 0;
  virtual int SchemaVersion() const = 0;

  // Loaders: every value, in key order. Errors of the database are returned.
  virtual Result<Region> LoadRegion() const = 0;
  virtual Result<std::vector<Product>> LoadProducts() const = 0;
  virtual Result<std::vector<Tariff>> LoadTariffs() const = 0;
  virtual Result<std::vector<Provider>> LoadProviders() const = 0;
  virtual Result<std::vector<Contract>> LoadContracts() const = 0;
  virtual Result<std::vector<YouthTeam>> LoadYouthTeams() const = 0;
  virtual Result<std::vector<ClientResidence>> LoadClients() const = 0;
  // All assignments ordered by number.
  virtual Result<std::vector<Assignment>> LoadAssignments() const = 0;
  // The same assignments, ordered by number, with their number, provider and product
  // only (the reference check of an import: a fraction of the columns to read),
  // streaming like ForEachDeclaration: one value is reused between the calls of
  // `visit`, so an import of a large store holds no copy of them all.
  virtual Status ForEachAssignmentRef(
      const std::function<void(const AssignmentRef&)>& visit) const = 0;
  // Declarations of the assignments; many rows: prefer the aggregates below.
  virtual Result<std::vector<Declaration>> LoadDeclarations() const = 0;
  // Every declaration in key order (assignment, start, number), streaming: one value
  // is reused between the calls of `visit`. An error of the store stops the visit and
  // is returned. All lines, whatever their findings (the care rules read them).
  virtual Status ForEachDeclaration(
      const std::function<void(const Declaration&)>& visit) const = 0;
  virtual Result<std::vector<CostItem>> LoadFixedCosts() const = 0;
  virtual Result<std::vector<CostItem>> LoadLocalCosts() const = 0;

  // Aggregates over declarations (credits subtract), ordered by municipality, year,
  // bucket. Only the years in [first, last] when given. The aggregates below count
  // only the lines without an `afgewezen` finding (the gate of the care rules, issue
  // 12): a rejected line is no one's own use; `signaal` lines count.
  virtual Result<std::vector<UseRow>> UseByMunicipalityYearBucket(
      int first = 0, int last = 9999) const = 0;
  // The same over all buckets: one row per municipality and year (bucket "").
  virtual Result<std::vector<UseRow>> UseByMunicipalityYear() const = 0;
  // Per-client costs of every year, or only of the years in [first, last].
  virtual Result<std::vector<ClientYearCost>> ClientYearCosts(int first = 0,
                                                              int last = 9999) const = 0;
  // Cost and volume per assignment and month, for the months >= `from_month` (a
  // MonthIndex; 0 = all), visited in order of assignment and month: one call of `visit`
  // per assignment-month, streaming (about a million on a region's history, so
  // nothing is gathered in between). An error of the store stops the visit and is
  // returned.
  virtual Status ForEachAssignmentMonth(
      int from_month,
      const std::function<void(const AssignmentMonthUse&)>& visit) const = 0;

  // Puts one value by its natural key: added when new, unchanged when stored with the
  // same content, otherwise as `mode` says. A value the database refuses (a reference
  // that does not exist) is an error. Natural keys: municipality code; municipality,
  // year and key; agb; category and code; category, code, year and agb; agb, year and
  // lot; team and year; client and begin; number; assignment, start and number; a cost
  // item's municipality (empty: a regional fixed cost), year and bucket.
  virtual Result<PutOutcome> Put(const Municipality& m, PutMode mode) = 0;
  virtual Result<PutOutcome> Put(const MunicipalityKey& k, PutMode mode) = 0;
  virtual Result<PutOutcome> Put(const Provider& p, PutMode mode) = 0;
  virtual Result<PutOutcome> Put(const Product& p, PutMode mode) = 0;
  virtual Result<PutOutcome> Put(const Tariff& t, PutMode mode) = 0;
  virtual Result<PutOutcome> Put(const Contract& c, PutMode mode) = 0;
  virtual Result<PutOutcome> Put(const YouthTeam& t, PutMode mode) = 0;
  virtual Result<PutOutcome> Put(const ClientResidence& c, PutMode mode) = 0;
  virtual Result<PutOutcome> Put(const Assignment& a, PutMode mode) = 0;
  virtual Result<PutOutcome> Put(const Declaration& d, PutMode mode) = 0;
  virtual Result<PutOutcome> Put(const CostItem& c, PutMode mode) = 0;
  // The review committee's decisions (toetsingen.csv), one per assignment.
  virtual Result<PutOutcome> Put(const ReviewDecision& r, PutMode mode) = 0;
  virtual Result<std::vector<ReviewDecision>> LoadReviewDecisions() const = 0;
  // Removes the declaration line (assignment, start, number) and its findings: a line
  // a corrected declaration (`import --replace`) no longer has. The default fails
  // (Dutch).
  virtual Status DeleteDeclaration(const std::string& assignment, Date start,
                                   const std::string& number);

  // API tokens: added with the current time as `created` (the given one is ignored);
  // loaded oldest first.
  virtual Status AddToken(const StoredToken& token) = 0;
  virtual Result<std::vector<StoredToken>> LoadTokens() const = 0;
  // Removes the token with `hash` (revoked); the number removed (0 or 1). The default
  // fails (Dutch): a backend without it cannot revoke.
  virtual Result<int64_t> DeleteToken(const std::string& hash);

  // A consistent copy of the whole database in a new private file (mode 0600) at
  // `out_path`, made while others may read and write (SQLite's online backup). The
  // default fails (Dutch): only an SQLite store is backed up this way.
  virtual Status BackupTo(const std::string& out_path) const;

  // Findings of the care rules, per declaration line and rule. Put replaces a finding
  // with the same line, rule and code; Load returns them by line, rule and code.
  virtual Status PutFindings(const std::vector<Finding>& findings) = 0;
  virtual Result<std::vector<Finding>> LoadFindings() const = 0;
  virtual Status ClearFindings() = 0;
  // Deletes the findings of the lines whose first day lies in [first_year,
  // last_year] and puts `findings` (the decisions of `jeugdregio check` for those
  // years). Call it inside a Transaction so readers never see half of it.
  virtual Status ReplaceFindings(int first_year, int last_year,
                                 const std::vector<Finding>& findings) = 0;

  // iJw messages (issue 13), by natural key: a message by kind, sender and
  // identification; a JW323 line by message and line; a care period by assignment and
  // start. Putting a care period whose stored end is empty with an end sets the end
  // (added); one with an end without one leaves it (unchanged). Loaded in key order. The
  // defaults refuse: a backend that does not keep iJw messages says so.
  virtual Result<PutOutcome> Put(const IjwMessage& m, PutMode mode);
  virtual Result<PutOutcome> Put(const IjwLine& l, PutMode mode);
  // Deletes the lines of `message` after line `last` (a message replaced by one with
  // fewer Prestaties: its old lines past the new end are not part of it any more).
  virtual Status DeleteIjwLinesAfter(const std::string& message, int64_t last);
  virtual Result<PutOutcome> Put(const CarePeriod& p, PutMode mode);
  virtual Result<std::vector<IjwMessage>> LoadIjwMessages() const;
  virtual Result<std::vector<IjwLine>> LoadIjwLines() const;
  // The lines of one message, in line order (none for an unknown message).
  virtual Result<std::vector<IjwLine>> LoadIjwLines(const std::string& message) const;
  virtual Result<std::vector<CarePeriod>> LoadCarePeriods() const;
  // True when the backend keeps iJw messages (the methods above do not refuse).
  virtual bool KeepsIjw() const { return false; }

  // Free-form facts about the data set, e.g. "dataset" = "demoregio, synthetische
  // gegevens". Get returns "" when unset.
  virtual std::string GetMeta(const std::string& key) const = 0;
  virtual Status SetMeta(const std::string& key, const std::string& value) = 0;

  // Row count of a table (for tests and progress lines), e.g. "declaration".
  virtual int64_t Count(const std::string& table) const = 0;
  // Every stored row of every table as text, in a fixed order: equal dumps mean equal
  // contents (for tests).
  virtual Result<std::string> Dump() const = 0;

 protected:
  Store() = default;

 private:
  friend class Transaction;
  // One write transaction at a time; Begin fails (Dutch) when another writer holds the
  // database past the busy timeout.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;
};

// RAII write transaction: rolls back unless Commit() succeeded.
class Transaction {
 public:
  // Begins a transaction on `store`; the error of a failed begin (database busy) is
  // returned and nothing was started.
  static Result<Transaction> Begin(Store& store);
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Store& store) : store_(&store) {}
  Store* store_;
  bool done_ = false;
};

}  // namespace jr
