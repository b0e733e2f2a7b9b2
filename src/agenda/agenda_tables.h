// Tables of the agenda for people and machines, shared by the CLI, report and server.
#pragma once

#include <vector>

#include "agenda/agenda_progress.h"
#include "core/table.h"
#include "region/key_weights.h"
#include "region/region.h"

namespace jr {

// Keys: id, name, owner, cluster, status, budget_asked_cents, planned_cents,
// realised_cents, progress, planned_total_cents, milestones, milestones_done,
// milestones_overdue, overdue ("ja"/"").
Table AgendaItemTable(const AgendaProgress& p);
// Keys: cluster, items, overdue_items, planned_cents, realised_cents, progress,
// planned_total_cents.
Table AgendaClusterTable(const AgendaProgress& p);
// Keys: year, planned_cents, realised_cents, target_cents, shortfall_cents,
// planned_slipped_cents, shortfall_slipped_cents.
Table AgendaYearTable(const AgendaProgress& p);
// Keys: item, item_name, milestone, due, days_late.
Table OverdueTable(const AgendaProgress& p);
// The shared cost per municipality. Keys: municipality, name, key_value, share,
// amount_cents. REQUIRES: parts in the order of w.codes (a CostShare of RunAgenda).
Table CostShareTable(const Agenda& a, const KeyWeights& w,
                     const std::vector<Money>& parts, const Region& region);

}  // namespace jr
