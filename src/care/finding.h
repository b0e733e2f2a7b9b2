// Finding: the decision of a care rule on one declaration line (rules/; issue 12
// fills them, the store keeps them).
#pragma once

#include <string>

#include "care/codes.h"
#include "core/date.h"

namespace jr {

struct Finding {
  // The declaration line, by its natural key (as stored).
  std::string assignment;   // toewijzingnummer
  Date start;               // first day of the line
  std::string declaration;  // declaratienummer
  std::string rule;         // name of the rule that decided, e.g. "bedrag"
  std::string code;         // the rule's code for the decision, e.g. "volume-x-tarief"
  FindingStatus status = FindingStatus::kAccepted;
  std::string field;    // the Declaration field it is about ("amount"); may be empty
  std::string message;  // Dutch, without the location

  friend bool operator==(const Finding&, const Finding&) = default;
};

}  // namespace jr
