// The development agenda's entry point (DESIGN.md §2.6), the one pipeline the CLI
// (`jeugdregio agenda`), the report and the server use: read agenda.toml, judge its
// progress as of a date against the savings target, and share its cost over the
// municipalities.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agenda/agenda.h"
#include "agenda/agenda_progress.h"
#include "core/date.h"
#include "core/money.h"
#include "core/status.h"
#include "region/key_weights.h"
#include "region/region.h"

namespace jr {

struct AgendaOptions {
  std::string file;           // agenda.toml (required)
  std::optional<Date> as_of;  // date the state is judged at; nullopt = the file's `datum`
  // Savings needed per year, as a value: the caller reads it (budget's
  // LoadSavingsTarget of the same file); empty = no target.
  std::map<int, Money> target_gap;
  std::string key;    // key for sharing the cost; empty = the file's `verdeling.sleutel`
  bool share = true;  // share the agenda's cost (needs a region and a shared cost)
};

// The agenda's cost split over the municipalities (to the cent).
struct CostShare {
  KeyWeights weights;        // the key of the sharing year
  std::vector<Money> parts;  // per municipality, in the order of weights.codes
};

struct AgendaRun {
  // As read, with target_gap from the options. Owned by pointer so that `progress`,
  // which points into it, stays valid when the run is moved.
  std::unique_ptr<const Agenda> agenda;
  AgendaProgress progress;           // as of options.as_of (or the file's date)
  std::optional<CostShare> sharing;  // when options.share, a region and a shared cost
};

// Reads options.file and evaluates it. `region` (may be null: no sharing) gives the
// key for sharing. Dutch errors naming file, line and key for the file; a
// municipality without the key fails the sharing. Pure apart from reading the file.
Result<AgendaRun> RunAgenda(const Region* region, const AgendaOptions& options);

}  // namespace jr
