// CSV for Dutch Excel (issue 15 item 9), beside the machine CSV of core/table.h: a
// UTF-8 byte order mark, `;` between fields, the Dutch column labels as header, a first
// column "Soort" (`gegevens` for a detail row, `totaal` for a total row, so a pivot does
// not count the region twice), amounts in euros and numbers with a decimal comma and no
// thousands separator, percentages as "12,5%", years as plain numbers. Text cells that
// a spreadsheet would run as a formula get a leading quote, as in the machine CSV. Pure.
#pragma once

#include <string>

#include "core/table.h"

namespace jr::report {

std::string RenderCsvNl(const Table& t);

// `t` with a last column "dataset" ("Gegevens") holding `label` in every row, so every
// CSV row and sheet of the demo says its data are synthetic; `t` itself when `label`
// is empty.
Table WithDataset(Table t, const std::string& label);

}  // namespace jr::report
