#include "ingest/csv_source.h"

#include <fmt/format.h>

#include <cmath>
#include <utility>
#include <vector>

#include "care/pseudonym.h"
#include "ingest/csv_layout.h"
#include "ingest/row_reader.h"

namespace jr {
namespace {

// The Origin of the current record of a RowReader.
class CsvOrigin final : public Origin {
 public:
  CsvOrigin(const RowReader& rr, const FieldLabels& labels) : rr_(rr), labels_(labels) {}
  Location Record() const override { return {rr_.file(), rr_.line()}; }
  Location Field(std::string_view field) const override { return rr_.At(Label(field)); }
  std::string_view Label(std::string_view field) const override {
    for (const auto& [f, column] : labels_) {
      if (f == field) return column;
    }
    return field;
  }

 private:
  const RowReader& rr_;
  const FieldLabels& labels_;
};

// One file: the records of `csv` as values.
class CsvSource {
 public:
  CsvSource(const CsvReader& csv, const CsvSourceOptions& options, ValueSink& sink,
            ErrorList* errors)
      : csv_(csv), options_(options), sink_(sink), errors_(errors) {}

  // Reads every record as a T; returns the number of records read.
  template <typename T>
  int64_t Read(const CsvLayout& layout);

 private:
  // Each fills `*v` from the current record; false when a field is missing or bad
  // (the error is in errors_).
  bool Parse(RowReader& r, Municipality* v);
  bool Parse(RowReader& r, MunicipalityKey* v);
  bool Parse(RowReader& r, Provider* v);
  bool Parse(RowReader& r, Product* v);
  bool Parse(RowReader& r, Tariff* v);
  bool Parse(RowReader& r, Contract* v);
  bool Parse(RowReader& r, YouthTeam* v);
  bool Parse(RowReader& r, ClientResidence* v);
  bool Parse(RowReader& r, Assignment* v);
  bool Parse(RowReader& r, Declaration* v);
  bool Parse(RowReader& r, CostItem* v);
  bool Parse(RowReader& r, ReviewDecision* v);
  bool Parse(RowReader& r, AssignmentSupplement* v);
  // Client pseudonym from a `bsn` (11-test, keyed hash) or `client` column.
  std::optional<std::string> Client(RowReader& r);

  const CsvReader& csv_;
  const CsvSourceOptions& options_;
  ValueSink& sink_;
  ErrorList* errors_;
};

template <typename T>
int64_t CsvSource::Read(const CsvLayout& layout) {
  RowReader rr(csv_, layout.columns, layout.alternatives, errors_);
  if (!rr.header_ok()) return 0;
  CsvOrigin origin(rr, layout.labels);
  T value;
  int64_t rows = 0;
  Status s = csv_.ForEachRecord([&](int line, const std::vector<std::string>& fields) {
    ++rows;
    if (options_.progress && rows % 100000 == 0) options_.progress(csv_.name(), rows);
    if (!rr.Start(line, &fields)) return !errors_->full();
    size_t before = errors_->count();
    if (!Parse(rr, &value) || errors_->count() != before) return !errors_->full();
    return sink_.Add(value, origin);
  });
  if (!s.ok()) errors_->Add(s);
  return rows;
}

// The CSV's inclusive end date as the exclusive end of a half-open period.
std::optional<Date> ExclusiveEnd(const std::optional<Date>& end) {
  if (!end) return std::nullopt;
  return NextDay(*end);
}

// The required column `verwijzer` as a referral route; an unknown name is an error.
std::optional<Route> RouteField(RowReader& r) {
  auto text = r.Text("verwijzer");
  std::optional<Route> route;
  if (text && !(route = RouteFromName(*text))) {
    r.Error("verwijzer",
            fmt::format("{} is geen verwijzer (gemeente, huisarts, jeugdarts, gi, "
                        "medisch_specialist, justitie, geen, onbekend)",
                        ShownValue(*text)));
  }
  return route;
}

bool CsvSource::Parse(RowReader& r, Municipality* v) {
  auto code = r.Municipality("gemeentecode");
  auto name = r.Text("naam");
  auto begin = r.DateField("begindatum", true, 1900);
  auto end = r.DateField("einddatum", false, 1900);
  auto succ = r.Municipality("opvolger", false);
  if (begin && end && *end < *begin) {
    r.Error("einddatum", fmt::format("einddatum {} ligt voor begindatum {}",
                                     FormatDate(*end), FormatDate(*begin)));
  }
  if (!code || !name || !begin) return false;
  *v = {std::move(*code), std::move(*name),  std::string(r.Raw("subregio")),
        *begin,           ExclusiveEnd(end), succ.value_or("")};
  return true;
}

bool CsvSource::Parse(RowReader& r, MunicipalityKey* v) {
  auto code = r.Municipality("gemeentecode");
  auto year = r.Year("jaar");
  auto key = r.Text("sleutel");
  auto value = r.Number("waarde");
  // Counts of people are whole numbers (`118.709` inhabitants is 118709).
  if (key && value && (*key == "inwoners" || *key == "jeugdigen") &&
      *value != std::floor(*value)) {
    r.Error("waarde", fmt::format("{} is een aantal {}: een geheel getal",
                                  ShownValue(r.Raw("waarde")), *key));
    return false;
  }
  if (!code || !year || !key || !value) return false;
  *v = {std::move(*code), *year, std::move(*key), *value};
  return true;
}

bool CsvSource::Parse(RowReader& r, Provider* v) {
  auto agb = r.Agb("agb_code");
  auto name = r.Text("naam");
  if (!agb || !name) return false;
  *v = {std::move(*agb), std::move(*name)};
  return true;
}

bool CsvSource::Parse(RowReader& r, Product* v) {
  auto cat = r.Category("productcategorie");
  auto code = r.ProductCode("productcode");
  auto desc = r.Text("omschrijving");
  auto unit = r.UnitField("eenheid");
  auto bucket = r.Text("kostenpost");
  auto cls = r.Text("afbakening");
  std::optional<CareClass> care_class;
  if (cls && !(care_class = CareClassFromName(*cls))) {
    r.Error("afbakening", fmt::format("{} is geen afbakening (zeker, grijs of geen)",
                                      ShownValue(*cls)));
    return false;
  }
  if (!cat || !code || !desc || !unit || !bucket || !cls) return false;
  *v = {std::move(*cat), std::move(*code),   std::move(*desc),
        *unit,           std::move(*bucket), *care_class};
  return true;
}

bool CsvSource::Parse(RowReader& r, Tariff* v) {
  auto cat = r.Category("productcategorie");
  auto code = r.ProductCode("productcode");
  auto year = r.Year("jaar");
  auto tariff = r.Amount("tarief");
  auto agb = r.Agb("agb_code", false);
  if (!cat || !code || !year || !tariff) return false;
  *v = {std::move(*cat), std::move(*code), *year, *tariff, agb.value_or("")};
  return true;
}

bool CsvSource::Parse(RowReader& r, Contract* v) {
  auto agb = r.Agb("agb_code");
  auto year = r.Year("jaar");
  auto lot = r.Text("perceel");
  auto ceiling = r.Amount("budgetplafond", false);
  if (!agb || !year || !lot) return false;
  *v = {std::move(*agb), *year, std::move(*lot), ceiling};
  return true;
}

// A field of two values: `yes` true, `no` false; empty is none when `optional`, else
// an error, like any other value.
std::optional<bool> TwoValued(RowReader& r, const char* column, std::string_view yes,
                              std::string_view no, bool optional, bool* bad) {
  std::string_view value = r.Raw(column);
  if (value == yes) return true;
  if (value == no) return false;
  if (value.empty() && optional) return std::nullopt;
  r.Error(column, fmt::format("onbekende waarde '{}' ({} of {}{})", value, yes, no,
                              optional ? " of leeg" : ""));
  *bad = true;
  return std::nullopt;
}

bool CsvSource::Parse(RowReader& r, ReviewDecision* v) {
  auto number = r.Text("toewijzingnummer");
  bool bad = false;
  auto approved = TwoValued(r, "besluit", "akkoord", "afgewezen", false, &bad);
  auto date = r.DateField("datum");
  auto deferrable = TwoValued(r, "uitstelbaar", "ja", "nee", true, &bad);
  if (!number || bad || !date) return false;
  *v = {std::move(*number), *approved, *date, deferrable};
  return true;
}

bool CsvSource::Parse(RowReader& r, AssignmentSupplement* v) {
  auto number = r.Text("toewijzingnummer");
  std::optional<Route> route = RouteField(r);
  auto team = r.Text("team", false);
  auto previous = r.Text("vorige_toewijzing", false);
  if (!number || !route) return false;
  *v = {std::move(*number), *route, team.value_or(""), previous.value_or("")};
  return true;
}

bool CsvSource::Parse(RowReader& r, YouthTeam* v) {
  auto team = r.Text("team");
  auto name = r.Text("naam");
  auto code = r.Municipality("gemeentecode");
  auto year = r.Year("jaar");
  auto budget = r.Amount("budget", false);
  if (!team || !name || !code || !year) return false;
  *v = {std::move(*team), std::move(*name), std::move(*code), *year, budget};
  return true;
}

std::optional<std::string> CsvSource::Client(RowReader& r) {
  if (r.Has("client")) {
    auto client = r.Text("client");
    // A pseudonym ("P" + hex) never passes the 11-test; a BSN here would be stored in
    // clear.
    if (client && IsValidBsn(*client)) {
      r.Error("client",
              "lijkt op een BSN (de kolom 'client' bevat een pseudoniem; een BSN hoort "
              "in de kolom 'bsn' en wordt dan gepseudonimiseerd)");
      return std::nullopt;
    }
    return client;
  }
  std::string_view bsn = r.Raw("bsn");
  if (bsn.empty()) {
    r.Error("bsn", "is leeg");
    return std::nullopt;
  }
  // Never echo the BSN: the line and column say where it is.
  if (!IsValidBsn(bsn)) {
    r.Error("bsn", "ongeldig BSN (geen 9 cijfers of voldoet niet aan de elfproef)");
    return std::nullopt;
  }
  if (options_.pseudonymizer == nullptr) {
    r.Error(
        "bsn",
        "geen sleutelbestand voor pseudonimisering (maak het aan met 'jeugdregio init')");
    return std::nullopt;
  }
  return options_.pseudonymizer->Pseudonym(bsn);
}

bool CsvSource::Parse(RowReader& r, ClientResidence* v) {
  auto client = Client(r);
  std::string_view birth_text = r.Raw("geboortedatum");
  std::optional<Month> birth;
  if (auto m = ParseMonth(birth_text); m.ok()) {
    birth = *m;
  } else if (auto d = r.DateField("geboortedatum", true, 1900)) {
    birth = d->year() / d->month();
  }
  if (birth && (static_cast<int>(birth->year()) < 1900 ||
                static_cast<int>(birth->year()) > 2100)) {
    r.Error("geboortedatum", "ligt buiten 1900-2100");
    birth.reset();
  }
  auto code = r.Municipality("gemeentecode");
  auto begin = r.DateField("begindatum");
  if (!client || !birth || !code || !begin) return false;
  *v = {std::move(*client), *birth, std::move(*code), *begin};
  return true;
}

bool CsvSource::Parse(RowReader& r, Assignment* v) {
  auto number = r.Text("toewijzingnummer");
  auto client = Client(r);
  auto code = r.Municipality("gemeentecode");
  auto agb = r.Agb("agb_code");
  auto cat = r.Category("productcategorie");
  auto pcode = r.ProductCode("productcode");
  auto volume = r.VolumeField("volume");
  auto unit = r.UnitField("eenheid");
  auto freq_text = r.Text("frequentie");
  std::optional<Frequency> freq;
  if (freq_text && !(freq = FrequencyFromCode(*freq_text))) {
    r.Error("frequentie", fmt::format("{} is geen iJw-frequentie (1, 2, 4 of 6)",
                                      ShownValue(*freq_text)));
  }
  auto start = r.DateField("ingangsdatum");
  auto end = r.DateField("einddatum", false);
  if (start && end && *end < *start) {
    r.Error("einddatum", fmt::format("einddatum {} ligt voor ingangsdatum {}",
                                     FormatDate(*end), FormatDate(*start)));
  }
  std::optional<Route> route = RouteField(r);
  auto team = r.Text("team", false);
  auto previous = r.Text("vorige_toewijzing", false);
  auto budget = r.Amount("budget", false);
  if (!number || !client || !code || !agb || !cat || !pcode || !volume || !unit ||
      !freq || !start || !route) {
    return false;
  }
  v->number = std::move(*number);
  v->client = std::move(*client);
  v->municipality = std::move(*code);
  v->agb = std::move(*agb);
  v->category = std::move(*cat);
  v->product_code = std::move(*pcode);
  v->volume = *volume;
  v->unit = *unit;
  v->frequency = *freq;
  v->start = *start;
  v->end = ExclusiveEnd(end);
  v->route = *route;
  v->team = team.value_or("");
  v->predecessor = previous.value_or("");
  v->budget = budget;
  return true;
}

bool CsvSource::Parse(RowReader& r, Declaration* v) {
  auto number = r.Text("declaratienummer");
  auto assignment = r.Text("toewijzingnummer");
  auto agb = r.Agb("agb_code");
  auto cat = r.Category("productcategorie");
  auto code = r.ProductCode("productcode");
  auto start = r.DateField("begindatum");
  auto end = r.DateField("einddatum");
  if (start && end && *end < *start) {
    r.Error("einddatum", fmt::format("einddatum {} ligt voor begindatum {}",
                                     FormatDate(*end), FormatDate(*start)));
  }
  auto volume = r.VolumeField("geleverd_volume");
  auto unit = r.UnitField("eenheid");
  auto tariff = r.Amount("tarief", false);
  auto amount = r.Amount("bedrag");
  std::string_view dc = r.Raw("debet_credit");
  if (!dc.empty() && dc != "D" && dc != "C") {
    r.Error("debet_credit", fmt::format("{} is geen D of C", ShownValue(dc)));
  }
  if (!number || !assignment || !agb || !cat || !code || !start || !end || !volume ||
      !unit || !amount) {
    return false;
  }
  v->number = std::move(*number);
  v->assignment = std::move(*assignment);
  v->agb = std::move(*agb);
  v->category = std::move(*cat);
  v->product_code = std::move(*code);
  v->start = *start;
  v->end = NextDay(*end);
  v->volume = *volume;
  v->unit = *unit;
  v->tariff = tariff;
  v->amount = dc == "C" ? -*amount : *amount;
  return true;
}

bool CsvSource::Parse(RowReader& r, CostItem* v) {
  std::optional<std::string> code;
  if (r.Has("gemeentecode")) {  // lokale_kosten.csv
    code = r.Municipality("gemeentecode");
    if (!code) return false;
  }
  auto year = r.Year("jaar");
  auto bucket = r.Text("kostenpost");
  auto amount = r.Amount("bedrag");
  if (!year || !bucket || !amount) return false;
  *v = {code.value_or(""), *year, std::move(*bucket), *amount};
  return true;
}

}  // namespace

int64_t ReadCsv(const CsvReader& csv, ImportKind kind, const CsvSourceOptions& options,
                ValueSink& sink, ErrorList* errors) {
  CsvSource source(csv, options, sink, errors);
  const CsvLayout& layout = CsvLayoutOf(kind);
  switch (kind) {
    case ImportKind::kMunicipalities:
      return source.Read<Municipality>(layout);
    case ImportKind::kKeys:
      return source.Read<MunicipalityKey>(layout);
    case ImportKind::kProviders:
      return source.Read<Provider>(layout);
    case ImportKind::kProducts:
      return source.Read<Product>(layout);
    case ImportKind::kTariffs:
      return source.Read<Tariff>(layout);
    case ImportKind::kContracts:
      return source.Read<Contract>(layout);
    case ImportKind::kYouthTeams:
      return source.Read<YouthTeam>(layout);
    case ImportKind::kClients:
      return source.Read<ClientResidence>(layout);
    case ImportKind::kAssignments:
      return source.Read<Assignment>(layout);
    case ImportKind::kDeclarations:
      return source.Read<Declaration>(layout);
    case ImportKind::kFixedCosts:
    case ImportKind::kLocalCosts:
      return source.Read<CostItem>(layout);
    case ImportKind::kReviewDecisions:
      return source.Read<ReviewDecision>(layout);
    case ImportKind::kAssignmentSupplements:
      return source.Read<AssignmentSupplement>(layout);
  }
  return 0;
}

}  // namespace jr
