// Table: a typed result table, rendered for people (aligned text, Dutch labels and
// notation), for spreadsheets (CSV) and for machines (JSON).
//
// CSV and JSON use the column keys and raw values: money as integer cents (keys of
// money columns end in "_cents" by convention), numbers with a dot. Text output uses
// the labels, whole euros with thousands dots, and decimal commas.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

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

struct Column {
  std::string key;    // JSON/CSV name, English snake_case: "cost_cents"
  std::string label;  // Dutch header for people: "Kosten (EUR)"
  ColumnType type = ColumnType::kText;
  int decimals = 2;   // for kNumber and kPercent
};

// An empty cell (monostate) renders as "" in text/CSV and null in JSON.
using Cell = std::variant<std::monostate, std::string, int64_t, Money, double>;

struct Table {
  std::string title;  // Dutch; printed above the text table only
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  std::vector<std::string> notes;  // Dutch; printed below the text table only

  // Appends a row. REQUIRES: row.size() == columns.size()
  void AddRow(std::vector<Cell> row);
};

std::string RenderText(const Table& t);
std::string RenderCsv(const Table& t);
// An array of objects, one per row, keyed by column key.
nlohmann::json ToJson(const Table& t);
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
