// Charts drawn from the columns of a result table, so a figure always shows the same
// numbers as the table beside it. Money cells become euros; int and double cells their
// value; empty and text cells no value (NaN). Pure.
#pragma once

#include <string>
#include <vector>

#include "core/table.h"
#include "report/chart.h"

namespace jr::report {

// One category per row (labelled by the text of column `category_key`) and one series
// per key of `value_keys` (named by the column's label). Unit "EUR" when the first
// value column holds money. Unknown keys give series without values.
Chart ColumnsChart(const Table& t, Chart::Kind kind, const std::string& category_key,
                   const std::vector<std::string>& value_keys);

// A pivot: categories are the distinct texts of column `category_key` and series the
// distinct texts of `series_key`, both in order of first appearance; the value of a
// (category, series) pair is column `value_key` of the last row holding both.
Chart PivotChart(const Table& t, Chart::Kind kind, const std::string& category_key,
                 const std::string& series_key, const std::string& value_key);

}  // namespace jr::report
