// RunCheck: every care rule on every declaration line in the store, the decisions
// recorded per line (DESIGN §2.8; `jeugdregio check`).
//
// The declarations stream past in key order (assignment, first day, number); each
// assignment's lines are checked together against the RuleContext built once before.
// Only findings are stored (afgewezen or signaal): a line without a finding is
// accepted. Recording replaces the findings of the checked years in one transaction
// and keeps the rules' fingerprint in the store's meta (kFingerprintMeta), so a second
// run on the same data and rules changes nothing, and changed rules give new
// decisions.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "care/finding.h"
#include "core/status.h"
#include "rules/region_rules.h"
#include "rules/rule_context.h"
#include "store/store.h"

namespace jr::rules {

inline constexpr const char* kFingerprintMeta = "rules_fingerprint";
inline constexpr const char* kCheckedYearsMeta = "rules_checked_years";
// The rules file of the last check, as given (empty: none), so the report can redo it.
inline constexpr const char* kRulesFileMeta = "rules_file";

struct CheckOptions {
  RegionRules rules;
  std::string rules_file;  // where `rules` came from (recorded in meta); may be empty
  // Only lines whose first day lies in these years get a decision.
  int first_year = 0;
  int last_year = 9999;
  // Worker threads for the rules besides the thread reading the store (0 = in the
  // reading thread). The findings do not depend on it.
  int threads = 1;
  // The commitments' reference date (peildatum, `check --plafonds --peildatum`): lines
  // that start after it are not yet known; none: the last day of the data.
  std::optional<Date> reference_date;
  // Called now and then with the number of lines read so far.
  std::function<void(int64_t)> progress;
};

// Accepted (no afgewezen finding) declared amount of one provider, year and lot (the
// product's cost bucket, as contracten.csv's perceel) per calendar month.
struct ProviderSpend {
  std::string agb;
  int year = 0;
  std::string lot;
  std::array<Money, 12> months{};
};

struct CheckResult {
  std::vector<Finding> findings;  // by line (assignment, start, declaration), rule, code
  std::vector<Money> amounts;     // the amount of each finding's line (a credit < 0)
  int64_t lines = 0;              // lines in the checked years
  int64_t lines_read = 0;         // all lines read
  int64_t rejected_lines = 0;     // lines (in the years) with an afgewezen finding
  int64_t signal_lines = 0;       // lines with a signaal finding and none afgewezen
  std::string fingerprint;
  // Per provider, year and lot, of the checked years: for the ceilings (ceilings.h).
  std::vector<ProviderSpend> spend;
  // The last day of any line read: the data's "today" for the commitments.
  std::optional<Date> last_day;
  std::optional<Date> reference_date;  // CheckOptions::reference_date
  // Per assignment: the accepted amount of its lines that start on or before the
  // reference date for their days after it (pro rata per day), i.e. care of the rest
  // of the year already declared. Only with a reference date.
  std::map<std::string, Money> declared_after;
};

// Checks and records (see above).
Result<CheckResult> RunCheck(Store& store, const CheckOptions& options);
// Checks without recording anything (the report, the server).
Result<CheckResult> ComputeCheck(const Store& store, const CheckOptions& options);

// The findings of `lines` (sorted by assignment, start, number), without a store.
CheckResult CheckLines(const RuleContext& ctx, std::span<const Declaration> lines,
                       int first_year = 0, int last_year = 9999);

}  // namespace jr::rules
