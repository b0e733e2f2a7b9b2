// Clients, assignments (toewijzingen) and declarations (declaraties).
#pragma once

#include <optional>
#include <string>

#include "care/codes.h"
#include "care/volume.h"
#include "core/date.h"
#include "core/money.h"

namespace jr {

// One period of residence of a client: from `begin` the municipality is responsible
// (woonplaatsbeginsel). The client is known only by a pseudonym.
struct ClientResidence {
  std::string client;  // pseudonym (keyed hash of the BSN, or the region's own)
  Month birth;         // birth year-month
  std::string municipality;
  Date begin;
};

struct Assignment {
  std::string number;        // toewijzingnummer
  std::string client;        // pseudonym
  std::string municipality;  // responsible municipality (CBS code)
  std::string agb;
  std::string category;
  std::string product_code;
  Volume volume;
  Unit unit = Unit::kHour;
  Frequency frequency = Frequency::kPerWeek;
  Date start;
  std::optional<Date> end;  // exclusive (the CSV's inclusive end + 1 day); none = open
  Route route = Route::kUnknown;
  std::string team;         // issuing youth team; may be empty
  std::string predecessor;  // previous assignment when a re-indication; may be empty
  std::optional<Money> budget;

  bool IsReindication() const { return !predecessor.empty(); }
};

// What a JW301 cannot carry, for the assignment of that number: the referrer, the
// issuing youth team and the previous assignment (toewijzingen_aanvulling.csv,
// docs/formats.md). The import applies it to the JW301 assignment of the same number.
struct AssignmentSupplement {
  std::string assignment;  // toewijzingnummer
  Route route = Route::kUnknown;
  std::string team;         // may be empty
  std::string predecessor;  // may be empty
};

struct Declaration {
  std::string number;      // declaratienummer
  std::string assignment;  // toewijzingnummer
  std::string agb;
  std::string category;
  std::string product_code;
  Date start;  // first day
  Date end;    // exclusive
  Volume volume;
  Unit unit = Unit::kHour;
  std::optional<Money> tariff;
  Money amount;  // signed: a credit (debet_credit = C) is negative
};

}  // namespace jr
