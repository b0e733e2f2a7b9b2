// Builds the report of a region from the store and the optional TOML inputs, with the
// same table functions the commands use (settle, monitor, agenda, measures, forecast),
// so the report shows exactly what the commands print.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "report/report.h"
#include "store/store.h"

namespace jr::report {

struct ReportOptions {
  int year = 0;  // year of the settlement comparison and risk; 0 = last year with data
  std::vector<std::string> models = {"solidair", "profijt", "vlaktaks-3",
                                     "pool-100k"};  // built-in settlement models shown
  std::string budget_file;       // begroting.toml; empty = target-path section left out
  std::string agenda_file;       // agenda.toml; empty = agenda section left out
  std::string measures_file;     // maatregelen.toml; empty = measures section left out
  std::string governance_file;   // bestuur.toml; empty = governance section left out
  int runs = 200;                // forecast replications and risk bootstrap runs (>= 2)
  int months = 24;               // forecast horizon, from January after the last year
  int64_t measure_runs = 10000;  // Monte Carlo runs over the measures' bandwidths
  uint64_t seed = 1;             // master seed of every random draw
  int threads = 1;             // worker threads (>= 1); the report does not depend on it
  bool public_output = false;  // suppress client counts below 5 (table_filter.h)
  // The day the report is made, printed on its first page; none = not printed (the
  // caller reads the clock, the report does not).
  std::optional<Date> generated;
  std::function<void(const std::string&)> progress;  // Dutch step names; may be empty
};

// The report: region overview, settlement, risk, target path, agenda, measures,
// governance, forecast, then one page per municipality active in the report year. A
// section whose input file is not given says how to add it. Fails (Dutch, with file and
// line) when the store has no care data or an input file or model cannot be read.
Result<Report> BuildReport(const Store& store, const ReportOptions& options);

}  // namespace jr::report
