// TableRows: the tables of the Put methods, one place per table for every backend.
//
// Each value type that Store::Put takes becomes one row of one table: its spec names
// the columns (natural key first) with the member of the value type each one holds
// (for PutOutcome::field), and RowOf gives the row of a value in that column order.
// The SQLite and PostgreSQL stores both write these rows, so a new column is added
// here (and in each backend's migration) only.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "care/assignment.h"
#include "care/cost_item.h"
#include "care/ijw_message.h"
#include "care/product.h"
#include "care/provider.h"
#include "care/review_decision.h"
#include "region/municipality_key.h"
#include "region/region.h"
#include "store/store.h"

namespace jr {

// One value of a row: NULL, an integer, a real or a text.
using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;
using SqlRow = std::vector<SqlValue>;

// A value as PutOutcome shows it: "(leeg)" for NULL, integers in decimal, reals in
// their shortest exact form.
std::string ShowValue(const SqlValue& v);

struct TableColumn {
  const char* sql;    // column in the table
  const char* field;  // member of the value type, for PutOutcome::field
};

struct TableSpec {
  const char* table;
  std::vector<TableColumn> cols;  // the natural key first
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
  kIjwMessage,
  kIjwLine,
  kCarePeriod,
  kReviewDecision,
  kTableCount
};

const std::array<TableSpec, kTableCount>& TableSpecs();

// Putting `given` where `stored` has the same key (both full rows of `spec`):
// kUnchanged, or kConflict with the first differing column's field and both values.
PutOutcome CompareRows(const TableSpec& spec, const SqlRow& stored, const SqlRow& given);

// The row of a value, in the column order of its table's spec.
SqlRow RowOf(const Municipality& m);
SqlRow RowOf(const MunicipalityKey& k);
SqlRow RowOf(const Provider& p);
SqlRow RowOf(const Product& p);
SqlRow RowOf(const Tariff& t);
SqlRow RowOf(const Contract& c);
SqlRow RowOf(const YouthTeam& t);
SqlRow RowOf(const ClientResidence& c);
SqlRow RowOf(const Assignment& a);
SqlRow RowOf(const Declaration& d);
// A cost item without municipality is a regional fixed cost (kFixedCost), else a
// local cost (kLocalCost).
TableIndex TableOf(const CostItem& c);
SqlRow RowOf(const CostItem& c);
SqlRow RowOf(const IjwMessage& m);
SqlRow RowOf(const IjwLine& l);
SqlRow RowOf(const CarePeriod& p);

// Put of a care period (Store::Put(const CarePeriod&)) for every backend, on top of
// the backend's keyed put of a row of kCarePeriod: a period without end leaves a
// stored one as it is (unchanged); one with an end sets the end of a stored period
// that has none (added); anything else is an ordinary keyed put.
Result<PutOutcome> PutCarePeriod(
    const CarePeriod& p, PutMode mode,
    const std::function<Result<PutOutcome>(const SqlRow&, PutMode)>& put_row);
SqlRow RowOf(const ReviewDecision& r);

}  // namespace jr
