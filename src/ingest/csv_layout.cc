#include "ingest/csv_layout.h"

namespace jr {

const CsvLayout& CsvLayoutOf(ImportKind kind) {
  static const CsvLayout kMunicipalities{{{"gemeentecode", true},
                                          {"naam", true},
                                          {"subregio", true},
                                          {"begindatum", true},
                                          {"einddatum", false},
                                          {"opvolger", false}},
                                         {},
                                         {{"code", "gemeentecode"},
                                          {"name", "naam"},
                                          {"subregion", "subregio"},
                                          {"begin", "begindatum"},
                                          {"end", "einddatum"},
                                          {"successor", "opvolger"}}};
  static const CsvLayout kKeys{
      {{"gemeentecode", true}, {"jaar", true}, {"sleutel", true}, {"waarde", true}},
      {},
      {{"municipality", "gemeentecode"},
       {"year", "jaar"},
       {"key", "sleutel"},
       {"value", "waarde"}}};
  static const CsvLayout kProviders{
      {{"agb_code", true}, {"naam", true}}, {}, {{"agb", "agb_code"}, {"name", "naam"}}};
  static const CsvLayout kProducts{{{"productcategorie", true},
                                    {"productcode", true},
                                    {"omschrijving", true},
                                    {"eenheid", true},
                                    {"kostenpost", true},
                                    {"afbakening", true}},
                                   {},
                                   {{"category", "productcategorie"},
                                    {"code", "productcode"},
                                    {"description", "omschrijving"},
                                    {"unit", "eenheid"},
                                    {"bucket", "kostenpost"},
                                    {"care_class", "afbakening"}}};
  static const CsvLayout kTariffs{{{"productcategorie", true},
                                   {"productcode", true},
                                   {"jaar", true},
                                   {"tarief", true},
                                   {"agb_code", false}},
                                  {},
                                  {{"category", "productcategorie"},
                                   {"code", "productcode"},
                                   {"year", "jaar"},
                                   {"agb", "agb_code"},
                                   {"per_unit", "tarief"}}};
  static const CsvLayout kContracts{
      {{"agb_code", true}, {"jaar", true}, {"perceel", true}, {"budgetplafond", false}},
      {},
      {{"agb", "agb_code"},
       {"year", "jaar"},
       {"lot", "perceel"},
       {"ceiling", "budgetplafond"}}};
  static const CsvLayout kYouthTeams{{{"team", true},
                                      {"naam", true},
                                      {"gemeentecode", true},
                                      {"jaar", true},
                                      {"budget", false}},
                                     {},
                                     {{"team", "team"},
                                      {"year", "jaar"},
                                      {"name", "naam"},
                                      {"municipality", "gemeentecode"},
                                      {"budget", "budget"}}};
  static const CsvLayout kClients{
      {{"geboortedatum", true}, {"gemeentecode", true}, {"begindatum", true}},
      {{"bsn", "client"}},
      {{"client", "client"},
       {"begin", "begindatum"},
       {"birth", "geboortedatum"},
       {"municipality", "gemeentecode"}}};
  static const CsvLayout kAssignments{{{"toewijzingnummer", true},
                                       {"gemeentecode", true},
                                       {"agb_code", true},
                                       {"productcategorie", true},
                                       {"productcode", true},
                                       {"volume", true},
                                       {"eenheid", true},
                                       {"frequentie", true},
                                       {"ingangsdatum", true},
                                       {"einddatum", false},
                                       {"verwijzer", true},
                                       {"team", false},
                                       {"vorige_toewijzing", false},
                                       {"budget", false}},
                                      {{"bsn", "client"}},
                                      {{"number", "toewijzingnummer"},
                                       {"client", "client"},
                                       {"municipality", "gemeentecode"},
                                       {"agb", "agb_code"},
                                       {"category", "productcategorie"},
                                       {"product_code", "productcode"},
                                       {"volume", "volume"},
                                       {"unit", "eenheid"},
                                       {"frequency", "frequentie"},
                                       {"start", "ingangsdatum"},
                                       {"end", "einddatum"},
                                       {"route", "verwijzer"},
                                       {"team", "team"},
                                       {"predecessor", "vorige_toewijzing"},
                                       {"budget", "budget"}}};
  static const CsvLayout kDeclarations{{{"declaratienummer", true},
                                        {"toewijzingnummer", true},
                                        {"agb_code", true},
                                        {"productcategorie", true},
                                        {"productcode", true},
                                        {"begindatum", true},
                                        {"einddatum", true},
                                        {"geleverd_volume", true},
                                        {"eenheid", true},
                                        {"tarief", false},
                                        {"bedrag", true},
                                        {"debet_credit", false}},
                                       {},
                                       {{"number", "declaratienummer"},
                                        {"assignment", "toewijzingnummer"},
                                        {"agb", "agb_code"},
                                        {"category", "productcategorie"},
                                        {"product_code", "productcode"},
                                        {"start", "begindatum"},
                                        {"end", "einddatum"},
                                        {"volume", "geleverd_volume"},
                                        {"unit", "eenheid"},
                                        {"tariff", "tarief"},
                                        {"amount", "bedrag"}}};
  static const FieldLabels kCostLabels{{"municipality", "gemeentecode"},
                                       {"year", "jaar"},
                                       {"bucket", "kostenpost"},
                                       {"amount", "bedrag"}};
  static const CsvLayout kFixedCosts{
      {{"jaar", true}, {"kostenpost", true}, {"bedrag", true}}, {}, kCostLabels};
  static const CsvLayout kLocalCosts{
      {{"gemeentecode", true}, {"jaar", true}, {"kostenpost", true}, {"bedrag", true}},
      {},
      kCostLabels};
  static const CsvLayout kReviewDecisions{{{"toewijzingnummer", true},
                                           {"besluit", true},
                                           {"datum", true},
                                           {"uitstelbaar", false}},
                                          {},
                                          {{"assignment", "toewijzingnummer"},
                                           {"approved", "besluit"},
                                           {"date", "datum"},
                                           {"deferrable", "uitstelbaar"}}};
  static const CsvLayout kAssignmentSupplements{{{"toewijzingnummer", true},
                                                 {"verwijzer", true},
                                                 {"team", false},
                                                 {"vorige_toewijzing", false}},
                                                {},
                                                {{"assignment", "toewijzingnummer"},
                                                 {"route", "verwijzer"},
                                                 {"team", "team"},
                                                 {"predecessor", "vorige_toewijzing"}}};
  switch (kind) {
    case ImportKind::kMunicipalities:
      return kMunicipalities;
    case ImportKind::kKeys:
      return kKeys;
    case ImportKind::kProviders:
      return kProviders;
    case ImportKind::kProducts:
      return kProducts;
    case ImportKind::kTariffs:
      return kTariffs;
    case ImportKind::kContracts:
      return kContracts;
    case ImportKind::kYouthTeams:
      return kYouthTeams;
    case ImportKind::kClients:
      return kClients;
    case ImportKind::kAssignments:
      return kAssignments;
    case ImportKind::kDeclarations:
      return kDeclarations;
    case ImportKind::kFixedCosts:
      return kFixedCosts;
    case ImportKind::kLocalCosts:
      return kLocalCosts;
    case ImportKind::kReviewDecisions:
      return kReviewDecisions;
    case ImportKind::kAssignmentSupplements:
      return kAssignmentSupplements;
  }
  return kProviders;
}

}  // namespace jr
