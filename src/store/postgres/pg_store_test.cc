// Tests of what is particular to the PostgreSQL store, on a real server
// (tests/with_postgres.sh; skipped when JEUGDREGIO_TEST_PG is unset): declarations
// buffered for COPY keep exact outcomes, two writers never lose rows, regions stay
// apart, and the address rules.
#include "store/postgres/pg_store.h"

#include <gtest/gtest.h>

#include <thread>

#include "store/postgres/pg_test_schema.h"
#include "store/postgres/pg_url.h"

namespace jr {
namespace {

Date D(int y, unsigned m, unsigned d) {
  return std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d);
}

class PgStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    schema_ = std::make_unique<PgTestSchema>(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    if (!schema_->available()) {
      GTEST_SKIP() << "JEUGDREGIO_TEST_PG is niet gezet: PostgreSQL-test overgeslagen "
                      "(draai via tests/with_postgres.sh)";
    }
    store_ = Open(schema_->url());
  }
  std::unique_ptr<Store> Open(const std::string& url, int busy_timeout_ms = 5000) {
    StoreOptions options;
    options.busy_timeout_ms = busy_timeout_ms;
    auto s = Store::Open(url, options);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s).value() : nullptr;
  }
  // GM0505, provider 12345678, product 45/45A10 and assignments T0..T<n-1>.
  static void PutReferences(Store& store, int assignments) {
    ASSERT_TRUE(store
                    .Put(Municipality{"GM0505", "Dordrecht", "", D(2015, 1, 1)},
                         PutMode::kRefuseChanged)
                    .ok());
    ASSERT_TRUE(store.Put(Provider{"12345678", "A"}, PutMode::kRefuseChanged).ok());
    ASSERT_TRUE(store
                    .Put(Product{"45", "45A10", "Ambulant", Unit::kHour, "ambulant"},
                         PutMode::kRefuseChanged)
                    .ok());
    for (int i = 0; i < assignments; ++i) {
      Assignment a;
      a.number = "T" + std::to_string(i);
      a.client = "P" + std::to_string(i);
      a.municipality = "GM0505";
      a.agb = "12345678";
      a.category = "45";
      a.product_code = "45A10";
      a.start = D(2021, 1, 1);
      ASSERT_TRUE(store.Put(a, PutMode::kRefuseChanged).ok());
    }
  }
  static Declaration Decl(const std::string& assignment, const std::string& number,
                          Date start, int64_t cents) {
    return {number,
            assignment,
            "12345678",
            "45",
            "45A10",
            start,
            start,
            Volume{100},
            Unit::kHour,
            std::nullopt,
            Money::FromCents(cents)};
  }

  std::unique_ptr<PgTestSchema> schema_;
  std::unique_ptr<Store> store_;
};

TEST_F(PgStoreTest, DeclarationsInATransactionKeepExactOutcomes) {
  PutReferences(*store_, 2);
  ASSERT_TRUE(store_->Put(Decl("T0", "D1", D(2021, 1, 4), 1000), PutMode::kRefuseChanged)
                  .ok());  // stored before the transaction
  auto tx = Transaction::Begin(*store_);
  ASSERT_TRUE(tx.ok());
  auto put = [&](const Declaration& d, PutMode mode = PutMode::kRefuseChanged) {
    auto r = store_->Put(d, mode);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : PutOutcome{};
  };
  EXPECT_EQ(put(Decl("T0", "D1", D(2021, 1, 4), 1000)).kind, PutOutcome::kUnchanged);
  PutOutcome stored_conflict = put(Decl("T0", "D1", D(2021, 1, 4), 1001));
  EXPECT_EQ(stored_conflict.kind, PutOutcome::kConflict);
  EXPECT_EQ(stored_conflict.field, "amount");
  EXPECT_EQ(stored_conflict.stored, "1000");
  EXPECT_EQ(stored_conflict.given, "1001");
  EXPECT_EQ(put(Decl("T0", "D2", D(2021, 2, 1), 200)).kind, PutOutcome::kAdded);
  EXPECT_EQ(put(Decl("T1", "D2", D(2021, 2, 1), 300)).kind, PutOutcome::kAdded);
  // The same key again while it waits for COPY: compared with the waiting row.
  EXPECT_EQ(put(Decl("T0", "D2", D(2021, 2, 1), 200)).kind, PutOutcome::kUnchanged);
  PutOutcome pending_conflict = put(Decl("T0", "D2", D(2021, 2, 1), 250));
  EXPECT_EQ(pending_conflict.kind, PutOutcome::kConflict);
  EXPECT_EQ(pending_conflict.field, "amount");
  EXPECT_EQ(pending_conflict.stored, "200");
  EXPECT_EQ(put(Decl("T0", "D2", D(2021, 2, 1), 250), PutMode::kReplace).kind,
            PutOutcome::kReplaced);
  // A reference that does not exist is refused by the database, as outside.
  auto unknown = store_->Put(Decl("T9", "D1", D(2021, 1, 4), 5), PutMode::kRefuseChanged);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("FOREIGN KEY"), std::string::npos);
}

// Every table is buffered for COPY inside a transaction (issue 17): exact outcomes for
// stored and waiting keys, parents written before the rows that refer to them (more
// than one COPY part of assignments after their municipality, provider and product),
// and a FOREIGN KEY the database refuses fails the transaction as a whole.
TEST_F(PgStoreTest, EveryTableIsBufferedWithExactOutcomesAndParentsFirst) {
  ASSERT_TRUE(
      store_->Put(Provider{"11111111", "Bestaand"}, PutMode::kRefuseChanged).ok());
  {
    auto tx = Transaction::Begin(*store_);
    ASSERT_TRUE(tx.ok());
    EXPECT_EQ(
        store_->Put(Provider{"11111111", "Bestaand"}, PutMode::kRefuseChanged)->kind,
        PutOutcome::kUnchanged);
    auto stored = store_->Put(Provider{"11111111", "Anders"}, PutMode::kRefuseChanged);
    ASSERT_TRUE(stored.ok()) << stored.status().ToString();
    EXPECT_EQ(stored->kind, PutOutcome::kConflict);
    EXPECT_EQ(stored->stored, "Bestaand");
    PutReferences(*store_, 6000);  // municipality, provider, product, assignments
    ClientResidence c{"P1", std::chrono::year(2010) / std::chrono::March, "GM0505",
                      D(2015, 1, 1)};
    EXPECT_EQ(store_->Put(c, PutMode::kRefuseChanged)->kind, PutOutcome::kAdded);
    EXPECT_EQ(store_->Put(c, PutMode::kRefuseChanged)->kind, PutOutcome::kUnchanged);
    ClientResidence moved = c;
    moved.municipality = "GM0606";
    auto waiting = store_->Put(moved, PutMode::kRefuseChanged);
    EXPECT_EQ(waiting->kind, PutOutcome::kConflict);
    EXPECT_EQ(waiting->field, "municipality");
    EXPECT_EQ(waiting->stored, "GM0505");
    EXPECT_EQ(
        store_->Put(Decl("T5999", "D1", D(2021, 1, 4), 100), PutMode::kRefuseChanged)
            ->kind,
        PutOutcome::kAdded);
    ASSERT_TRUE(tx.value().Commit().ok());
  }
  EXPECT_EQ(store_->Count("assignment"), 6000);
  EXPECT_EQ(store_->Count("client_residence"), 1);
  EXPECT_EQ(store_->Count("declaration"), 1);
  EXPECT_EQ(store_->Count("provider"), 2);
  auto clients = store_->LoadClients();
  ASSERT_TRUE(clients.ok());
  EXPECT_EQ((*clients)[0].municipality, "GM0505");
  {
    // A residence in a municipality that is not stored: the COPY is refused when it is
    // written, and nothing of the transaction stays.
    auto tx = Transaction::Begin(*store_);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(store_->Put(Provider{"22222222", "Nieuw"}, PutMode::kRefuseChanged).ok());
    ClientResidence lost{"P2", std::chrono::year(2011) / std::chrono::May, "GM9999",
                         D(2016, 1, 1)};
    auto put = store_->Put(lost, PutMode::kRefuseChanged);
    Status s = put.ok() ? tx.value().Commit() : put.status();
    EXPECT_FALSE(s.ok());
    EXPECT_NE(s.message().find("GM9999"), std::string::npos) << s.message();
  }
  EXPECT_EQ(store_->Count("client_residence"), 1);
  EXPECT_EQ(store_->Count("provider"), 2);
}

// declaration.assignment has no FOREIGN KEY on PostgreSQL (pg_schema.cc): the store
// refuses a declaration for an assignment that is not stored on every path.
TEST_F(PgStoreTest, ADeclarationForAnUnknownAssignmentIsRefusedOnEveryPath) {
  PutReferences(*store_, 1);
  auto refused = [&](const Declaration& d) {
    auto r = store_->Put(d, PutMode::kRefuseChanged);
    return !r.ok() && r.status().message().find("FOREIGN KEY") != std::string::npos;
  };
  // Outside a transaction (one statement per row).
  EXPECT_TRUE(refused(Decl("T9", "D1", D(2021, 1, 4), 5)));
  EXPECT_EQ(store_->Count("declaration"), 0);
  auto other = Open(schema_->url());  // opened before the transaction below
  ASSERT_TRUE(other);
  {
    // Inside one (COPY), after a buffered row and before its COPY.
    auto tx = Transaction::Begin(*store_);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(
        store_->Put(Decl("T0", "D1", D(2021, 1, 4), 5), PutMode::kRefuseChanged).ok());
    EXPECT_TRUE(refused(Decl("T9", "D2", D(2021, 1, 4), 5)));
    // An assignment committed by another connection after the batch started is
    // found by the database (one statement, no FOREIGN KEY needed).
    Assignment late;
    late.number = "T5";
    late.client = "P5";
    late.municipality = "GM0505";
    late.agb = "12345678";
    late.category = "45";
    late.product_code = "45A10";
    late.start = D(2021, 1, 1);
    ASSERT_TRUE(other->Put(late, PutMode::kRefuseChanged).ok());
    auto added = store_->Put(Decl("T5", "D3", D(2021, 1, 4), 5), PutMode::kRefuseChanged);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
    EXPECT_EQ(added->kind, PutOutcome::kAdded);
    // An assignment put in this transaction is known to its batch.
    late.number = "T6";
    ASSERT_TRUE(store_->Put(late, PutMode::kRefuseChanged).ok());
    ASSERT_TRUE(
        store_->Put(Decl("T6", "D4", D(2021, 1, 4), 5), PutMode::kRefuseChanged).ok());
    ASSERT_TRUE(tx.value().Commit().ok());
  }
  EXPECT_EQ(store_->Count("declaration"), 3);  // D1, D3, D4; never D2
  {
    // An assignment of a transaction that was rolled back is unknown again.
    auto tx = Transaction::Begin(*store_);
    ASSERT_TRUE(tx.ok());
    Assignment gone = Assignment{};
    gone.number = "T7";
    gone.client = "P7";
    gone.municipality = "GM0505";
    gone.agb = "12345678";
    gone.category = "45";
    gone.product_code = "45A10";
    gone.start = D(2021, 1, 1);
    ASSERT_TRUE(store_->Put(gone, PutMode::kRefuseChanged).ok());
  }
  {
    auto tx = Transaction::Begin(*store_);
    ASSERT_TRUE(tx.ok());
    EXPECT_TRUE(refused(Decl("T7", "D5", D(2021, 1, 4), 5)));
    ASSERT_TRUE(tx.value().Commit().ok());
  }
  EXPECT_EQ(store_->Count("declaration"), 3);
  EXPECT_EQ(store_->Count("assignment"), 3);  // T0, T5, T6
}

TEST_F(PgStoreTest, BufferedDeclarationsAreReadAndCommittedOrRolledBack) {
  PutReferences(*store_, 1);
  {
    auto tx = Transaction::Begin(*store_);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(
        store_->Put(Decl("T0", "D1", D(2021, 1, 4), 7), PutMode::kRefuseChanged).ok());
    EXPECT_EQ(store_->Count("declaration"), 1);  // written before it is read
  }
  EXPECT_EQ(store_->Count("declaration"), 0);  // rolled back
  {
    auto tx = Transaction::Begin(*store_);
    ASSERT_TRUE(tx.ok());
    for (int i = 0; i < 60000; ++i) {  // more than one COPY
      auto r = store_->Put(Decl("T0", "D" + std::to_string(i), D(2021, 1, 4), 1),
                           PutMode::kRefuseChanged);
      ASSERT_TRUE(r.ok() && r->kind == PutOutcome::kAdded) << i;
    }
    ASSERT_TRUE(tx.value().Commit().ok());
  }
  auto years = store_->UseByMunicipalityYear();
  ASSERT_TRUE(years.ok());
  ASSERT_EQ(years->size(), 1u);
  EXPECT_EQ((*years)[0].cost.cents(), 60000);
}

TEST_F(PgStoreTest, TwoConcurrentWritersLoseNoRowsAndReadersDoNotWait) {
  PutReferences(*store_, 2);
  // Two "imports" at once, each in its own transaction on its own connection: 5000
  // declarations each, 100 of them the same line in both (stored once, unchanged for
  // the one that comes second).
  int64_t added[2] = {0, 0}, unchanged[2] = {0, 0};
  bool ok[2] = {false, false};
  auto import = [&](int w) {
    auto store = Open(schema_->url(), /*busy_timeout_ms=*/60000);
    if (!store) return;
    auto tx = Transaction::Begin(*store);
    if (!tx.ok()) return;
    for (int i = 0; i < 5000; ++i) {
      bool shared = i < 100;
      Declaration d =
          Decl(shared ? "T0" : "T" + std::to_string(w),
               (shared ? "S" : "W" + std::to_string(w) + "_") + std::to_string(i),
               D(2021, 3, 1), 10);
      auto r = store->Put(d, PutMode::kRefuseChanged);
      if (!r.ok()) return;
      (r->kind == PutOutcome::kAdded ? added : unchanged)[w]++;
    }
    ok[w] = tx.value().Commit().ok();
  };
  std::thread a(import, 0), b(import, 1);
  // A reader meanwhile (serve): answers from what is committed, without waiting.
  auto reader = Open(schema_->url(), /*busy_timeout_ms=*/0);
  EXPECT_TRUE(reader->UseByMunicipalityYear().ok());
  a.join();
  b.join();
  ASSERT_TRUE(ok[0] && ok[1]);
  EXPECT_EQ(added[0] + added[1], 100 + 2 * 4900);
  EXPECT_EQ(unchanged[0] + unchanged[1], 100);
  EXPECT_EQ(store_->Count("declaration"), 100 + 2 * 4900);
}

TEST_F(PgStoreTest, RegionsOnOneServerStayApart) {
  PutReferences(*store_, 1);
  ASSERT_TRUE(store_->SetMeta("dataset", "regio A").ok());
  PgTestSchema other("other_region");
  auto b = Open(other.url());
  ASSERT_TRUE(b);
  EXPECT_EQ(b->Count("municipality"), 0);
  EXPECT_EQ(b->Count("assignment"), 0);
  EXPECT_TRUE(b->LoadRegion()->municipalities().empty());
  EXPECT_EQ(b->GetMeta("dataset"), "");
  ASSERT_TRUE(b->Put(Provider{"12345678", "B"}, PutMode::kRefuseChanged).ok());
  EXPECT_EQ((*store_->LoadProviders())[0].name, "A");  // the same key, its own row
  // One writer per region: region B writes while A's transaction is open.
  auto tx = Transaction::Begin(*store_);
  ASSERT_TRUE(tx.ok());
  StoreOptions quick;
  quick.busy_timeout_ms = 50;
  auto b2 = Store::Open(other.url(), quick);
  ASSERT_TRUE(b2.ok());
  EXPECT_TRUE(Transaction::Begin(*b2.value()).ok());
}

TEST_F(PgStoreTest, OpeningAMissingOrForeignSchemaIsRefused) {
  PgTestSchema missing("missing_region");
  StoreOptions existing;
  existing.create = false;
  auto none = Store::Open(missing.url(), existing);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("bestaat niet"), std::string::npos);
  PgTestSchema foreign("foreign_tables");
  ASSERT_TRUE(foreign
                  .Exec("CREATE SCHEMA " + foreign.schema() + "; CREATE TABLE " +
                        foreign.schema() + ".klant (id integer)")
                  .ok());
  auto bad = Store::Open(foreign.url());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("geen jeugdregio-database"), std::string::npos);
  EXPECT_EQ(store_->SchemaVersion(), PgStore::LatestSchemaVersion());
  EXPECT_EQ(PgStore::LatestSchemaVersion(), 9);  // the same versions as SQLite
}

TEST(PgUrlTest, SchemaIsOursTheRestIsLibpqs) {
  auto a =
      ParsePgUrl("postgresql://jr@db.example.nl:5433/regios?schema=zhz&sslmode=require");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->schema, "zhz");
  EXPECT_EQ(a->conninfo, "postgresql://jr@db.example.nl:5433/regios?sslmode=require");
  auto plain = ParsePgUrl("postgres://localhost/zhz");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->schema, "");
  EXPECT_EQ(plain->conninfo, "postgres://localhost/zhz");
  EXPECT_FALSE(ParsePgUrl("postgresql://localhost/r?schema=Regio;drop").ok());
  auto secret = ParsePgUrl("postgresql://jr:geheim@localhost/r");
  ASSERT_FALSE(secret.ok());
  EXPECT_EQ(secret.status().ToString().find("geheim"), std::string::npos);
}

}  // namespace
}  // namespace jr
