// The Put methods of PgStore: each value becomes one row of its table
// (store/table_rows.h), written by natural key; inside a transaction the rows of new
// keys of every table are buffered (PgStore::Batches) and written with COPY.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <functional>

#include "store/postgres/pg_store.h"

namespace jr {
namespace {

// Rows per part sent into the open COPY: the server writes one part while the client
// parses the next (two processes, two cores), so parts are small enough to overlap
// and large enough that the sends do not count. One COPY lasts until another
// statement is needed (Flush).
constexpr size_t kBatchRows = 5000;

std::optional<std::string> Param(const SqlValue& v) {
  if (std::holds_alternative<std::monostate>(v)) return std::nullopt;
  if (auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  return std::get<std::string>(v);
}

// A stored value as the same alternative as `like` (NULL stays NULL).
SqlValue Stored(const PgResult& r, int col, const SqlValue& like) {
  if (r.IsNull(0, col)) return std::monostate{};
  if (std::holds_alternative<int64_t>(like)) return r.Int(0, col);
  if (std::holds_alternative<double>(like)) return r.Real(0, col);
  return r.Text(0, col);
}

void AppendCopyValue(const SqlValue& v, std::string* out) {
  if (std::holds_alternative<std::monostate>(v)) {
    *out += "\\N";
  } else if (auto* i = std::get_if<int64_t>(&v)) {
    char buf[24];
    auto end = std::to_chars(buf, buf + sizeof buf, *i).ptr;
    out->append(buf, end);
  } else if (auto* d = std::get_if<double>(&v)) {
    *out += fmt::format("{}", *d);
  } else {
    AppendCopyText(std::get<std::string>(v), out);
  }
}

// The natural key of a row of `table` in COPY text, as COPY ... TO STDOUT writes it.
void KeyOf(size_t table, const SqlRow& row, std::string* key) {
  key->clear();
  for (size_t i = 0; i < TableSpecs()[table].n_key; ++i) {
    if (i) *key += '\t';
    AppendCopyValue(row[i], key);
  }
}

uint64_t KeyHash(std::string_view key) { return std::hash<std::string_view>()(key); }

struct Statements {
  std::string insert, select, update;
};

// The SQL of a table's keyed put, built once from its spec.
const Statements& StatementsOf(size_t table) {
  static const std::vector<Statements> kAll = [] {
    std::vector<Statements> all;
    for (const TableSpec& spec : TableSpecs()) {
      std::string names, marks, where, sets, values;
      for (size_t i = 0; i < spec.cols.size(); ++i) {
        const char* col = spec.cols[i].sql;
        names += fmt::format("{}{}", i ? "," : "", col);
        marks += fmt::format("{}${}", i ? "," : "", i + 1);
        if (i < spec.n_key) {
          where += fmt::format("{}{} = ${}", i ? " AND " : "", col, i + 1);
        } else {
          sets += fmt::format("{}{} = ${}", sets.empty() ? "" : ",", col, i + 1);
          values += fmt::format("{}{}", values.empty() ? "" : ",", col);
        }
      }
      all.push_back({fmt::format("INSERT INTO {}({}) VALUES({}) ON CONFLICT DO NOTHING",
                                 spec.table, names, marks),
                     fmt::format("SELECT {} FROM {} WHERE {}",
                                 values.empty() ? "1" : values, spec.table, where),
                     sets.empty() ? ""
                                  : fmt::format("UPDATE {} SET {} WHERE {}", spec.table,
                                                sets, where)});
    }
    return all;
  }();
  return kAll[table];
}

}  // namespace

Result<PutOutcome> PgStore::PutRow(size_t table, const SqlRow& row, PutMode mode) {
  const TableSpec& spec = TableSpecs()[table];
  const Statements& sql = StatementsOf(table);
  PgParams params;
  params.reserve(row.size());
  for (const SqlValue& v : row) params.push_back(Param(v));
  const std::string name = spec.table;
  auto inserted = conn_->QueryPrepared("ins_" + name, sql.insert, params);
  if (!inserted.ok()) return inserted.status();
  if (inserted->Changed() == 1) return PutOutcome{};
  PgParams key(params.begin(), params.begin() + static_cast<long>(spec.n_key));
  auto found = conn_->QueryPrepared("sel_" + name, sql.select, key);
  if (!found.ok()) return found.status();
  if (found->rows() != 1) {
    return Status::Error(fmt::format(
        "databasefout: rij in {} niet gevonden na een conflict op de sleutel", name));
  }
  SqlRow stored = row;
  for (size_t i = spec.n_key; i < row.size(); ++i) {
    stored[i] = Stored(*found, static_cast<int>(i - spec.n_key), row[i]);
  }
  PutOutcome out = CompareRows(spec, stored, row);
  if (out.kind == PutOutcome::kUnchanged || mode == PutMode::kRefuseChanged) return out;
  auto updated = conn_->QueryPrepared("upd_" + name, sql.update, params);
  if (!updated.ok()) return updated.status();
  return PutOutcome{PutOutcome::kReplaced, "", "", ""};
}

Status PgStore::StartBatch(size_t table) {
  // Rows put before are written first: the keys read now include them.
  Status s = Flush();
  const TableSpec& spec = TableSpecs()[table];
  // Other writers of the table wait until this transaction ends (readers do not), so
  // the keys read now stay the stored keys.
  if (s.ok()) {
    s = conn_->Exec(fmt::format("LOCK TABLE {} IN SHARE ROW EXCLUSIVE MODE", spec.table));
  }
  if (s.ok()) {
    std::string key;
    for (size_t i = 0; i < spec.n_key; ++i) {
      key += fmt::format("{}{}", i ? ", " : "", spec.cols[i].sql);
    }
    TableBatch& batch = batch_.tables[table];
    s = conn_->CopyOut(fmt::format("COPY (SELECT {} FROM {}) TO STDOUT", key, spec.table),
                       [&](std::string_view line) {
                         batch.stored.insert(KeyHash(line));
                         return true;
                       });
  }
  // The assignments stored now stay stored (none is ever deleted and a number is a
  // key that is never updated), so a declaration for one of them, or for one put in
  // this transaction, needs no check by the database (pg_schema.cc).
  if (s.ok() && table == kDeclaration && !batch_.assignments_ready) {
    s = conn_->CopyOut("COPY (SELECT number FROM assignment) TO STDOUT",
                       [&](std::string_view line) {
                         batch_.assignments.emplace(line);
                         return true;
                       });
    batch_.assignments_ready = s.ok();
  }
  if (!s.ok()) return s;
  batch_.tables[table].ready = true;
  return Status::Ok();
}

Status PgStore::CheckAssignment(const std::string& number) const {
  auto found = conn_->QueryPrepared(
      "chk_assignment", "SELECT 1 FROM assignment WHERE number = $1 FOR KEY SHARE",
      {number});
  if (!found.ok()) return found.status();
  if (found->rows() == 1) return Status::Ok();
  return Status::Error(fmt::format(
      "databasefout: FOREIGN KEY-verwijzing bestaat niet (declaratie bij toewijzing "
      "\"{}\", die niet is opgeslagen)",
      number));
}

Result<PutOutcome> PgStore::PutKeyed(size_t table, SqlRow row, PutMode mode) {
  if (!in_transaction_) {
    Status s = Flush();
    if (s.ok() && table == kDeclaration) {
      s = CheckAssignment(std::get<std::string>(row[0]));
    }
    if (!s.ok()) return s;
    return PutRow(table, row, mode);
  }
  TableBatch& batch = batch_.tables[table];
  if (!batch.ready) {
    Status s = StartBatch(table);
    if (!s.ok()) return s;
  }
  KeyOf(table, row, &key_);
  const uint64_t hash = KeyHash(key_);
  bool collides = false;
  if (auto pending = batch.pending_index.find(hash);
      pending != batch.pending_index.end()) {
    SqlRow& stored = batch.pending[pending->second];
    const TableSpec& spec = TableSpecs()[table];
    collides = !std::equal(row.begin(), row.begin() + static_cast<long>(spec.n_key),
                           stored.begin());
    if (!collides) {
      PutOutcome out = CompareRows(spec, stored, row);
      if (out.kind == PutOutcome::kUnchanged || mode == PutMode::kRefuseChanged) {
        return out;
      }
      stored = std::move(row);
      return PutOutcome{PutOutcome::kReplaced, "", "", ""};
    }
  }
  // A declaration's key begins with its assignment (COPY text, up to the first tab).
  const bool unknown_assignment =
      table == kDeclaration &&
      !batch_.assignments.count(std::string_view(key_).substr(0, key_.find('\t')));
  if (collides || batch.stored.count(hash) || unknown_assignment) {
    // Perhaps stored (or a hash that collides), or an assignment not known here
    // (committed by another writer since, or missing): the database answers.
    Status s = Flush();
    if (s.ok() && table == kDeclaration) {
      s = CheckAssignment(std::get<std::string>(row[0]));
    }
    if (!s.ok()) return s;
    return PutRow(table, row, mode);
  }
  if (table == kAssignment && batch_.assignments_ready) {
    std::string number;
    AppendCopyValue(row[0], &number);
    batch_.assignments.insert(std::move(number));
  }
  batch.pending_index.emplace(hash, batch.pending.size());
  batch.pending.push_back(std::move(row));
  if (batch.pending.size() >= kBatchRows) {
    Status s = SendPending(table);
    if (!s.ok()) return s;
  }
  return PutOutcome{};
}

Status PgStore::EndCopy(const char* abort_reason) const {
  if (batch_.copying < 0) return Status::Ok();
  batch_.copying = -1;
  return conn_->CopyEnd(abort_reason);
}

Status PgStore::SendPending(size_t table) const {
  for (size_t before = 0; before < table; ++before) {
    if (batch_.tables[before].pending.empty()) continue;
    Status s = SendPending(before);
    if (!s.ok()) return s;
  }
  TableBatch& batch = batch_.tables[table];
  if (batch.pending.empty()) return Status::Ok();
  std::string data;
  data.reserve(batch.pending.size() * 96);
  for (const SqlRow& row : batch.pending) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) data += '\t';
      AppendCopyValue(row[i], &data);
    }
    data += '\n';
  }
  if (batch_.copying != static_cast<int>(table)) {
    Status s = EndCopy();
    if (!s.ok()) return s;
    const TableSpec& spec = TableSpecs()[table];
    std::string names;
    for (const TableColumn& c : spec.cols) {
      names += fmt::format("{}{}", names.empty() ? "" : ",", c.sql);
    }
    s = conn_->CopyStart(fmt::format("COPY {} ({}) FROM STDIN", spec.table, names));
    if (!s.ok()) return s;
    batch_.copying = static_cast<int>(table);
  }
  Status s = conn_->CopySend(data);
  if (!s.ok()) return s;
  for (const auto& [hash, index] : batch.pending_index) batch.stored.insert(hash);
  batch.pending.clear();
  batch.pending_index.clear();
  return Status::Ok();
}

Status PgStore::Flush() const {
  Status s = Status::Ok();
  for (size_t table = 0; table < kTableCount && s.ok(); ++table) s = SendPending(table);
  Status end = EndCopy(s.ok() ? nullptr : "jeugdregio: verzenden mislukt");
  return s.ok() ? end : s;
}

Result<PutOutcome> PgStore::Put(const Municipality& m, PutMode mode) {
  return PutKeyed(kMunicipality, RowOf(m), mode);
}

Result<PutOutcome> PgStore::Put(const MunicipalityKey& k, PutMode mode) {
  return PutKeyed(kKeyValue, RowOf(k), mode);
}

Result<PutOutcome> PgStore::Put(const Provider& p, PutMode mode) {
  return PutKeyed(kProvider, RowOf(p), mode);
}

Result<PutOutcome> PgStore::Put(const Product& p, PutMode mode) {
  return PutKeyed(kProduct, RowOf(p), mode);
}

Result<PutOutcome> PgStore::Put(const Tariff& t, PutMode mode) {
  return PutKeyed(kTariff, RowOf(t), mode);
}

Result<PutOutcome> PgStore::Put(const Contract& c, PutMode mode) {
  return PutKeyed(kContract, RowOf(c), mode);
}

Result<PutOutcome> PgStore::Put(const YouthTeam& t, PutMode mode) {
  return PutKeyed(kYouthTeam, RowOf(t), mode);
}

Result<PutOutcome> PgStore::Put(const ClientResidence& c, PutMode mode) {
  return PutKeyed(kClientResidence, RowOf(c), mode);
}

Result<PutOutcome> PgStore::Put(const Assignment& a, PutMode mode) {
  return PutKeyed(kAssignment, RowOf(a), mode);
}

Result<PutOutcome> PgStore::Put(const Declaration& d, PutMode mode) {
  return PutKeyed(kDeclaration, RowOf(d), mode);
}

Result<PutOutcome> PgStore::Put(const CostItem& c, PutMode mode) {
  return PutKeyed(TableOf(c), RowOf(c), mode);
}

Result<PutOutcome> PgStore::Put(const IjwMessage& m, PutMode mode) {
  return PutKeyed(kIjwMessage, RowOf(m), mode);
}

Result<PutOutcome> PgStore::Put(const IjwLine& l, PutMode mode) {
  return PutKeyed(kIjwLine, RowOf(l), mode);
}

// A key deleted stays in its batch's set of stored keys: a later put of it asks the
// database, which adds it.
Status PgStore::DeleteIjwLinesAfter(const std::string& message, int64_t last) {
  Status s = Flush();
  if (!s.ok()) return s;
  auto r = conn_->Query("DELETE FROM ijw_line WHERE message = $1 AND line > $2",
                        {message, std::to_string(last)});
  return r.ok() ? Status::Ok() : r.status();
}

Result<PutOutcome> PgStore::Put(const CarePeriod& p, PutMode mode) {
  return PutCarePeriod(p, mode, [&](const SqlRow& row, PutMode m) {
    return PutKeyed(kCarePeriod, row, m);
  });
}

Result<PutOutcome> PgStore::Put(const ReviewDecision& r, PutMode mode) {
  Status s = Flush();
  if (!s.ok()) return s;
  return PutRow(kReviewDecision, RowOf(r), mode);
}

Status PgStore::DeleteDeclaration(const std::string& assignment, Date start,
                                  const std::string& number) {
  Status s = Flush();
  if (!s.ok()) return s;
  const std::string day = std::to_string(DayNumber(start));
  for (const char* sql :
       {"DELETE FROM finding WHERE assignment = $1 AND start_day = $2 AND declaration = "
        "$3",
        "DELETE FROM declaration WHERE assignment = $1 AND start_day = $2 AND number = "
        "$3"}) {
    auto r = conn_->Query(sql, {assignment, day, number});
    if (!r.ok()) return r.status();
  }
  // The key is no longer stored: a later Put of it in this transaction adds it.
  if (batch_.tables[kDeclaration].ready) {
    std::string line;
    AppendCopyText(assignment, &line);
    line += '\t';
    line += day;
    line += '\t';
    AppendCopyText(number, &line);
    batch_.tables[kDeclaration].stored.erase(KeyHash(line));
  }
  return Status::Ok();
}

}  // namespace jr
