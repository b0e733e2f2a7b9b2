// The settlement what-if of the API: a built-in model with another key or a phase-in.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "server/api.h"
#include "server/api_util.h"
#include "settle/builtin_models.h"
#include "settle/settle_run.h"

namespace jr::server {
namespace {

std::string Param(const ApiRequest& r, const std::string& name) {
  auto it = r.query.find(name);
  return it == r.query.end() ? "" : it->second;
}

}  // namespace

Result<std::shared_ptr<const settle::Model>> Api::RequestModel(
    const ApiRequest& r) const {
  settle::SettleOptions what_if;
  what_if.models = {Param(r, "model")};
  if (what_if.models[0].empty()) what_if.models[0] = "solidair";
  auto found = models_.find(what_if.models[0]);
  if (found == models_.end()) {
    return Status::Error(fmt::format("onbekend model '{}'; kies uit {}",
                                     what_if.models[0],
                                     fmt::join(settle::BuiltinModelNames(), ", ")));
  }
  what_if.key = Param(r, "key");
  auto phase_from = IntParam(r, "phase_from", 0, settlement_.FirstYear() - 3,
                             settlement_.years.rbegin()->first + 1);
  if (!phase_from.ok()) return phase_from.status();
  what_if.phase_from = *phase_from;
  if (what_if.key.empty() && what_if.phase_from == 0) return found->second;
  if (!what_if.key.empty()) {
    Status s = settle::CheckKey(settlement_, what_if.key);
    if (!s.ok()) return Status::Error("parameter 'key': " + s.message());
  }
  // The model and key are known, so only the phase-in can be refused here.
  auto models = settle::ResolveModels(what_if);
  if (!models.ok())
    return Status::Error("parameter 'phase_from': " + models.status().message());
  return std::make_shared<const settle::Model>(std::move(models.value().front()));
}

}  // namespace jr::server
