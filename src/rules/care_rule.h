// CareRule: one family of business rules on declaration lines (iJw checks, the
// region's own agreements). A rule sees the lines of one assignment at a time, in
// key order (start day, declaration number), so rules over sums, weeks or repeats
// need no state between assignments; LineRule is the base of rules that look at one
// line alone. Rules are small final classes, one file per family, registered in
// rule_set.cc; they see values and the RuleContext only, never the store.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "care/assignment.h"
#include "care/finding.h"
#include "rules/rule_context.h"

namespace jr::rules {

// The lines of one assignment (all years: sums need the earlier ones).
struct AssignmentLines {
  const Assignment* assignment = nullptr;  // nullptr: unknown toewijzingnummer
  std::span<const Declaration> lines;      // same assignment, by start and number
};

// Collects the findings of one rule. Only lines whose first day lies in the checked
// years are reported; rules still see the other lines for their sums.
class FindingSink {
 public:
  FindingSink(std::vector<Finding>* out, int first_year, int last_year)
      : out_(out), first_year_(first_year), last_year_(last_year) {}
  void set_rule(std::string_view rule) { rule_ = rule; }
  bool InYears(const Declaration& d) const {
    int y = static_cast<int>(d.start.year());
    return y >= first_year_ && y <= last_year_;
  }
  void Add(const Declaration& d, std::string_view code, FindingStatus status,
           std::string_view field, std::string message) {
    if (!InYears(d)) return;
    out_->push_back({d.assignment, d.start, d.number, std::string(rule_),
                     std::string(code), status, std::string(field), std::move(message)});
  }

 private:
  std::vector<Finding>* out_;
  int first_year_, last_year_;
  std::string_view rule_;
};

class CareRule {
 public:
  virtual ~CareRule() = default;
  // Canonical name, stored with every finding ("bedrag").
  virtual std::string_view name() const = 0;
  // Adds zero or more findings about the lines of one known assignment.
  virtual void Check(const AssignmentLines& group, const RuleContext& ctx,
                     FindingSink* out) const = 0;
};

// A rule on each line alone.
class LineRule : public CareRule {
 public:
  void Check(const AssignmentLines& group, const RuleContext& ctx,
             FindingSink* out) const final {
    for (const Declaration& d : group.lines) {
      if (out->InYears(d)) CheckLine(d, *group.assignment, ctx, out);
    }
  }
  virtual void CheckLine(const Declaration& d, const Assignment& a,
                         const RuleContext& ctx, FindingSink* out) const = 0;
};

}  // namespace jr::rules
