#include "ingest/import_kind.h"

#include <array>
#include <utility>

namespace jr {
namespace {

constexpr std::array<std::pair<ImportKind, std::string_view>, 14> kKindNames{
    {{ImportKind::kMunicipalities, "gemeenten"},
     {ImportKind::kKeys, "kengetallen"},
     {ImportKind::kProviders, "aanbieders"},
     {ImportKind::kProducts, "producten"},
     {ImportKind::kTariffs, "tarieven"},
     {ImportKind::kContracts, "contracten"},
     {ImportKind::kYouthTeams, "jeugdteams"},
     {ImportKind::kClients, "clienten"},
     {ImportKind::kAssignmentSupplements, "toewijzingen_aanvulling"},
     {ImportKind::kAssignments, "toewijzingen"},
     {ImportKind::kDeclarations, "declaraties"},
     {ImportKind::kFixedCosts, "vaste_kosten"},
     {ImportKind::kLocalCosts, "lokale_kosten"},
     {ImportKind::kReviewDecisions, "toetsingen"}}};

}  // namespace

std::optional<ImportKind> ImportKindFromName(std::string_view name) {
  for (const auto& [k, n] : kKindNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::string_view ImportKindName(ImportKind kind) {
  for (const auto& [k, n] : kKindNames) {
    if (k == kind) return n;
  }
  return "?";
}

const std::vector<ImportKind>& ImportOrder() {
  static const std::vector<ImportKind> kOrder = [] {
    std::vector<ImportKind> v;
    for (const auto& [k, n] : kKindNames) v.push_back(k);
    return v;
  }();
  return kOrder;
}

}  // namespace jr
