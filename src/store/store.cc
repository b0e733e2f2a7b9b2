#include "store/store.h"

#include "store/postgres/pg_store.h"
#include "store/postgres/pg_url.h"
#include "store/sqlite/sqlite_store.h"

namespace jr {

Result<std::unique_ptr<Store>> Store::Open(const std::string& path_or_url,
                                           const StoreOptions& options) {
  if (IsUrl(path_or_url)) {
    auto store = PgStore::Open(path_or_url, options);
    if (!store.ok()) return store.status();
    return std::unique_ptr<Store>(std::move(store).value());
  }
  auto store = SqliteStore::Open(path_or_url, options);
  if (!store.ok()) return store.status();
  return std::unique_ptr<Store>(std::move(store).value());
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path_or_url, bool create) {
  StoreOptions options;
  options.create = create;
  return Open(path_or_url, options);
}

bool Store::IsUrl(const std::string& path_or_url) { return IsPostgresUrl(path_or_url); }
Status Store::DeleteDeclaration(const std::string&, Date, const std::string&) {
  return Status::Error(
      "declaratieregels verwijderen wordt door deze database niet ondersteund");
}

Result<int64_t> Store::DeleteToken(const std::string&) {
  return Status::Error("tokens intrekken wordt door deze database niet ondersteund");
}

Status Store::BackupTo(const std::string&) const {
  return Status::Error(
      "een reservekopie met 'jeugdregio backup' kan alleen van een "
      "SQLite-databasebestand; "
      "gebruik voor PostgreSQL pg_dump");
}

Result<Transaction> Transaction::Begin(Store& store) {
  Status s = store.Begin();
  if (!s.ok()) return s;
  return Transaction(store);
}

Transaction::Transaction(Transaction&& other) noexcept
    : store_(other.store_), done_(other.done_) {
  other.done_ = true;
}

Transaction::~Transaction() {
  if (!done_) store_->Rollback();
}

Status Transaction::Commit() {
  Status s = store_->Commit();
  done_ = s.ok();
  return s;
}

}  // namespace jr

namespace jr {
namespace {
Status NoIjw() { return Status::Error("deze database bewaart geen iJw-berichten"); }
}  // namespace

Result<PutOutcome> Store::Put(const IjwMessage&, PutMode) { return NoIjw(); }
Result<PutOutcome> Store::Put(const IjwLine&, PutMode) { return NoIjw(); }
Status Store::DeleteIjwLinesAfter(const std::string&, int64_t) { return NoIjw(); }
Result<PutOutcome> Store::Put(const CarePeriod&, PutMode) { return NoIjw(); }
Result<std::vector<IjwMessage>> Store::LoadIjwMessages() const { return NoIjw(); }
Result<std::vector<IjwLine>> Store::LoadIjwLines() const { return NoIjw(); }
Result<std::vector<IjwLine>> Store::LoadIjwLines(const std::string&) const {
  return NoIjw();
}
Result<std::vector<CarePeriod>> Store::LoadCarePeriods() const { return NoIjw(); }

}  // namespace jr
