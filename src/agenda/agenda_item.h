// AgendaItem (ontwikkelopgave, seed 001): one item of the development agenda with its
// owner, cluster, status, budget asked, savings per year and milestones.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"

namespace jr {

struct Milestone {
  std::string name;          // Dutch
  Date due;                  // planned date
  std::optional<Date> done;  // date it was reached; none = not (yet)
};

// One savings line of an item (an item can have several, e.g. "Anders Zorgen" has
// "budgetbewust werken" and "regie op jeugdhulp").
struct SavingsLine {
  std::string name;
  std::map<int, Money> planned;   // per year
  std::map<int, Money> realised;  // per year; absent = not (yet) known
};

enum class ItemStatus { kNotStarted, kRunning, kDone, kStopped };
// "niet_gestart", "lopend", "afgerond", "gestopt"; nullopt otherwise.
std::optional<ItemStatus> ParseItemStatus(std::string_view s);
const char* ItemStatusName(ItemStatus s);

struct AgendaItem {
  std::string id;       // "1"
  std::string name;     // "Nieuwe inkoopafspraken jeugdhulp 2022 en verder"
  std::string owner;    // administrative owner (bestuurlijk opdrachtgever)
  std::string cluster;  // "Hoe", "Wat", "Ondersteunend", ...
  ItemStatus status = ItemStatus::kRunning;
  Money budget_asked;       // from the agenda's shared budget
  std::string budget_note;  // e.g. "begroting SOJ"
  std::vector<SavingsLine> savings;
  std::vector<Milestone> milestones;

  Money Planned(int year) const;   // sum over lines
  Money Realised(int year) const;  // sum over lines of known realisations
};

}  // namespace jr
