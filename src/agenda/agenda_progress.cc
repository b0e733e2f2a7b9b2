#include "agenda/agenda_progress.h"

#include <algorithm>

namespace jr {
namespace {

void Add(Progress& to, const Progress& p) {
  to.planned += p.planned;
  to.realised += p.realised;
  to.planned_total += p.planned_total;
}

void SetRatio(Progress& p, bool any_realised) {
  if (any_realised && p.planned.cents() > 0) {
    p.progress =
        static_cast<double>(p.realised.cents()) / static_cast<double>(p.planned.cents());
  }
}

// Whether any realisation was entered for the years up to `last_year`.
bool AnyRealised(const AgendaItem& item, int last_year) {
  for (const SavingsLine& l : item.savings) {
    for (const auto& [year, m] : l.realised) {
      if (year <= last_year) return true;
    }
  }
  return false;
}

ItemProgress ItemState(const Agenda& a, const AgendaItem& item, Date as_of,
                       std::vector<OverdueMilestone>& overdue) {
  ItemProgress p;
  p.item = &item;
  const int now = static_cast<int>(as_of.year());
  for (int y : a.years) {
    p.savings.planned_total += item.Planned(y);
    if (y > now) continue;
    p.savings.planned += item.Planned(y);
    p.savings.realised += item.Realised(y);
  }
  SetRatio(p.savings, AnyRealised(item, now));
  const bool closed =
      item.status == ItemStatus::kDone || item.status == ItemStatus::kStopped;
  for (const Milestone& m : item.milestones) {
    ++p.milestones;
    if (m.done && *m.done <= as_of) {
      ++p.milestones_done;
    } else if (m.due < as_of && !closed) {
      ++p.milestones_overdue;
      overdue.push_back({&item, &m, DayNumber(as_of) - DayNumber(m.due)});
    }
  }
  p.overdue = p.milestones_overdue > 0;
  return p;
}

}  // namespace

AgendaProgress EvaluateAgenda(const Agenda& a, Date as_of) {
  AgendaProgress r;
  r.as_of = as_of;
  const int now = static_cast<int>(as_of.year());
  for (const AgendaItem& item : a.items) {
    ItemProgress p = ItemState(a, item, as_of, r.overdue);
    auto c =
        std::find_if(r.clusters.begin(), r.clusters.end(),
                     [&](const ClusterProgress& x) { return x.cluster == item.cluster; });
    if (c == r.clusters.end()) {
      r.clusters.push_back({item.cluster});
      c = r.clusters.end() - 1;
    }
    ++c->items;
    c->overdue_items += p.overdue;
    Add(c->savings, p.savings);
    r.items.push_back(p);
  }
  for (ClusterProgress& c : r.clusters) {
    bool any = false;
    for (const AgendaItem& item : a.items)
      any |= item.cluster == c.cluster && AnyRealised(item, now);
    SetRatio(c.savings, any);
  }
  std::stable_sort(r.overdue.begin(), r.overdue.end(),
                   [](const OverdueMilestone& x, const OverdueMilestone& y) {
                     return x.milestone->due < y.milestone->due;
                   });
  for (int y : a.years) {
    AgendaYear ay;
    ay.year = y;
    for (const AgendaItem& item : a.items) {
      ay.planned += item.Planned(y);
      ay.realised += item.Realised(y);
      const bool slips = item.status != ItemStatus::kDone;
      ay.planned_slipped += slips ? item.Planned(y - 1) : item.Planned(y);
    }
    if (auto t = a.target_gap.find(y); t != a.target_gap.end()) {
      ay.target_gap = t->second;
      ay.shortfall = t->second - ay.planned;
      ay.shortfall_slipped = t->second - ay.planned_slipped;
    }
    r.years.push_back(ay);
  }
  for (const AgendaItem& item : a.items) {
    if (item.status != ItemStatus::kDone) r.slip_loss += item.Planned(a.years.back());
  }
  return r;
}

}  // namespace jr
