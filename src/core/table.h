// Table: a typed result table, rendered for people (aligned text, Dutch labels and
// notation), for spreadsheets (CSV) and for machines (JSON).
//
// CSV and JSON use the column keys and raw values: money as integer cents (keys of
// money columns end in "_cents" by convention), numbers with a dot. Text output uses
// the labels, whole euros with thousands dots, and decimal commas.
//
// What a column holds (its ColumnRole) and what a row is (its RowKind) are typed, so
// the operations on tables (the rows of one municipality, the API's role filtering,
// small-count suppression, total rows in HTML) never look at keys, labels or cell
// texts such as "REGIO" or "Totaal". Neither is printed in text, CSV or JSON.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/money.h"

namespace jr {

enum class OutputFormat { kTable, kCsv, kJson };

enum class ColumnType {
  kText,
  kInt,
  kYear,     // int64 without thousands separators: 2021
  kMoney,    // Money cell; text shows whole euros
  kCents,    // Money cell; text shows euros with cents
  kNumber,   // double; `decimals` places in text
  kPercent,  // double fraction; text shows 12,3%
};

// What a column holds, for the operations that look for it whatever its key. Money
// amounts need no role: their type (kMoney, kCents) says so.
enum class ColumnRole {
  kNone,
  kMunicipality,  // the CBS code of the row's municipality: "GM0505" (a text cell)
  kClientCount,   // a number of clients or of their assignments (also a mean or a
                  // quantile of one): public output suppresses values from 1 to 4
};

struct Column {
  Column(std::string key, std::string label, ColumnType type = ColumnType::kText,
         int decimals = 2, ColumnRole role = ColumnRole::kNone)
      : key(std::move(key)),
        label(std::move(label)),
        type(type),
        decimals(decimals),
        role(role) {}
  Column(std::string key, std::string label, ColumnType type, ColumnRole role)
      : Column(std::move(key), std::move(label), type, 2, role) {}

  std::string key;    // JSON/CSV name, English snake_case: "cost_cents"
  std::string label;  // Dutch header for people: "Kosten (EUR)"
  ColumnType type;
  int decimals;  // for kNumber and kPercent
  ColumnRole role;
};

// An empty cell (monostate) renders as "" in text/CSV and null in JSON.
using Cell = std::variant<std::monostate, std::string, int64_t, Money, double>;

enum class RowKind {
  kDetail,  // one municipality, item or group
  kTotal,   // a sum over the municipalities (the region), seen by every role; a table
            // may hold several (one per year, model or product group)
};

struct Row {
  std::vector<Cell> cells;  // one per column
  RowKind kind = RowKind::kDetail;

  const Cell& operator[](size_t column) const { return cells[column]; }
  Cell& operator[](size_t column) { return cells[column]; }
};

struct Table {
  std::string title;  // Dutch; printed above the text table only
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::vector<std::string> notes;  // Dutch; printed below the text table only

  // Appends a row of `kind`. REQUIRES: cells.size() == columns.size()
  void AddRow(std::vector<Cell> cells, RowKind kind = RowKind::kDetail);
  // The index of the first column with `role`; nullopt when there is none.
  std::optional<size_t> ColumnWith(ColumnRole role) const;
  // This table with only the rows for which `keep` is true, in their order; title,
  // columns and notes are kept, and every row keeps its kind.
  Table Filter(const std::function<bool(const Row&)>& keep) const;
};

std::string RenderText(const Table& t);
std::string RenderCsv(const Table& t);
// An array of objects, one per row, keyed by column key.
nlohmann::json ToJson(const Table& t);
// `j` as text (compact, or pretty with `indent` spaces); never throws: text that is not
// UTF-8 (stored before the import checked it) becomes U+FFFD instead of an exception
// that ends a command or a server worker. Every JSON the program writes goes through it.
std::string DumpJson(const nlohmann::json& j, int indent = -1);
// Text, CSV or JSON (pretty-printed array) of one table.
std::string Render(const Table& t, OutputFormat f);

// One cell as people read it (the text table's notation): "1.234.567" for money,
// "12,3%", "" for an empty cell, "-" for a number that is not finite.
std::string CellText(const Column& c, const Cell& cell);

// Dutch number formatting for people: FormatNumber(1234.5, 1) = "1.234,5".
std::string FormatNumber(double v, int decimals);

// Cell helpers and sections shared by the parts' tables.

// An empty cell for an unknown amount (null in JSON), else the amount.
Cell MoneyCell(const std::optional<Money>& m);
// An empty cell for an unknown fraction, else the fraction.
Cell FractionCell(const std::optional<double>& f);

// One table of an answer made of several (a monitor, an agenda), with its JSON key.
struct Section {
  std::string key;  // JSON key, English snake_case: "path"
  Table table;
};

// Several tables as one answer: text and CSV put them one after the other with a
// blank line between; JSON gives one object with a key per table. One section alone
// renders exactly as Render(table, f) does (a JSON array).
std::string RenderSections(const std::vector<Section>& sections, OutputFormat f);

}  // namespace jr
