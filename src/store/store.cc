#include "store/store.h"

#include "store/sqlite/sqlite_store.h"

namespace jr {

Result<std::unique_ptr<Store>> Store::Open(const std::string& path_or_url,
                                           const StoreOptions& options) {
  if (path_or_url.starts_with("postgresql://") ||
      path_or_url.starts_with("postgres://")) {
    return Status::Error(
        "PostgreSQL wordt nog niet ondersteund; gebruik een databasebestand (SQLite)");
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
