#include "store/table_rows.h"

#include <fmt/format.h>

namespace jr {
namespace {

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

std::string ShowValue(const SqlValue& v) {
  if (std::holds_alternative<std::monostate>(v)) return "(leeg)";
  if (auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  return std::get<std::string>(v);
}

PutOutcome CompareRows(const TableSpec& spec, const SqlRow& stored, const SqlRow& given) {
  for (size_t i = spec.n_key; i < spec.cols.size(); ++i) {
    if (stored[i] != given[i]) {
      return {PutOutcome::kConflict, spec.cols[i].field, ShowValue(stored[i]),
              ShowValue(given[i])};
    }
  }
  return {PutOutcome::kUnchanged, "", "", ""};
}

const std::array<TableSpec, kTableCount>& TableSpecs() {
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
      {"ijw_message",
       {{"kind", "kind"},
        {"sender", "sender"},
        {"identification", "identification"},
        {"receiver", "receiver"},
        {"day", "date"},
        {"declaration", "declaration"},
        {"total_cents", "total"},
        {"digest", "digest"},
        {"lines", "lines"}},
       3},
      {"ijw_line",
       {{"message", "message"},
        {"line", "line"},
        {"reference", "reference"},
        {"previous_reference", "previous_reference"},
        {"client", "client"},
        {"assignment", "assignment"},
        {"category", "category"},
        {"product_code", "product_code"},
        {"start_day", "start"},
        {"end_day", "end"},
        {"volume_x100", "volume"},
        {"unit", "unit"},
        {"tariff_cents", "tariff"},
        {"amount_cents", "amount"},
        {"stored", "stored"}},
       2},
      {"care_period",
       {{"assignment", "assignment"},
        {"start_day", "start"},
        {"end_day", "end"},
        {"reason", "reason"}},
       2},
      {"review_decision",
       {{"assignment", "assignment"},
        {"approved", "approved"},
        {"day", "date"},
        {"can_wait", "deferrable"}},
       1},
  }};
  return kSpecs;
}

SqlRow RowOf(const Municipality& m) {
  return {m.code, m.name, m.subregion, Day(m.begin), Opt(m.end), OrNull(m.successor)};
}

SqlRow RowOf(const MunicipalityKey& k) {
  return {k.municipality, I(k.year), k.key, k.value};
}

SqlRow RowOf(const Provider& p) { return {p.agb, p.name}; }

SqlRow RowOf(const Product& p) {
  return {p.category,    p.code,
          p.description, I(static_cast<int>(p.unit)),
          p.bucket,      std::string(CareClassName(p.care_class))};
}

SqlRow RowOf(const Tariff& t) {
  return {t.category, t.code, I(t.year), t.agb, t.per_unit.cents()};
}

SqlRow RowOf(const Contract& c) { return {c.agb, I(c.year), c.lot, Opt(c.ceiling)}; }

SqlRow RowOf(const YouthTeam& t) {
  return {t.team, I(t.year), t.name, t.municipality, Opt(t.budget)};
}

SqlRow RowOf(const ClientResidence& c) {
  return {c.client, Day(c.begin), I(MonthIndex(c.birth)), c.municipality};
}

SqlRow RowOf(const Assignment& a) {
  return {a.number,
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
}

SqlRow RowOf(const Declaration& d) {
  return {d.assignment,
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
}

TableIndex TableOf(const CostItem& c) {
  return c.municipality.empty() ? kFixedCost : kLocalCost;
}

SqlRow RowOf(const CostItem& c) {
  if (c.municipality.empty()) return {I(c.year), c.bucket, c.amount.cents()};
  return {c.municipality, I(c.year), c.bucket, c.amount.cents()};
}

SqlRow RowOf(const IjwMessage& m) {
  return {m.kind,        m.sender,        m.identification, m.receiver, Day(m.date),
          m.declaration, m.total.cents(), m.digest,         m.lines};
}

SqlRow RowOf(const IjwLine& l) {
  return {
      l.message,     l.line,           l.reference,         l.previous_reference,
      l.client,      l.assignment,     l.category,          l.product_code,
      Day(l.start),  Day(l.end),       l.volume.hundredths, I(static_cast<int>(l.unit)),
      Opt(l.tariff), l.amount.cents(), I(l.stored ? 1 : 0)};
}

SqlRow RowOf(const CarePeriod& p) {
  return {p.assignment, Day(p.start), Opt(p.end), p.reason};
}

Result<PutOutcome> PutCarePeriod(
    const CarePeriod& p, PutMode mode,
    const std::function<Result<PutOutcome>(const SqlRow&, PutMode)>& put_row) {
  const SqlRow row = RowOf(p);
  // Refused first: nothing is written until it is known what the stored period is.
  auto out = put_row(row, PutMode::kRefuseChanged);
  if (!out.ok() || out->kind != PutOutcome::kConflict) return out;
  // A JW305 (no end) after a JW307 of the same care changes nothing.
  if (!p.end) return PutOutcome{PutOutcome::kUnchanged};
  // A JW307 after its JW305 adds the end ("end" is the first column after the key, so
  // a stored period without end conflicts on it first).
  const bool adds_end = out->field == "end" && out->stored == ShowValue(SqlValue{});
  if (!adds_end && mode == PutMode::kRefuseChanged) return out;
  auto replaced = put_row(row, PutMode::kReplace);
  if (!replaced.ok() || !adds_end || replaced->kind != PutOutcome::kReplaced) {
    return replaced;
  }
  return PutOutcome{PutOutcome::kAdded};
}

}  // namespace jr

namespace jr {

SqlRow RowOf(const ReviewDecision& r) {
  return {r.assignment, I(r.approved ? 1 : 0), Day(r.date),
          r.deferrable ? SqlValue(I(*r.deferrable ? 1 : 0)) : SqlValue(std::monostate{})};
}

}  // namespace jr
