// JW325, the answer to an imported JW323 declaration (DESIGN §2.11): per message the
// header with the declaration's identification, the rejected lines with their
// RetourCodes and the totals submitted and granted (granted = submitted minus the
// rejected lines). The store keeps no BSN, and a JW325 names the client of a rejected
// line by BSN: the BSNs are read again from the JW323 messages themselves (`messages`)
// and only written into the answer files (mode 0600).
#pragma once

#include <string>
#include <vector>

#include "care/pseudonym.h"
#include "core/date.h"
#include "core/env.h"
#include "core/status.h"
#include "store/store.h"

namespace jr::ijw {

struct AnswerOptions {
  std::string out_dir;                // created when missing
  std::vector<std::string> messages;  // JW323 files (or folders of them); may be empty
  const Pseudonymizer* pseudonymizer = nullptr;  // needed with `messages`
  Date date;                                     // Dagtekening of the answers
};

struct AnswerSummary {
  std::string file;     // the answer written
  std::string message;  // IjwMessage::Key() of the JW323
  int64_t lines = 0, rejected = 0;
  Money submitted, granted;
};

// The RetourCode (WJ001) of a finding's code: a four-digit code as it is; the amount
// rule's "volume-x-tarief" is 9346; any other rejected finding 0001.
std::string RetourCodeOf(const std::string& finding_code);

// Writes `JW325_<provider>_<identification>.xml` for every JW323 in `store` into
// `options.out_dir`. A line is rejected when a finding of the care rules rejects its
// declaration line, or when it was kept only as submitted (9338: unknown assignment;
// 8021: its declaration line was already submitted). Dutch error when a rejected
// line's BSN is not found in `options.messages`.
Result<std::vector<AnswerSummary>> WriteAnswers(const Store& store,
                                                const AnswerOptions& options,
                                                Env& env = Env::Default());

}  // namespace jr::ijw
