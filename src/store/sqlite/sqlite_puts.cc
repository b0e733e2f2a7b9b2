// The Put methods of SqliteStore: each value becomes one row of its table, written by
// natural key through a KeyedTable.
#include <array>

#include "store/sqlite/sqlite_store.h"

namespace jr {
namespace {

struct TableSpec {
  const char* table;
  std::vector<KeyedTable::Col> cols;  // the natural key first
  size_t n_key;
};

enum TableIndex : size_t {
  kMunicipality,
  kKeyValue,
  kProvider,
  kProduct,
  kTariff,
  kContract,
  kYouthTeam,
  kClientResidence,
  kAssignment,
  kDeclaration,
  kFixedCost,
  kLocalCost,
  kTableCount
};

const std::array<TableSpec, kTableCount>& Specs() {
  static const std::array<TableSpec, kTableCount> kSpecs{{
      {"municipality",
       {{"code", "code"},
        {"name", "name"},
        {"subregion", "subregion"},
        {"begin_day", "begin"},
        {"end_day", "end"},
        {"successor", "successor"}},
       1},
      {"key_value",
       {{"municipality", "municipality"},
        {"year", "year"},
        {"key", "key"},
        {"value", "value"}},
       3},
      {"provider", {{"agb", "agb"}, {"name", "name"}}, 1},
      {"product",
       {{"category", "category"},
        {"code", "code"},
        {"description", "description"},
        {"unit", "unit"},
        {"bucket", "bucket"},
        {"care_class", "care_class"}},
       2},
      {"tariff",
       {{"category", "category"},
        {"code", "code"},
        {"year", "year"},
        {"agb", "agb"},
        {"per_unit_cents", "per_unit"}},
       4},
      {"contract",
       {{"agb", "agb"}, {"year", "year"}, {"lot", "lot"}, {"ceiling_cents", "ceiling"}},
       3},
      {"youth_team",
       {{"team", "team"},
        {"year", "year"},
        {"name", "name"},
        {"municipality", "municipality"},
        {"budget_cents", "budget"}},
       2},
      {"client_residence",
       {{"client", "client"},
        {"begin_day", "begin"},
        {"birth_month", "birth"},
        {"municipality", "municipality"}},
       2},
      {"assignment",
       {{"number", "number"},
        {"client", "client"},
        {"municipality", "municipality"},
        {"agb", "agb"},
        {"category", "category"},
        {"product_code", "product_code"},
        {"volume_x100", "volume"},
        {"unit", "unit"},
        {"frequency", "frequency"},
        {"start_day", "start"},
        {"end_day", "end"},
        {"route", "route"},
        {"team", "team"},
        {"predecessor", "predecessor"},
        {"budget_cents", "budget"}},
       1},
      {"declaration",
       {{"assignment", "assignment"},
        {"start_day", "start"},
        {"number", "number"},
        {"end_day", "end"},
        {"year", "start"},
        {"agb", "agb"},
        {"category", "category"},
        {"product_code", "product_code"},
        {"volume_x100", "volume"},
        {"unit", "unit"},
        {"tariff_cents", "tariff"},
        {"amount_cents", "amount"}},
       3},
      {"fixed_cost",
       {{"year", "year"}, {"bucket", "bucket"}, {"amount_cents", "amount"}},
       2},
      {"local_cost",
       {{"municipality", "municipality"},
        {"year", "year"},
        {"bucket", "bucket"},
        {"amount_cents", "amount"}},
       3},
  }};
  return kSpecs;
}

int64_t I(int v) { return v; }
int64_t Day(Date d) { return DayNumber(d); }
SqlValue Opt(const std::optional<Money>& m) {
  return m ? SqlValue(m->cents()) : SqlValue(std::monostate{});
}
SqlValue Opt(const std::optional<Date>& d) {
  return d ? SqlValue(Day(*d)) : SqlValue(std::monostate{});
}
// Empty text is stored as NULL (an optional reference).
SqlValue OrNull(const std::string& s) {
  return s.empty() ? SqlValue(std::monostate{}) : SqlValue(s);
}

}  // namespace

KeyedTable& SqliteStore::Table(size_t index) {
  if (tables_.empty()) tables_.resize(kTableCount);
  if (!tables_[index]) {
    const TableSpec& spec = Specs()[index];
    tables_[index] = std::make_unique<KeyedTable>(db_, spec.table, spec.cols, spec.n_key);
  }
  return *tables_[index];
}

Result<PutOutcome> SqliteStore::PutRow(size_t table, PutMode mode) {
  return Table(table).Put(row_, mode);
}

Result<PutOutcome> SqliteStore::Put(const Municipality& m, PutMode mode) {
  row_ = {m.code, m.name, m.subregion, Day(m.begin), Opt(m.end), OrNull(m.successor)};
  return PutRow(kMunicipality, mode);
}

Result<PutOutcome> SqliteStore::Put(const MunicipalityKey& k, PutMode mode) {
  row_ = {k.municipality, I(k.year), k.key, k.value};
  return PutRow(kKeyValue, mode);
}

Result<PutOutcome> SqliteStore::Put(const Provider& p, PutMode mode) {
  row_ = {p.agb, p.name};
  return PutRow(kProvider, mode);
}

Result<PutOutcome> SqliteStore::Put(const Product& p, PutMode mode) {
  row_ = {p.category,    p.code,
          p.description, I(static_cast<int>(p.unit)),
          p.bucket,      std::string(CareClassName(p.care_class))};
  return PutRow(kProduct, mode);
}

Result<PutOutcome> SqliteStore::Put(const Tariff& t, PutMode mode) {
  row_ = {t.category, t.code, I(t.year), t.agb, t.per_unit.cents()};
  return PutRow(kTariff, mode);
}

Result<PutOutcome> SqliteStore::Put(const Contract& c, PutMode mode) {
  row_ = {c.agb, I(c.year), c.lot, Opt(c.ceiling)};
  return PutRow(kContract, mode);
}

Result<PutOutcome> SqliteStore::Put(const YouthTeam& t, PutMode mode) {
  row_ = {t.team, I(t.year), t.name, t.municipality, Opt(t.budget)};
  return PutRow(kYouthTeam, mode);
}

Result<PutOutcome> SqliteStore::Put(const ClientResidence& c, PutMode mode) {
  row_ = {c.client, Day(c.begin), I(MonthIndex(c.birth)), c.municipality};
  return PutRow(kClientResidence, mode);
}

Result<PutOutcome> SqliteStore::Put(const Assignment& a, PutMode mode) {
  row_ = {a.number,
          a.client,
          a.municipality,
          a.agb,
          a.category,
          a.product_code,
          a.volume.hundredths,
          I(static_cast<int>(a.unit)),
          I(static_cast<int>(a.frequency)),
          Day(a.start),
          Opt(a.end),
          std::string(RouteName(a.route)),
          a.team,
          a.predecessor,
          Opt(a.budget)};
  return PutRow(kAssignment, mode);
}

Result<PutOutcome> SqliteStore::Put(const Declaration& d, PutMode mode) {
  row_ = {d.assignment,
          Day(d.start),
          d.number,
          Day(d.end),
          I(static_cast<int>(d.start.year())),
          d.agb,
          d.category,
          d.product_code,
          d.volume.hundredths,
          I(static_cast<int>(d.unit)),
          Opt(d.tariff),
          d.amount.cents()};
  return PutRow(kDeclaration, mode);
}

Status SqliteStore::DeleteDeclaration(const std::string& assignment, Date start,
                                      const std::string& number) {
  for (const char* sql :
       {"DELETE FROM finding WHERE assignment = ? AND start_day = ? AND declaration = ?",
        "DELETE FROM declaration WHERE assignment = ? AND start_day = ? AND number = "
        "?"}) {
    Statement del(db_, sql);
    del.Bind(1, assignment)
        .Bind(2, static_cast<int64_t>(DayNumber(start)))
        .Bind(3, number);
    Status s = del.Run();
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Result<PutOutcome> SqliteStore::Put(const CostItem& c, PutMode mode) {
  if (c.municipality.empty()) {
    row_ = {I(c.year), c.bucket, c.amount.cents()};
    return PutRow(kFixedCost, mode);
  }
  row_ = {c.municipality, I(c.year), c.bucket, c.amount.cents()};
  return PutRow(kLocalCost, mode);
}

}  // namespace jr
