// What jeugdregio keeps of the iJw messages it imports (DESIGN §2.11): the message
// header (to recognise a re-import and to answer a JW323 with a JW325), each JW323
// line as submitted (ProductReferentie, to answer it line by line) and the real start
// and end of care of JW305/JW307. Never a BSN, name, address or contact detail.
#pragma once

#include <optional>
#include <string>

#include "care/codes.h"
#include "care/volume.h"
#include "core/date.h"
#include "core/money.h"

namespace jr {

// One imported message, by its natural key (kind, sender, identification).
struct IjwMessage {
  std::string kind;            // "JW301", "JW305", "JW307", "JW323"
  std::string sender;          // Afzender: municipality "GMnnnn" (JW301) or AGB
  std::string identification;  // BerichtIdentificatie/Identificatie
  std::string receiver;        // Ontvanger: AGB (JW301) or municipality "GMnnnn"
  Date date;                   // BerichtIdentificatie/Dagtekening
  std::string declaration;     // JW323 DeclaratieNummer; else empty
  Money total;                 // JW323 TotaalIngediendBedrag, signed (credit < 0)
  std::string digest;          // BLAKE2b of the message's content (re-import check)
  int64_t lines = 0;           // JW323 Prestaties, JW301 products, JW305/307 products

  // "JW323/65656055/765432198": how lines and answers refer to it.
  std::string Key() const { return kind + "/" + sender + "/" + identification; }
};

// One JW323 Prestatie as submitted, whether or not it became a declaration row (an
// unknown assignment does not: `check` rejects it, 9338).
struct IjwLine {
  std::string message;    // IjwMessage::Key()
  int64_t line = 0;       // 1-based position in the message
  std::string reference;  // ProductReferentie/ReferentieNummer
  std::string
      previous_reference;  // ProductReferentie/VorigReferentieNummer; may be empty
  std::string client;      // pseudonym
  std::string assignment;  // ToewijzingNummer
  std::string category, product_code;
  Date start;  // ProductPeriode/Begindatum
  Date end;    // exclusive (Einddatum + 1 day)
  Volume volume;
  Unit unit = Unit::kHour;
  std::optional<Money> tariff;
  Money amount;         // signed: credit negative
  bool stored = false;  // also put into the declarations (assignment known)
};

// The real start (JW305) and end (JW307) of the care of an assignment.
struct CarePeriod {
  std::string assignment;   // ToewijzingNummer
  Date start;               // Begindatum
  std::optional<Date> end;  // exclusive (Einddatum + 1 day); none until a JW307
  std::string reason;       // JW307 RedenBeeindiging (JZ588); may be empty
};

}  // namespace jr
