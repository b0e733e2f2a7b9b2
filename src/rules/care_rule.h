// CareRule: one business rule on a declaration line (iJw checks, the region's own
// agreements). Rules are small final classes behind this interface, registered in
// rule_set.cc; they see values only, never the store or the file they came from.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "care/assignment.h"
#include "care/finding.h"
#include "core/money.h"

namespace jr {

// What a rule may look at for one declaration line.
struct DeclarationLine {
  const Declaration& declaration;
  // The tariff per unit agreed for the line's product, year and provider (or the
  // regional one), from the store; none when there is none.
  std::optional<Money> agreed_tariff;
};

class CareRule {
 public:
  virtual ~CareRule() = default;
  // Canonical name, stored with every finding ("bedrag").
  virtual std::string_view name() const = 0;
  // Appends zero or more findings about `line` to `out`; fills code, status, field
  // and message (the caller fills the line's key and the rule name).
  virtual void Check(const DeclarationLine& line, std::vector<Finding>* out) const = 0;
};

}  // namespace jr
