// ReviewDecision: the review committee's (toetsingscommissie) decision on one
// assignment (toetsingen.csv; issue 12 items 2 and 4): approved or refused, on a day,
// and whether the care can wait ("nee, tenzij" at an exhausted provider ceiling).
#pragma once

#include <optional>
#include <string>

#include "core/date.h"

namespace jr {

struct ReviewDecision {
  std::string assignment;  // toewijzingnummer
  bool approved = false;   // besluit: akkoord (true) or afgewezen
  Date date;               // datum of the decision
  // uitstelbaar: ja (true), nee (false); none when not assessed.
  std::optional<bool> deferrable;

  friend bool operator==(const ReviewDecision&, const ReviewDecision&) = default;
};

}  // namespace jr
