// RowReader: typed, checked access to the fields of one CSV record, by column name.
// Every failed check adds a Dutch error "veld 'x': ..." with file, line and column to
// the ErrorList and returns nullopt. Internal to ingest/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "care/codes.h"
#include "care/volume.h"
#include "core/date.h"
#include "core/money.h"
#include "core/status.h"
#include "ingest/csv_reader.h"

namespace jr {

struct ColumnSpec {
  const char* name;
  bool required;
};

class RowReader {
 public:
  // Checks the header against the spec: missing required columns and unknown columns
  // are errors. `alternatives` lists groups of which exactly one must be present
  // (e.g. {"bsn", "client"}).
  RowReader(const CsvReader& csv, std::vector<ColumnSpec> spec,
            std::vector<std::vector<const char*>> alternatives, ErrorList* errors);
  bool header_ok() const { return header_ok_; }
  bool Has(const char* column) const { return Index(column) >= 0; }

  // Starts a record; false (and an error) if its field count differs from the header.
  bool Start(int line, const std::vector<std::string>* fields);
  int line() const { return line_; }
  const std::string& file() const { return file_; }

  // Raw trimmed text; "" when the column is absent or the field empty.
  std::string_view Raw(const char* column) const;
  // Non-empty text, or an error "is leeg" when `required`.
  std::optional<std::string> Text(const char* column, bool required = true);
  std::optional<int> Year(const char* column);
  // A date in the plausible range: years `min_year`-2100 (care dates from 1990, the
  // years of `jaar`; birth dates and municipalities from 1900).
  std::optional<Date> DateField(const char* column, bool required = true,
                                int min_year = 1990);
  std::optional<Money> Amount(const char* column,
                              bool required = true);  // never negative
  std::optional<Volume> VolumeField(const char* column);
  // A non-negative number in the grammar of amounts (FORMATS.md): a decimal comma, or
  // a decimal dot; dots with groups of three digits (`118.709`, `1.234.567`) are
  // thousands separators, as in `Money::Parse`.
  std::optional<double> Number(const char* column);
  // Pattern checks on codes.
  std::optional<std::string> Municipality(const char* column, bool required = true);
  std::optional<std::string> Agb(const char* column, bool required = true);
  std::optional<std::string> Category(const char* column);
  std::optional<std::string> ProductCode(const char* column);
  std::optional<Unit> UnitField(const char* column);

  // Where `column` of the current record is (no column when the header lacks it).
  Location At(std::string_view column) const;
  // Adds an error about `column` of the current record.
  void Error(const char* column, const std::string& message);
  ErrorList& errors() { return *errors_; }

 private:
  int Index(std::string_view column) const;
  std::string file_;
  std::vector<std::string> header_;
  ErrorList* errors_;
  bool header_ok_ = true;
  int line_ = 0;
  const std::vector<std::string>* fields_ = nullptr;
};

}  // namespace jr
