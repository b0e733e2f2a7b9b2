#include "ingest/table_writer.h"

#include <fmt/format.h>

namespace jr {
namespace {

std::string Show(const SqlValue& v) {
  if (std::holds_alternative<std::monostate>(v)) return "(leeg)";
  if (auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  return std::get<std::string>(v);
}

SqlValue Column(const Statement& s, int col, const SqlValue& like) {
  if (s.IsNull(col)) return std::monostate{};
  if (std::holds_alternative<int64_t>(like)) return s.Int(col);
  if (std::holds_alternative<double>(like)) return s.Real(col);
  if (std::holds_alternative<std::string>(like)) return s.Text(col);
  return s.Text(col);
}

}  // namespace

TableWriter::TableWriter(sqlite3* db, const char* table, std::vector<Col> cols, size_t n_key)
    : cols_(std::move(cols)), n_key_(n_key), db_(db) {
  std::string names, marks, where, sets, values;
  for (size_t i = 0; i < cols_.size(); ++i) {
    names += fmt::format("{}{}", i ? "," : "", cols_[i].db);
    marks += fmt::format("{}?", i ? "," : "");
    if (i < n_key_) {
      where += fmt::format("{}{} = ?{}", i ? " AND " : "", cols_[i].db, i + 1);
    } else {
      sets += fmt::format("{}{} = ?{}", sets.empty() ? "" : ",", cols_[i].db, i + 1);
      values += fmt::format("{}{}", values.empty() ? "" : ",", cols_[i].db);
    }
  }
  insert_ = std::make_unique<Statement>(
      db, fmt::format("INSERT INTO {}({}) VALUES({}) ON CONFLICT DO NOTHING", table, names, marks));
  select_ = std::make_unique<Statement>(
      db, fmt::format("SELECT {} FROM {} WHERE {}", values.empty() ? "1" : values, table, where));
  if (!sets.empty()) {
    update_ = std::make_unique<Statement>(db, fmt::format("UPDATE {} SET {} WHERE {}", table, sets, where));
  }
}

void TableWriter::BindAll(Statement& s, const std::vector<SqlValue>& v, size_t from, size_t to,
                          int first) {
  for (size_t i = from; i < to; ++i) {
    int k = first + static_cast<int>(i - from);
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            s.BindNull(k);
          } else {
            s.Bind(k, x);
          }
        },
        v[i]);
  }
}

TableWriter::Outcome TableWriter::Write(const std::vector<SqlValue>& values, bool replace,
                                        std::string* detail) {
  BindAll(*insert_, values, 0, values.size(), 1);
  Status s = insert_->Run();
  if (!s.ok()) {
    *detail = s.message();
    return Outcome::kError;
  }
  if (sqlite3_changes(db_) == 1) return Outcome::kAdded;
  BindAll(*select_, values, 0, n_key_, 1);
  std::string diff;
  if (select_->Step()) {
    for (size_t i = n_key_; i < cols_.size() && diff.empty(); ++i) {
      SqlValue stored = Column(*select_, static_cast<int>(i - n_key_), values[i]);
      if (stored != values[i]) {
        diff = fmt::format("veld '{}': '{}' in de database, '{}' in het bestand", cols_[i].label,
                           Show(stored), Show(values[i]));
      }
    }
  }
  select_->Reset();
  if (diff.empty()) return Outcome::kUnchanged;
  if (!replace) {
    *detail = diff;
    return Outcome::kConflict;
  }
  BindAll(*update_, values, 0, values.size(), 1);
  s = update_->Run();
  if (!s.ok()) {
    *detail = s.message();
    return Outcome::kError;
  }
  return Outcome::kReplaced;
}

}  // namespace jr
