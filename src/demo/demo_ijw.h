// The demo region as iJw 3.2 messages (`jeugdregio demo --ijw`, docs/formats.md):
// the assignments and declaration lines of the demo, as WriteDemoRegion writes them
// to toewijzingen.csv and declaraties.csv, written again as the messages a region
// receives — JW301 from the municipalities, JW305/JW307 and JW323 from the providers —
// into <dir>/ijw/, valid against the official schemas (../shared/ijw/xsd/).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "demo/demo_products.h"

namespace jr::demo {

// A synthetic BSN for client `index` (9 digits that pass the 11-test; the first digit
// is 9, 8, ... whichever makes a valid check digit; one per index below 10,000,000).
// Never a real person's: the demo has no real persons, and the messages need a BSN.
std::string DemoBsn(int index);

// The number of assignment `index` in the iJw demo: a number (iJw ToewijzingNummer is
// an integer of at most 9 digits), 1000001 for the first.
std::string DemoIjwAssignmentNumber(int index);

struct IjwAssignment {
  std::string number;
  int client = 0;            // index into IjwDemo::clients
  std::string municipality;  // "GM0505"
  std::string agb;
  int product = 0;         // index into DemoProducts()
  int64_t volume = 0;      // hundredths, a multiple of 100 (iJw volumes are integers)
  int start = 0;           // day number
  std::optional<int> end;  // inclusive day number; none = still running (open)
  // Day numbers of the real start and end of care (JW305, JW307): the start is that
  // of the assignment, the end that of an assignment ended within the horizon.
  std::optional<int> care_end;
};

struct IjwLine {
  int assignment = 0;  // index into IjwDemo::assignments
  int product = 0;     // index into DemoProducts() (a defect may name another)
  int first_day = 0;
  int last_day = 0;    // inclusive
  int64_t volume = 0;  // hundredths, a multiple of 100
  int64_t tariff = 0;  // cents
  int64_t amount = 0;  // cents, >= 0
  bool credit = false;
  int64_t reference = 0;           // ProductReferentie "R" + number, unique in the run
  int64_t previous_reference = 0;  // 0 = none (a credit names the line it credits)
};

// One JW323: the lines of one declaration number of one provider.
struct IjwDeclaration {
  std::string agb;
  std::string number;  // DeclaratieNummer and identification, <= 12 characters
  int month = 0;       // MonthIndex of the month it is sent for
  std::vector<IjwLine> lines;
};

struct IjwClient {
  std::string bsn;
  int birth_month = 0;  // MonthIndex
};

struct IjwDemo {
  std::vector<IjwClient> clients;
  std::vector<IjwAssignment> assignments;  // in the order of toewijzingen.csv
  std::vector<IjwDeclaration> declarations;
};

struct IjwFileCounts {
  int64_t jw301 = 0, jw305 = 0, jw307 = 0, jw323 = 0;
};

// Writes the messages of `demo` into `dir` (REQUIRES: an existing folder), each mode
// 0600, replacing files of the same name:
// - JW301_<first toewijzingnummer>.xml: one per client and run of consecutive
//   assignments of one municipality (a client who moves gets a message from the new
//   municipality), so that in name order a previous assignment comes first;
// - JW305_<agb>_<first toewijzingnummer>.xml and JW307_...: per client and provider,
//   the start of every assignment and the end of the ones that ended;
// - JW323_<agb>_<declaratienummer>.xml: per declaration of a provider.
// Personal data the schema requires and the demo does not have (name, gender,
// address type) are fixed placeholders, never a real person's. On error a Dutch
// message naming the file.
Status WriteDemoMessages(const IjwDemo& demo, const std::string& dir,
                         IjwFileCounts* counts);

}  // namespace jr::demo
