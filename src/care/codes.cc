#include "care/codes.h"

#include <array>
#include <utility>

namespace jr {
namespace {

constexpr std::array<std::pair<Unit, std::string_view>, 7> kUnitCodes{
    {{Unit::kMinute, "01"},
     {Unit::kHour, "04"},
     {Unit::kDay, "14"},
     {Unit::kDayPart, "16"},
     {Unit::kPieceOutput, "82"},
     {Unit::kEuro, "83"},
     {Unit::kPieceEffort, "84"}}};
constexpr std::array<std::pair<Unit, std::string_view>, 7> kUnitNames{
    {{Unit::kMinute, "minuut"},
     {Unit::kHour, "uur"},
     {Unit::kDay, "etmaal"},
     {Unit::kDayPart, "dagdeel"},
     {Unit::kPieceOutput, "stuks (output)"},
     {Unit::kEuro, "euro"},
     {Unit::kPieceEffort, "stuks (inspanning)"}}};
constexpr std::array<std::pair<Frequency, std::string_view>, 4> kFrequencyCodes{
    {{Frequency::kPerDay, "1"},
     {Frequency::kPerWeek, "2"},
     {Frequency::kPerMonth, "4"},
     {Frequency::kTotal, "6"}}};
constexpr std::array<std::pair<CareClass, std::string_view>, 3> kCareClassNames{
    {{CareClass::kCertain, "zeker"},
     {CareClass::kGrey, "grijs"},
     {CareClass::kNot, "geen"}}};
constexpr std::array<std::pair<Route, std::string_view>, kRouteCount> kRouteNames{
    {{Route::kMunicipality, "gemeente"},
     {Route::kGp, "huisarts"},
     {Route::kYouthDoctor, "jeugdarts"},
     {Route::kCertifiedInstitution, "gi"},
     {Route::kMedicalSpecialist, "medisch_specialist"},
     {Route::kJustice, "justitie"},
     {Route::kNone, "geen"},
     {Route::kUnknown, "onbekend"}}};
constexpr std::array<std::pair<FindingStatus, std::string_view>, 3> kFindingStatusNames{
    {{FindingStatus::kAccepted, "geaccepteerd"},
     {FindingStatus::kRejected, "afgewezen"},
     {FindingStatus::kSignal, "signaal"}}};

template <typename E, size_t N>
std::optional<E> Lookup(const std::array<std::pair<E, std::string_view>, N>& table,
                        std::string_view text) {
  for (const auto& [e, s] : table) {
    if (s == text) return e;
  }
  return std::nullopt;
}

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
  for (const auto& [v, s] : table) {
    if (v == e) return s;
  }
  return "?";
}

}  // namespace

std::optional<Unit> UnitFromCode(std::string_view code) {
  return Lookup(kUnitCodes, code);
}
std::optional<Frequency> FrequencyFromCode(std::string_view code) {
  return Lookup(kFrequencyCodes, code);
}
std::optional<CareClass> CareClassFromName(std::string_view name) {
  return Lookup(kCareClassNames, name);
}
std::optional<Route> RouteFromName(std::string_view name) {
  return Lookup(kRouteNames, name);
}
std::string_view UnitCode(Unit u) { return NameOf(kUnitCodes, u); }
std::string_view UnitName(Unit u) { return NameOf(kUnitNames, u); }
std::string_view CareClassName(CareClass c) { return NameOf(kCareClassNames, c); }
std::string_view RouteName(Route r) { return NameOf(kRouteNames, r); }
std::optional<FindingStatus> FindingStatusFromName(std::string_view name) {
  return Lookup(kFindingStatusNames, name);
}
std::string_view FindingStatusName(FindingStatus s) {
  return NameOf(kFindingStatusNames, s);
}

}  // namespace jr
