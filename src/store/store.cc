#include "store/store.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "store/schema.h"
#include "store/statement.h"

namespace jr {
namespace {

// PRAGMA application_id of a jeugdregio database ("JRDB").
constexpr int kApplicationId = 0x4A524442;

Date Day(int64_t n) { return FromDayNumber(static_cast<int>(n)); }
std::optional<Date> OptDay(const Statement& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  return Day(s.Int(col));
}
std::optional<Money> OptMoney(const Statement& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  return Money::FromCents(s.Int(col));
}

// Runs `s` to the end, turning each row into a T with `row(s)`.
template <typename T, typename RowFn>
Result<std::vector<T>> Collect(Statement& s, RowFn row) {
  std::vector<T> out;
  while (s.Step()) out.push_back(row(s));
  if (!s.status().ok()) return s.status();
  return out;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, bool create) {
  bool exists = std::filesystem::exists(path);
  if (!exists && !create) return Status::Error("database bestaat niet", {path});
  if (!exists) {
    // Create the file ourselves so it is private (0600) from the first byte; SQLite
    // gives its WAL and shared-memory files the same mode.
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) return Status::Error("database kan niet worden aangemaakt", {path});
    ::close(fd);
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "onbekende fout";
    sqlite3_close(db);
    return Status::Error(fmt::format("database kan niet worden geopend: {}", msg),
                         {path});
  }
  std::unique_ptr<Store> store(new Store(db, path));
  sqlite3_busy_timeout(db, 5000);
  Status s = store->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
      "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
  if (!s.ok()) {
    return Status::Error(fmt::format("geen geldige database: {}", s.message()), {path});
  }
  s = store->Migrate();
  if (!s.ok()) return s;
  return store;
}

Store::~Store() { sqlite3_close(db_); }

Status Store::Exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "onbekende fout";
    sqlite3_free(err);
    return Status::Error(fmt::format("databasefout: {}", msg), {path_});
  }
  return Status::Ok();
}

int Store::SchemaVersion() const {
  Statement s(db_, "PRAGMA user_version");
  return s.Step() ? static_cast<int>(s.Int(0)) : 0;
}

int Store::LatestSchemaVersion() { return static_cast<int>(SchemaMigrations().size()); }

Status Store::Migrate() {
  Statement app(db_, "PRAGMA application_id");
  int64_t id = app.Step() ? app.Int(0) : 0;
  int version = SchemaVersion();
  Statement tables(db_, "SELECT count(*) FROM sqlite_master");
  int64_t n_tables = tables.Step() ? tables.Int(0) : 0;
  if (id != kApplicationId && (n_tables > 0 || version > 0)) {
    return Status::Error("dit bestand is geen jeugdregio-database", {path_});
  }
  if (version > LatestSchemaVersion()) {
    return Status::Error(
        fmt::format(
            "database heeft schemaversie {}, deze versie van jeugdregio kent tot {}",
            version, LatestSchemaVersion()),
        {path_});
  }
  const auto& migrations = SchemaMigrations();
  for (int v = version; v < LatestSchemaVersion(); ++v) {
    Transaction tx(*this);
    Status s = Exec(migrations[v]);
    if (s.ok()) {
      s = Exec(fmt::format("PRAGMA application_id={}; PRAGMA user_version={};",
                           kApplicationId, v + 1));
    }
    if (s.ok()) s = tx.Commit();
    if (!s.ok()) {
      return Status::Error(
          fmt::format("migratie naar schemaversie {} mislukt: {}", v + 1, s.message()),
          {path_});
    }
  }
  return Status::Ok();
}

std::string Store::GetMeta(const std::string& key) const {
  Statement s(db_, "SELECT value FROM meta WHERE key = ?");
  s.Bind(1, key);
  return s.Step() ? s.Text(0) : "";
}

Status Store::SetMeta(const std::string& key, const std::string& value) {
  Statement s(db_,
              "INSERT INTO meta(key, value) VALUES(?, ?) "
              "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  s.Bind(1, key).Bind(2, value);
  return s.Run();
}

int64_t Store::Count(const std::string& table) const {
  Statement s(db_, "SELECT count(*) FROM " + table);
  return s.Step() ? s.Int(0) : 0;
}

Result<Region> Store::LoadRegion() const {
  Region region;
  Statement m(db_,
              "SELECT code, name, subregion, begin_day, end_day, coalesce(successor, '') "
              "FROM municipality ORDER BY code");
  while (m.Step()) {
    region.AddMunicipality(
        {m.Text(0), m.Text(1), m.Text(2), Day(m.Int(3)), OptDay(m, 4), m.Text(5)});
  }
  if (!m.status().ok()) return m.status();
  Statement k(db_, "SELECT municipality, year, key, value FROM key_value");
  while (k.Step()) {
    region.SetKey(k.Text(0), static_cast<int>(k.Int(1)), k.Text(2), k.Real(3));
  }
  if (!k.status().ok()) return k.status();
  return region;
}

Result<std::vector<Product>> Store::LoadProducts() const {
  Statement s(db_,
              "SELECT category, code, description, unit, bucket, care_class FROM product "
              "ORDER BY category, code");
  return Collect<Product>(s, [](const Statement& s) -> Product {
    return {s.Text(0), s.Text(1),
            s.Text(2), static_cast<Unit>(s.Int(3)),
            s.Text(4), CareClassFromName(s.Text(5)).value_or(CareClass::kCertain)};
  });
}

Result<std::vector<Tariff>> Store::LoadTariffs() const {
  Statement s(db_,
              "SELECT category, code, year, per_unit_cents, agb FROM tariff "
              "ORDER BY category, code, year, agb");
  return Collect<Tariff>(s, [](const Statement& s) -> Tariff {
    return {s.Text(0), s.Text(1), static_cast<int>(s.Int(2)), Money::FromCents(s.Int(3)),
            s.Text(4)};
  });
}

Result<std::vector<Provider>> Store::LoadProviders() const {
  Statement s(db_, "SELECT agb, name FROM provider ORDER BY agb");
  return Collect<Provider>(s, [](const Statement& s) -> Provider {
    return {s.Text(0), s.Text(1)};
  });
}

Result<std::vector<Contract>> Store::LoadContracts() const {
  Statement s(
      db_, "SELECT agb, year, lot, ceiling_cents FROM contract ORDER BY agb, year, lot");
  return Collect<Contract>(s, [](const Statement& s) -> Contract {
    return {s.Text(0), static_cast<int>(s.Int(1)), s.Text(2), OptMoney(s, 3)};
  });
}

Result<std::vector<YouthTeam>> Store::LoadYouthTeams() const {
  Statement s(db_,
              "SELECT team, name, municipality, year, budget_cents FROM youth_team "
              "ORDER BY team, year");
  return Collect<YouthTeam>(s, [](const Statement& s) -> YouthTeam {
    return {s.Text(0), s.Text(1), s.Text(2), static_cast<int>(s.Int(3)), OptMoney(s, 4)};
  });
}

Result<std::vector<ClientResidence>> Store::LoadClients() const {
  Statement s(db_,
              "SELECT client, birth_month, municipality, begin_day FROM client_residence "
              "ORDER BY client, begin_day");
  return Collect<ClientResidence>(s, [](const Statement& s) -> ClientResidence {
    return {s.Text(0), FromMonthIndex(static_cast<int>(s.Int(1))), s.Text(2),
            Day(s.Int(3))};
  });
}

Result<std::vector<Assignment>> Store::LoadAssignments() const {
  Statement s(
      db_,
      "SELECT number, client, municipality, agb, category, product_code, volume_x100,"
      " unit, frequency, start_day, end_day, route, team, predecessor, budget_cents "
      "FROM assignment ORDER BY number");
  return Collect<Assignment>(s, [](const Statement& s) {
    Assignment a;
    a.number = s.Text(0);
    a.client = s.Text(1);
    a.municipality = s.Text(2);
    a.agb = s.Text(3);
    a.category = s.Text(4);
    a.product_code = s.Text(5);
    a.volume = Volume{s.Int(6)};
    a.unit = static_cast<Unit>(s.Int(7));
    a.frequency = static_cast<Frequency>(s.Int(8));
    a.start = Day(s.Int(9));
    a.end = OptDay(s, 10);
    a.route = RouteFromName(s.Text(11)).value_or(Route::kUnknown);
    a.team = s.Text(12);
    a.predecessor = s.Text(13);
    a.budget = OptMoney(s, 14);
    return a;
  });
}

Result<std::vector<Declaration>> Store::LoadDeclarations() const {
  Statement s(
      db_,
      "SELECT number, assignment, agb, category, product_code, start_day, end_day,"
      " volume_x100, unit, tariff_cents, amount_cents FROM declaration "
      "ORDER BY assignment, start_day, number");
  return Collect<Declaration>(s, [](const Statement& s) -> Declaration {
    return {s.Text(0),
            s.Text(1),
            s.Text(2),
            s.Text(3),
            s.Text(4),
            Day(s.Int(5)),
            Day(s.Int(6)),
            Volume{s.Int(7)},
            static_cast<Unit>(s.Int(8)),
            OptMoney(s, 9),
            Money::FromCents(s.Int(10))};
  });
}


// Declarations summed per assignment and year first (in primary-key order), then joined:
// much cheaper than joining every declaration row.
#define JR_PER_ASSIGNMENT_YEAR                                                  \
  "(SELECT assignment, year, sum(amount_cents) AS cents FROM declaration "     \
  "GROUP BY assignment, year) d JOIN assignment a ON a.number = d.assignment "
// The same for the years [?1, ?2] only: other years are never grouped.
#define JR_PER_ASSIGNMENT_IN_YEARS                                              \
  "(SELECT assignment, year, sum(amount_cents) AS cents FROM declaration "     \
  "WHERE year BETWEEN ?1 AND ?2 GROUP BY assignment, year) d "                 \
  "JOIN assignment a ON a.number = d.assignment "

Result<std::vector<UseRow>> Store::UseByMunicipalityYearBucket(int first, int last) const {
  Statement s(db_,
              "SELECT a.municipality, d.year, p.bucket, sum(d.cents), count(DISTINCT a.client),"
              " count(*) FROM " JR_PER_ASSIGNMENT_IN_YEARS
              "JOIN product p ON p.category = a.category AND p.code = a.product_code "
              "GROUP BY a.municipality, d.year, p.bucket "
              "ORDER BY a.municipality, d.year, p.bucket");
  s.Bind(1, first).Bind(2, last);
  return Collect<UseRow>(s, [](const Statement& s) -> UseRow {
    return {s.Text(0), static_cast<int>(s.Int(1)), s.Text(2), Money::FromCents(s.Int(3)),
            s.Int(4), s.Int(5)};
  });
}

Result<std::vector<UseRow>> Store::UseByMunicipalityYear() const {
  Statement s(db_,
              "SELECT a.municipality, d.year, sum(d.cents), count(DISTINCT a.client), count(*) "
              "FROM " JR_PER_ASSIGNMENT_YEAR
              "GROUP BY a.municipality, d.year ORDER BY a.municipality, d.year");
  return Collect<UseRow>(s, [](const Statement& s) -> UseRow {
    return {s.Text(0), static_cast<int>(s.Int(1)), "", Money::FromCents(s.Int(2)), s.Int(3),
            s.Int(4)};
  });
}

Result<std::vector<ClientYearCost>> Store::ClientYearCosts(int first, int last) const {
  Statement s(db_,
              "SELECT a.client, a.municipality, d.year, p.bucket, sum(d.cents) "
              "FROM " JR_PER_ASSIGNMENT_IN_YEARS
              "JOIN product p ON p.category = a.category AND p.code = a.product_code "
              "GROUP BY a.client, a.municipality, d.year, p.bucket "
              "ORDER BY a.municipality, d.year, a.client, p.bucket");
  s.Bind(1, first).Bind(2, last);
  return Collect<ClientYearCost>(s, [](const Statement& s) -> ClientYearCost {
    return {s.Text(0), s.Text(1), static_cast<int>(s.Int(2)), s.Text(3),
            Money::FromCents(s.Int(4))};
  });
}

#undef JR_PER_ASSIGNMENT_YEAR

Result<std::vector<CostItem>> Store::LoadFixedCosts() const {
  Statement s(db_,
              "SELECT year, bucket, amount_cents FROM fixed_cost ORDER BY year, bucket");
  return Collect<CostItem>(s, [](const Statement& s) -> CostItem {
    return {"", static_cast<int>(s.Int(0)), s.Text(1), Money::FromCents(s.Int(2))};
  });
}

Result<std::vector<CostItem>> Store::LoadLocalCosts() const {
  Statement s(db_,
              "SELECT municipality, year, bucket, amount_cents FROM local_cost "
              "ORDER BY municipality, year, bucket");
  return Collect<CostItem>(s, [](const Statement& s) -> CostItem {
    return {s.Text(0), static_cast<int>(s.Int(1)), s.Text(2), Money::FromCents(s.Int(3))};
  });
}

Transaction::Transaction(Store& store) : store_(store) {
  Status s = store_.Exec("BEGIN IMMEDIATE");
  assert(s.ok() && "nested or failed transaction");
  (void)s;
}

Transaction::~Transaction() {
  if (!done_) (void)store_.Exec("ROLLBACK");
}

Status Transaction::Commit() {
  Status s = store_.Exec("COMMIT");
  done_ = s.ok();
  return s;
}

}  // namespace jr
