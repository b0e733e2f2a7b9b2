// Progress of the development agenda as of a date: per item and cluster, the savings
// per year against the target, overdue milestones, and what a one-year slip costs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agenda/agenda.h"
#include "core/date.h"
#include "core/money.h"

namespace jr {

// Realised vs planned savings over the agenda years up to and including the as-of
// year. `progress` = realised / planned; unknown when no realisation was entered for
// those years or nothing was planned.
struct Progress {
  Money planned;
  Money realised;
  std::optional<double> progress;
  Money planned_total;  // all agenda years
};

struct ItemProgress {
  const AgendaItem* item = nullptr;  // points into the Agenda; not owned
  Progress savings;
  int milestones = 0;
  int milestones_done = 0;     // reached on or before the as-of date
  int milestones_overdue = 0;  // due before the as-of date and not reached by then
  bool overdue = false;        // has an overdue milestone and is not done or stopped
};

struct ClusterProgress {
  std::string cluster;
  int items = 0;
  int overdue_items = 0;
  Progress savings;
};

struct OverdueMilestone {
  const AgendaItem* item = nullptr;  // not owned
  const Milestone* milestone = nullptr;
  int days_late = 0;  // as-of date - due date
};

// One agenda year: planned savings as in the plan and with every item not done
// shifted one year later ("the savings largely shift a year", seed 001).
struct AgendaYear {
  int year = 0;
  Money planned;
  Money realised;
  Money planned_slipped;
  std::optional<Money> target_gap;         // savings needed that year
  std::optional<Money> shortfall;          // target - planned
  std::optional<Money> shortfall_slipped;  // target - planned_slipped
};

struct AgendaProgress {
  Date as_of;
  std::vector<ItemProgress> items;        // agenda order
  std::vector<ClusterProgress> clusters;  // in order of first appearance
  std::vector<OverdueMilestone> overdue;  // by due date, then item order
  std::vector<AgendaYear> years;
  Money slip_loss;  // planned savings that a slip pushes past the last agenda year
};

// Pure: no clock; `as_of` is the date the state is judged at.
// The result points into `agenda`, which must outlive it.
AgendaProgress EvaluateAgenda(const Agenda& agenda, Date as_of);

}  // namespace jr
