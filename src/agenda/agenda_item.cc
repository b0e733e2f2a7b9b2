#include "agenda/agenda_item.h"

namespace jr {
namespace {

Money SumYear(const std::vector<SavingsLine>& lines, int year,
              std::map<int, Money> SavingsLine::*field) {
  Money sum;
  for (const SavingsLine& l : lines) {
    auto it = (l.*field).find(year);
    if (it != (l.*field).end()) sum += it->second;
  }
  return sum;
}

}  // namespace

std::optional<ItemStatus> ParseItemStatus(std::string_view s) {
  if (s == "niet_gestart") return ItemStatus::kNotStarted;
  if (s == "lopend") return ItemStatus::kRunning;
  if (s == "afgerond") return ItemStatus::kDone;
  if (s == "gestopt") return ItemStatus::kStopped;
  return std::nullopt;
}

const char* ItemStatusName(ItemStatus s) {
  switch (s) {
    case ItemStatus::kNotStarted:
      return "niet_gestart";
    case ItemStatus::kRunning:
      return "lopend";
    case ItemStatus::kDone:
      return "afgerond";
    case ItemStatus::kStopped:
      return "gestopt";
  }
  return "";
}

Money AgendaItem::Planned(int year) const {
  return SumYear(savings, year, &SavingsLine::planned);
}
Money AgendaItem::Realised(int year) const {
  return SumYear(savings, year, &SavingsLine::realised);
}

}  // namespace jr
