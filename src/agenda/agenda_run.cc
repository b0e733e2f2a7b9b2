#include "agenda/agenda_run.h"

namespace jr {

Result<AgendaRun> RunAgenda(const Region* region, const AgendaOptions& options) {
  auto loaded = LoadAgenda(options.file);
  if (!loaded.ok()) return loaded.status();
  auto agenda = std::make_unique<Agenda>(std::move(loaded).value());
  agenda->target_gap = options.target_gap;
  AgendaRun run;
  run.progress = EvaluateAgenda(*agenda, options.as_of.value_or(agenda->date));
  if (options.share && region != nullptr && agenda->shared_cost.cents() != 0) {
    auto w = WeightsFor(*region, agenda->share_year,
                        options.key.empty() ? agenda->share_key : options.key);
    if (!w.ok()) return w.status();
    auto parts = SplitByKey(agenda->shared_cost, *w);
    if (!parts.ok()) return parts.status();
    run.sharing = CostShare{std::move(w).value(), std::move(parts).value()};
  }
  run.agenda = std::move(agenda);
  return run;
}

}  // namespace jr
