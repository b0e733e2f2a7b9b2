#include "store/sqlite/keyed_table.h"

#include <fmt/format.h>

namespace jr {
namespace {

SqlValue Column(const Statement& s, int col, const SqlValue& like) {
  if (s.IsNull(col)) return std::monostate{};
  if (std::holds_alternative<int64_t>(like)) return s.Int(col);
  if (std::holds_alternative<double>(like)) return s.Real(col);
  return s.Text(col);
}

// Texts are bound uncopied: `v` outlives the run of `s`, and every Put binds all
// parameters of the statement it runs.
void BindAll(Statement& s, const std::vector<SqlValue>& v, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    int k = static_cast<int>(i) + 1;
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            s.BindNull(k);
          } else if constexpr (std::is_same_v<T, std::string>) {
            s.BindUncopied(k, x);
          } else {
            s.Bind(k, x);
          }
        },
        v[i]);
  }
}

}  // namespace

KeyedTable::KeyedTable(sqlite3* db, const char* table, std::vector<Col> cols,
                       size_t n_key)
    : cols_(std::move(cols)), n_key_(n_key), db_(db) {
  std::string names, marks, where, sets, values;
  for (size_t i = 0; i < cols_.size(); ++i) {
    names += fmt::format("{}{}", i ? "," : "", cols_[i].sql);
    marks += fmt::format("{}?", i ? "," : "");
    if (i < n_key_) {
      where += fmt::format("{}{} = ?{}", i ? " AND " : "", cols_[i].sql, i + 1);
    } else {
      sets += fmt::format("{}{} = ?{}", sets.empty() ? "" : ",", cols_[i].sql, i + 1);
      values += fmt::format("{}{}", values.empty() ? "" : ",", cols_[i].sql);
    }
  }
  insert_ = std::make_unique<Statement>(
      db, fmt::format("INSERT INTO {}({}) VALUES({}) ON CONFLICT DO NOTHING", table,
                      names, marks));
  select_ = std::make_unique<Statement>(
      db, fmt::format("SELECT {} FROM {} WHERE {}", values.empty() ? "1" : values, table,
                      where));
  if (!sets.empty()) {
    update_ = std::make_unique<Statement>(
        db, fmt::format("UPDATE {} SET {} WHERE {}", table, sets, where));
  }
}

Result<PutOutcome> KeyedTable::Put(const std::vector<SqlValue>& values, PutMode mode) {
  BindAll(*insert_, values, values.size());
  return PutBound([&]() -> const std::vector<SqlValue>& { return values; }, mode);
}

Result<PutOutcome> KeyedTable::PutExisting(const std::vector<SqlValue>& values,
                                           PutMode mode) {
  PutOutcome out;
  BindAll(*select_, values, n_key_);
  if (select_->Step()) {
    for (size_t i = n_key_; i < cols_.size() && out.field.empty(); ++i) {
      SqlValue stored = Column(*select_, static_cast<int>(i - n_key_), values[i]);
      if (stored != values[i]) {
        out.field = cols_[i].field;
        out.stored = ShowValue(stored);
        out.given = ShowValue(values[i]);
      }
    }
  }
  select_->Reset();
  if (out.field.empty()) {
    out.kind = PutOutcome::kUnchanged;
    return out;
  }
  if (mode == PutMode::kRefuseChanged) {
    out.kind = PutOutcome::kConflict;
    return out;
  }
  BindAll(*update_, values, values.size());
  Status s = update_->Run();
  if (!s.ok()) return s;
  return PutOutcome{PutOutcome::kReplaced, "", "", ""};
}

}  // namespace jr
