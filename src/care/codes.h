// Code lists of the iJw standard and CBS used in the care data, with their CSV names.
#pragma once

#include <optional>
#include <string_view>

namespace jr {

// iJw WJ756 unit.
enum class Unit {
  kMinute = 1,
  kHour = 4,
  kDay = 14,
  kDayPart = 16,
  kPieceOutput = 82,
  kEuro = 83,
  kPieceEffort = 84
};
// iJw WJ757 frequency of an assigned volume.
enum class Frequency { kPerDay = 1, kPerWeek = 2, kPerMonth = 4, kTotal = 6 };
// Youth-care boundary class (afbakening) of a product (seed 000, slide 10).
enum class CareClass { kCertain, kGrey, kNot };
// Referral route, as CBS youth statistics classify it.
enum class Route {
  kMunicipality,
  kGp,
  kYouthDoctor,
  kCertifiedInstitution,
  kMedicalSpecialist,
  kJustice,
  kNone,
  kUnknown
};
inline constexpr int kRouteCount = 8;
// Decision of a care rule on a declaration line (care/finding.h).
enum class FindingStatus { kAccepted, kRejected, kSignal };

// Parsers of the CSV codes; nullopt when the code is not in the list.
std::optional<Unit> UnitFromCode(std::string_view code);            // "01", "14", ...
std::optional<Frequency> FrequencyFromCode(std::string_view code);  // "1", "2", "4", "6"
std::optional<CareClass> CareClassFromName(std::string_view name);  // zeker/grijs/geen
std::optional<Route> RouteFromName(std::string_view name);  // gemeente, huisarts, ...
std::optional<FindingStatus> FindingStatusFromName(
    std::string_view name);  // afgewezen, ...

std::string_view UnitCode(Unit u);            // "01"
std::string_view UnitName(Unit u);            // Dutch: "minuut"
std::string_view CareClassName(CareClass c);  // "zeker"
std::string_view RouteName(Route r);          // "huisarts"
std::string_view FindingStatusName(
    FindingStatus s);  // "geaccepteerd", "afgewezen", "signaal"

}  // namespace jr
