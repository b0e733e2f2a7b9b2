// The words at the top of a municipality page (issue 15 item 7): what it pays, its
// own use, the difference and its risk, per model, for a council member.
#include <fmt/format.h>

#include <cmath>

#include "report/sections.h"

namespace jr::report {
namespace {

std::string Euros(Money m) { return m.ToEuroString() + " euro"; }

// "1,2 miljoen euro" for large amounts, else whole euros.
std::string Words(Money m) {
  const double e = std::abs(m.ToEurosApprox());
  if (e >= 1'000'000) return FormatNumber(e / 1'000'000, 1) + " miljoen euro";
  return Money::FromCents(std::abs(m.cents())).ToEuroString() + " euro";
}

}  // namespace

std::vector<std::string> MunicipalitySummary(
    const Municipality& m,
    const std::vector<std::vector<settle::YearSettlement>>& results,
    const settle::RiskResult* risk, int year) {
  std::vector<std::string> out;
  for (const auto& by_year : results) {
    for (const settle::YearSettlement& y : by_year) {
      if (y.year != year) continue;
      for (const settle::MunicipalitySettlement& s : y.municipalities) {
        if (s.code != m.code) continue;
        const Money diff = s.transfer();
        std::string verdict;
        if (diff == Money()) {
          verdict = "u betaalt precies uw eigen gebruik";
        } else if (diff > Money()) {
          verdict = fmt::format(
              "u betaalt {} meer dan uw eigen gebruik en draagt zo "
              "mee aan de zorg in andere gemeenten",
              Words(diff));
        } else {
          verdict = fmt::format(
              "u betaalt {} minder dan uw eigen gebruik; andere "
              "gemeenten dragen dat deel",
              Words(diff));
        }
        std::string text = fmt::format(
            "Model {}, {}: u betaalt {}; uw eigen gebruik is {}; verschil {} ({}).",
            y.model, year, Euros(s.contribution), Euros(s.own_use), Euros(diff), verdict);
        if (risk != nullptr && risk->year == year) {
          for (const settle::RiskRow& r : risk->rows) {
            if (r.model != y.model || r.municipality != m.code) continue;
            text += fmt::format(
                " Risico: in 1 op de 20 jaren betaalt u meer dan {}, {} boven een "
                "gewoon jaar (de mediaan).",
                Euros(r.p95), Words(r.spread()));
          }
        }
        out.push_back(std::move(text));
      }
    }
  }
  if (!out.empty()) {
    out.push_back(
        "Eigen gebruik = de zorg voor uw inwoners, uw lokale kosten (jeugdteams, "
        "basisvoorzieningen) en uw deel van de vaste regionale kosten naar inwoners. "
        "Onder elk model betalen de gemeenten samen precies hun gezamenlijke eigen "
        "gebruik; "
        "een model verdeelt alleen anders. Het risico komt uit een bootstrap: de "
        "cliënten van het jaar zijn vele keren opnieuw getrokken (zie de "
        "begrippenlijst).");
  }
  return out;
}

}  // namespace jr::report

namespace jr::report {

ReportSection GlossarySection() {
  ReportSection s{"begrippen", "Begrippenlijst", {}, {}, {}, ""};
  s.text.push_back("Wat de woorden en afkortingen in dit rapport betekenen.");
  Table t;
  t.title = "Begrippen";
  t.columns = {{"term", "Begrip"}, {"meaning", "Betekenis"}};
  const std::pair<const char*, const char*> terms[] = {
      {"Eigen gebruik",
       "De gedeclareerde zorg voor de inwoners van een gemeente, haar lokale kosten en "
       "haar deel van de vaste regionale kosten naar inwoners. Hangt niet af van het "
       "model."},
      {"Bijdrage", "Wat een gemeente onder een verrekenmodel aan de regio betaalt."},
      {"Saldo",
       "Bijdrage min eigen gebruik: positief = betaalt mee voor andere "
       "gemeenten. De saldi van een jaar tellen op tot 0."},
      {"Rijksbudget jeugd",
       "Het deel jeugd van de uitkering uit het gemeentefonds (samen ongeveer 106 "
       "miljoen); plafond van scenario 1."},
      {"Extra rijksbijdrage",
       "De extra bijdrage van het rijk in de tabel van de taakstelling (12 en 9,5 "
       "miljoen); verlaagt de kosten voor de regio."},
      {"Vaste regionale kosten",
       "Kosten die geen gemeente zelf gebruikt (serviceorganisatie, crisisdienst, "
       "Veilig Thuis, diagnosenetwerk); verdeeld naar een sleutel."},
      {"Lokale kosten",
       "Kosten die elke gemeente zelf draagt (jeugdteams, "
       "basisvoorzieningen)."},
      {"Solidair / profijt",
       "Solidair: de zorg wordt naar inwoners verdeeld. Profijt: elke gemeente betaalt "
       "haar eigen gebruik."},
      {"Vlaktaks", "Verdeling naar het aandeel in het gebruik van de vorige jaren."},
      {"Pool (stop-loss)",
       "Per cliënt gaat het deel boven een drempel (bijv. 100.000 "
       "euro) naar de regio; de rest betaalt de gemeente zelf."},
      {"Bootstrap",
       "De cliënten van een jaar worden vele keren opnieuw (met teruglegging) "
       "getrokken; zo blijkt hoeveel de rekening door toeval kan schommelen."},
      {"Mediaan, P95",
       "De mediaan is een gewoon jaar (de helft van de trekkingen ligt hoger); P95 is "
       "een slecht jaar: 1 op de 20 trekkingen ligt hoger."},
      {"P95-mediaan", "Hoeveel een slecht jaar (1 op 20) meer kost dan een gewoon jaar."},
      {"Std.afw.", "Standaardafwijking: de gewone schommeling rond het gemiddelde."},
      {"P10, P50, P90",
       "10%, 50% en 90% van de uitkomsten van de simulatie liggen op of onder dit "
       "bedrag; tussen P10 en P90 ligt 80% van de uitkomsten."},
      {"Seed",
       "Het startgetal van de toevalsgetallen: dezelfde seed geeft dezelfde "
       "uitkomst."},
      {"Replicatie / run",
       "Eén doorrekening van de simulatie met eigen toevalsgetallen."},
      {"WAPE",
       "Gewogen gemiddelde procentuele afwijking van een prognose ten opzichte van de "
       "werkelijkheid (kleiner is beter)."},
      {"Taakstelling", "De besparing die de regio zich per jaar heeft opgelegd."},
      {"Burap", "Bestuursrapportage: wijziging van de begroting tijdens het jaar."},
      {"Scenario 1, 2, 3",
       "Plafonds voor de uitgaven: 1 het rijksbudget jeugd; 2 een vaste basis "
       "(realisatie 2018 + 2%); 3 het taakstellingspad."},
      {"Kans taakstelling",
       "Het deel van de simulaties waarin de maatregelen de benodigde besparing halen; "
       "maatregelen kunnen mislukken of een jaar later leveren."},
      {"<5 en x",
       "In de openbare versie: minder dan 5 cliënten, en de andere cijfers van "
       "die rij weggelaten."},
  };
  for (const auto& [term, meaning] : terms) {
    t.AddRow({std::string(term), std::string(meaning)});
  }
  s.tables.push_back({"begrippen", std::move(t)});
  return s;
}

}  // namespace jr::report
