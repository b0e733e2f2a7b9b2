// ImportKind: the kinds of interchange file (FORMATS.md), in dependency order.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace jr {

enum class ImportKind {
  kMunicipalities,         // gemeenten
  kKeys,                   // kengetallen
  kProviders,              // aanbieders
  kProducts,               // producten
  kTariffs,                // tarieven
  kContracts,              // contracten
  kYouthTeams,             // jeugdteams
  kClients,                // clienten
  kAssignments,            // toewijzingen
  kDeclarations,           // declaraties
  kFixedCosts,             // vaste_kosten
  kLocalCosts,             // lokale_kosten
  kReviewDecisions,        // toetsingen (optional; after toewijzingen)
  kAssignmentSupplements,  // toewijzingen_aanvulling (optional; before the JW301
                           // messages it completes)
};

// "declaraties" -> kDeclarations (the file name without .csv); nullopt if unknown.
std::optional<ImportKind> ImportKindFromName(std::string_view name);
std::string_view ImportKindName(ImportKind kind);
// All kinds in dependency order (the order of a folder import).
const std::vector<ImportKind>& ImportOrder();

}  // namespace jr
