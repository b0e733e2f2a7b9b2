#include "ingest/importer.h"

#include <array>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "ingest/csv_reader.h"
#include "ingest/row_reader.h"
#include "ingest/table_writer.h"
#include "store/statement.h"

namespace jr {
namespace {

constexpr std::array<std::pair<ImportKind, std::string_view>, 12> kKindNames{{
    {ImportKind::kMunicipalities, "gemeenten"}, {ImportKind::kKeys, "kengetallen"},
    {ImportKind::kProviders, "aanbieders"},     {ImportKind::kProducts, "producten"},
    {ImportKind::kTariffs, "tarieven"},         {ImportKind::kContracts, "contracten"},
    {ImportKind::kYouthTeams, "jeugdteams"},    {ImportKind::kClients, "clienten"},
    {ImportKind::kAssignments, "toewijzingen"}, {ImportKind::kDeclarations, "declaraties"},
    {ImportKind::kFixedCosts, "vaste_kosten"},  {ImportKind::kLocalCosts, "lokale_kosten"}}};

// What an assignment brings to the checks of its declarations.
struct AssignmentRef {
  std::string category, product_code;
  int start_day = 0;
  std::optional<int> end_day;  // exclusive
};

// Reference data of the store (plus what the current import adds), for the checks
// that give better messages than a foreign-key failure would.
struct References {
  std::unordered_set<std::string> municipalities, providers, teams;
  std::unordered_map<std::string, Unit> products;  // "45/45A10" -> unit
  std::unordered_map<std::string, AssignmentRef> assignments;
  std::unordered_map<std::string, int64_t> tariffs;  // "cat/code/year/agb" -> cents

  void Load(const Store& store) {
    sqlite3* db = store.handle();
    Statement m(db, "SELECT code FROM municipality");
    while (m.Step()) municipalities.insert(m.Text(0));
    Statement p(db, "SELECT agb FROM provider");
    while (p.Step()) providers.insert(p.Text(0));
    Statement t(db, "SELECT DISTINCT team FROM youth_team");
    while (t.Step()) teams.insert(t.Text(0));
    Statement pr(db, "SELECT category, code, unit FROM product");
    while (pr.Step()) products[pr.Text(0) + "/" + pr.Text(1)] = static_cast<Unit>(pr.Int(2));
    Statement ta(db, "SELECT category, code, year, agb, per_unit_cents FROM tariff");
    while (ta.Step()) {
      tariffs[fmt::format("{}/{}/{}/{}", ta.Text(0), ta.Text(1), ta.Int(2), ta.Text(3))] = ta.Int(4);
    }
  }
  void LoadAssignments(const Store& store) {
    Statement a(store.handle(),
                "SELECT number, category, product_code, start_day, end_day FROM assignment");
    while (a.Step()) {
      AssignmentRef r{a.Text(1), a.Text(2), static_cast<int>(a.Int(3)), std::nullopt};
      if (!a.IsNull(4)) r.end_day = static_cast<int>(a.Int(4));
      assignments.emplace(a.Text(0), std::move(r));
    }
  }
};

// One import run: the store, options, references, errors and the report of one file.
class Run {
 public:
  Run(Store& store, const ImportOptions& options, ErrorList* errors)
      : store_(store), options_(options), errors_(errors) {
    refs_.Load(store);
  }

  ImportReport ImportOne(ImportKind kind, const std::string& path);

 private:
  using Fields = std::vector<std::string>;
  // Reads every record of `csv` with `spec`; `row` turns a checked record into values
  // for `writer` (or returns false after adding its errors).
  template <typename RowFn>
  void Each(const CsvReader& csv, RowReader& rr, TableWriter& writer, ImportReport& report,
            RowFn row);

  void Municipalities(const CsvReader& csv, ImportReport& report);
  void Keys(const CsvReader& csv, ImportReport& report);
  void Providers(const CsvReader& csv, ImportReport& report);
  void Products(const CsvReader& csv, ImportReport& report);
  void Tariffs(const CsvReader& csv, ImportReport& report);
  void Contracts(const CsvReader& csv, ImportReport& report);
  void YouthTeams(const CsvReader& csv, ImportReport& report);
  void Clients(const CsvReader& csv, ImportReport& report);
  void Assignments(const CsvReader& csv, ImportReport& report);
  void Declarations(const CsvReader& csv, ImportReport& report);
  void Costs(const CsvReader& csv, ImportReport& report, bool local);

  // Client pseudonym from a `bsn` (11-test, keyed hash) or `client` column.
  std::optional<std::string> Client(RowReader& rr);
  bool KnownMunicipality(RowReader& rr, const char* col, const std::optional<std::string>& code);
  bool KnownProvider(RowReader& rr, const char* col, const std::optional<std::string>& agb);
  std::optional<Unit> KnownProduct(RowReader& rr, const std::optional<std::string>& cat,
                                   const std::optional<std::string>& code);

  Store& store_;
  const ImportOptions& options_;
  ErrorList* errors_;
  References refs_;
  bool assignments_loaded_ = false;
};

template <typename RowFn>
void Run::Each(const CsvReader& csv, RowReader& rr, TableWriter& writer, ImportReport& report,
               RowFn row) {
  if (!rr.header_ok()) return;
  std::vector<SqlValue> values;
  Status s = csv.ForEachRecord([&](int line, const Fields& fields) {
    ++report.rows;
    if (options_.progress && report.rows % 100000 == 0) options_.progress(report.file, report.rows);
    if (!rr.Start(line, &fields)) return !errors_->full();
    values.clear();
    size_t before = errors_->count();
    if (!row(rr, values) || errors_->count() != before) return !errors_->full();
    std::string detail;
    switch (writer.Write(values, options_.replace, &detail)) {
      case TableWriter::Outcome::kAdded: ++report.added; break;
      case TableWriter::Outcome::kUnchanged: ++report.unchanged; break;
      case TableWriter::Outcome::kReplaced: ++report.replaced; break;
      case TableWriter::Outcome::kConflict:
        errors_->Add(fmt::format("sleutel bestaat al met andere inhoud ({}); gebruik --replace om "
                                 "te vervangen", detail),
                     {rr.file(), line});
        break;
      case TableWriter::Outcome::kError:
        errors_->Add(fmt::format("kan niet worden opgeslagen: {}", detail), {rr.file(), line});
        break;
    }
    return !errors_->full();
  });
  if (!s.ok()) errors_->Add(s);
}

bool Run::KnownMunicipality(RowReader& rr, const char* col, const std::optional<std::string>& code) {
  if (!code) return false;
  if (refs_.municipalities.count(*code)) return true;
  rr.Error(col, fmt::format("onbekende gemeente '{}' (niet in gemeenten.csv)", *code));
  return false;
}

bool Run::KnownProvider(RowReader& rr, const char* col, const std::optional<std::string>& agb) {
  if (!agb) return false;
  if (refs_.providers.count(*agb)) return true;
  rr.Error(col, fmt::format("onbekende aanbieder '{}' (niet in aanbieders.csv)", *agb));
  return false;
}

std::optional<Unit> Run::KnownProduct(RowReader& rr, const std::optional<std::string>& cat,
                                      const std::optional<std::string>& code) {
  if (!cat || !code) return std::nullopt;
  auto it = refs_.products.find(*cat + "/" + *code);
  if (it != refs_.products.end()) return it->second;
  rr.Error("productcode", fmt::format("onbekend product {}/{} (niet in producten.csv)", *cat, *code));
  return std::nullopt;
}

std::optional<std::string> Run::Client(RowReader& rr) {
  if (rr.Has("client")) return rr.Text("client");
  std::string_view bsn = rr.Raw("bsn");
  if (bsn.empty()) {
    rr.Error("bsn", "is leeg");
    return std::nullopt;
  }
  // Never echo the BSN: the line and column say where it is.
  if (!IsValidBsn(bsn)) {
    rr.Error("bsn", "ongeldig BSN (geen 9 cijfers of voldoet niet aan de elfproef)");
    return std::nullopt;
  }
  if (options_.pseudonymizer == nullptr) {
    rr.Error("bsn", "geen sleutelbestand voor pseudonimisering (maak het aan met 'jeugdregio init')");
    return std::nullopt;
  }
  return options_.pseudonymizer->Pseudonym(bsn);
}

SqlValue Opt(const std::optional<Money>& m) {
  return m ? SqlValue(m->cents()) : SqlValue(std::monostate{});
}
SqlValue Opt(const std::optional<int>& d) {
  return d ? SqlValue(static_cast<int64_t>(*d)) : SqlValue(std::monostate{});
}
int64_t I(int v) { return v; }

void Run::Municipalities(const CsvReader& csv, ImportReport& report) {
  RowReader rr(csv,
               {{"gemeentecode", true}, {"naam", true}, {"subregio", true},
                {"begindatum", true}, {"einddatum", false}, {"opvolger", false}},
               {}, errors_);
  TableWriter w(store_.handle(), "municipality",
                {{"code", "gemeentecode"}, {"name", "naam"}, {"subregion", "subregio"},
                 {"begin_day", "begindatum"}, {"end_day", "einddatum"}, {"successor", "opvolger"}},
                1);
  std::vector<std::pair<int, std::string>> successors;  // (line, code) to check at the end
  Each(csv, rr, w, report, [&](RowReader& r, std::vector<SqlValue>& v) {
    auto code = r.Municipality("gemeentecode");
    auto name = r.Text("naam");
    auto begin = r.DateField("begindatum");
    auto end = r.DateField("einddatum", false);
    auto succ = r.Municipality("opvolger", false);
    if (begin && end && *end < *begin) {
      r.Error("einddatum", fmt::format("einddatum {} ligt voor begindatum {}", FormatDate(*end),
                                       FormatDate(*begin)));
    }
    if (!code || !name || !begin) return false;
    refs_.municipalities.insert(*code);
    if (succ) successors.emplace_back(r.line(), *succ);
    v = {*code, *name, std::string(r.Raw("subregio")), I(DayNumber(*begin)),
         end ? SqlValue(I(DayNumber(*end) + 1)) : SqlValue(std::monostate{}),
         succ ? SqlValue(*succ) : SqlValue(std::monostate{})};
    return true;
  });
  for (const auto& [line, code] : successors) {
    if (!refs_.municipalities.count(code)) {
      errors_->Add(fmt::format("veld 'opvolger': onbekende gemeente '{}'", code), {csv.name(), line});
    }
  }
}

void Run::Keys(const CsvReader& csv, ImportReport& report) {
  RowReader rr(csv, {{"gemeentecode", true}, {"jaar", true}, {"sleutel", true}, {"waarde", true}}, {},
               errors_);
  TableWriter w(store_.handle(), "key_value",
                {{"municipality", "gemeentecode"}, {"year", "jaar"}, {"key", "sleutel"},
                 {"value", "waarde"}},
                3);
  Each(csv, rr, w, report, [&](RowReader& r, std::vector<SqlValue>& v) {
    auto code = r.Municipality("gemeentecode");
    bool known = KnownMunicipality(r, "gemeentecode", code);
    auto year = r.Year("jaar");
    auto key = r.Text("sleutel");
    auto value = r.Number("waarde");
    if (!known || !year || !key || !value) return false;
    v = {*code, I(*year), *key, *value};
    return true;
  });
}

void Run::Providers(const CsvReader& csv, ImportReport& report) {
  RowReader rr(csv, {{"agb_code", true}, {"naam", true}}, {}, errors_);
  TableWriter w(store_.handle(), "provider", {{"agb", "agb_code"}, {"name", "naam"}}, 1);
  Each(csv, rr, w, report, [&](RowReader& r, std::vector<SqlValue>& v) {
    auto agb = r.Agb("agb_code");
    auto name = r.Text("naam");
    if (!agb || !name) return false;
    refs_.providers.insert(*agb);
    v = {*agb, *name};
    return true;
  });
}

void Run::Products(const CsvReader& csv, ImportReport& report) {
  RowReader rr(csv,
               {{"productcategorie", true}, {"productcode", true}, {"omschrijving", true},
                {"eenheid", true}, {"kostenpost", true}, {"afbakening", true}},
               {}, errors_);
  TableWriter w(store_.handle(), "product",
                {{"category", "productcategorie"}, {"code", "productcode"},
                 {"description", "omschrijving"}, {"unit", "eenheid"}, {"bucket", "kostenpost"},
                 {"care_class", "afbakening"}},
                2);
  Each(csv, rr, w, report, [&](RowReader& r, std::vector<SqlValue>& v) {
    auto cat = r.Category("productcategorie");
    auto code = r.ProductCode("productcode");
    auto desc = r.Text("omschrijving");
    auto unit = r.UnitField("eenheid");
    auto bucket = r.Text("kostenpost");
    auto cls = r.Text("afbakening");
    if (cls && !CareClassFromName(*cls)) {
      r.Error("afbakening", fmt::format("'{}' is geen afbakening (zeker, grijs of geen)", *cls));
      return false;
    }
    if (!cat || !code || !desc || !unit || !bucket || !cls) return false;
    refs_.products[*cat + "/" + *code] = *unit;
    v = {*cat, *code, *desc, I(static_cast<int>(*unit)), *bucket, *cls};
    return true;
  });
}

void Run::Tariffs(const CsvReader& csv, ImportReport& report) {
  RowReader rr(csv,
               {{"productcategorie", true}, {"productcode", true}, {"jaar", true},
                {"tarief", true}, {"agb_code", false}},
               {}, errors_);
  TableWriter w(store_.handle(), "tariff",
                {{"category", "productcategorie"}, {"code", "productcode"}, {"year", "jaar"},
                 {"agb", "agb_code"}, {"per_unit_cents", "tarief"}},
                4);
  Each(csv, rr, w, report, [&](RowReader& r, std::vector<SqlValue>& v) {
    auto cat = r.Category("productcategorie");
    auto code = r.ProductCode("productcode");
    bool product = KnownProduct(r, cat, code).has_value();
    auto year = r.Year("jaar");
    auto tariff = r.Amount("tarief");
    auto agb = r.Agb("agb_code", false);
    bool provider = !agb || KnownProvider(r, "agb_code", agb);
    if (!product || !year || !tariff || !provider) return false;
    std::string a = agb.value_or("");
    refs_.tariffs[fmt::format("{}/{}/{}/{}", *cat, *code, *year, a)] = tariff->cents();
    v = {*cat, *code, I(*year), a, tariff->cents()};
    return true;
  });
}

void Run::Contracts(const CsvReader& csv, ImportReport& report) {
  RowReader rr(csv, {{"agb_code", true}, {"jaar", true}, {"perceel", true}, {"budgetplafond", false}},
               {}, errors_);
  TableWriter w(store_.handle(), "contract",
                {{"agb", "agb_code"}, {"year", "jaar"}, {"lot", "perceel"},
                 {"ceiling_cents", "budgetplafond"}},
                3);
  Each(csv, rr, w, report, [&](RowReader& r, std::vector<SqlValue>& v) {
    auto agb = r.Agb("agb_code");
    bool known = KnownProvider(r, "agb_code", agb);
    auto year = r.Year("jaar");
    auto lot = r.Text("perceel");
    auto ceiling = r.Amount("budgetplafond", false);
    if (!known || !year || !lot) return false;
    v = {*agb, I(*year), *lot, Opt(ceiling)};
    return true;
  });
}

void Run::YouthTeams(const CsvReader& csv, ImportReport& report) {
  RowReader rr(csv,
               {{"team", true}, {"naam", true}, {"gemeentecode", true}, {"jaar", true},
                {"budget", false}},
               {}, errors_);
  TableWriter w(store_.handle(), "youth_team",
                {{"team", "team"}, {"year", "jaar"}, {"name", "naam"},
                 {"municipality", "gemeentecode"}, {"budget_cents", "budget"}},
                2);
  Each(csv, rr, w, report, [&](RowReader& r, std::vector<SqlValue>& v) {
    auto team = r.Text("team");
    auto name = r.Text("naam");
    auto code = r.Municipality("gemeentecode");
    bool known = KnownMunicipality(r, "gemeentecode", code);
    auto year = r.Year("jaar");
    auto budget = r.Amount("budget", false);
    if (!team || !name || !known || !year) return false;
    refs_.teams.insert(*team);
    v = {*team, I(*year), *name, *code, Opt(budget)};
    return true;
  });
}

void Run::Clients(const CsvReader& csv, ImportReport& report) {
  RowReader rr(csv, {{"geboortedatum", true}, {"gemeentecode", true}, {"begindatum", true}},
               {{"bsn", "client"}}, errors_);
  TableWriter w(store_.handle(), "client_residence",
                {{"client", "client"}, {"begin_day", "begindatum"},
                 {"birth_month", "geboortedatum"}, {"municipality", "gemeentecode"}},
                2);
  Each(csv, rr, w, report, [&](RowReader& r, std::vector<SqlValue>& v) {
    auto client = Client(r);
    std::string_view birth_text = r.Raw("geboortedatum");
    std::optional<Month> birth;
    if (auto m = ParseMonth(birth_text); m.ok()) {
      birth = *m;
    } else if (auto d = r.DateField("geboortedatum")) {
      birth = d->year() / d->month();
    }
    auto code = r.Municipality("gemeentecode");
    bool known = KnownMunicipality(r, "gemeentecode", code);
    auto begin = r.DateField("begindatum");
    if (!client || !birth || !known || !begin) return false;
    v = {*client, I(DayNumber(*begin)), I(MonthIndex(*birth)), *code};
    return true;
  });
}

void Run::Assignments(const CsvReader& csv, ImportReport& report) {
  RowReader rr(csv,
               {{"toewijzingnummer", true}, {"gemeentecode", true}, {"agb_code", true},
                {"productcategorie", true}, {"productcode", true}, {"volume", true},
                {"eenheid", true}, {"frequentie", true}, {"ingangsdatum", true},
                {"einddatum", false}, {"verwijzer", true}, {"team", false},
                {"vorige_toewijzing", false}, {"budget", false}},
               {{"bsn", "client"}}, errors_);
  TableWriter w(store_.handle(), "assignment",
                {{"number", "toewijzingnummer"}, {"client", "client"},
                 {"municipality", "gemeentecode"}, {"agb", "agb_code"},
                 {"category", "productcategorie"}, {"product_code", "productcode"},
                 {"volume_x100", "volume"}, {"unit", "eenheid"}, {"frequency", "frequentie"},
                 {"start_day", "ingangsdatum"}, {"end_day", "einddatum"}, {"route", "verwijzer"},
                 {"team", "team"}, {"predecessor", "vorige_toewijzing"}, {"budget_cents", "budget"}},
                1);
  if (!assignments_loaded_) {
    refs_.LoadAssignments(store_);
    assignments_loaded_ = true;
  }
  std::vector<std::pair<int, std::string>> predecessors;
  Each(csv, rr, w, report, [&](RowReader& r, std::vector<SqlValue>& v) {
    auto number = r.Text("toewijzingnummer");
    auto client = Client(r);
    auto code = r.Municipality("gemeentecode");
    bool municipality = KnownMunicipality(r, "gemeentecode", code);
    auto agb = r.Agb("agb_code");
    bool provider = KnownProvider(r, "agb_code", agb);
    auto cat = r.Category("productcategorie");
    auto pcode = r.ProductCode("productcode");
    bool product = KnownProduct(r, cat, pcode).has_value();
    auto volume = r.VolumeField("volume");
    auto unit = r.UnitField("eenheid");
    auto freq_text = r.Text("frequentie");
    std::optional<Frequency> freq;
    if (freq_text && !(freq = FrequencyFromCode(*freq_text))) {
      r.Error("frequentie", fmt::format("'{}' is geen iJw-frequentie (1, 2, 4 of 6)", *freq_text));
    }
    auto start = r.DateField("ingangsdatum");
    auto end = r.DateField("einddatum", false);
    if (start && end && *end < *start) {
      r.Error("einddatum", fmt::format("einddatum {} ligt voor ingangsdatum {}", FormatDate(*end),
                                       FormatDate(*start)));
      end.reset();
    }
    auto route_text = r.Text("verwijzer");
    if (route_text && !RouteFromName(*route_text)) {
      r.Error("verwijzer", fmt::format("'{}' is geen verwijzer (gemeente, huisarts, jeugdarts, gi, "
                                       "medisch_specialist, justitie, geen, onbekend)",
                                       *route_text));
    }
    auto team = r.Text("team", false);
    if (team && !refs_.teams.count(*team)) {
      r.Error("team", fmt::format("onbekend jeugdteam '{}' (niet in jeugdteams.csv)", *team));
    }
    auto previous = r.Text("vorige_toewijzing", false);
    auto budget = r.Amount("budget", false);
    if (!number || !client || !municipality || !provider || !product || !volume || !unit ||
        !freq || !start || !route_text) {
      return false;
    }
    std::optional<int> end_day;
    if (end) end_day = DayNumber(*end) + 1;
    refs_.assignments[*number] = {*cat, *pcode, DayNumber(*start), end_day};
    if (previous) predecessors.emplace_back(r.line(), *previous);
    v = {*number, *client, *code, *agb, *cat, *pcode, volume->hundredths,
         I(static_cast<int>(*unit)), I(static_cast<int>(*freq)), I(DayNumber(*start)),
         Opt(end_day), *route_text, team.value_or(""), previous.value_or(""), Opt(budget)};
    return true;
  });
  for (const auto& [line, prev] : predecessors) {
    if (!refs_.assignments.count(prev)) {
      errors_->Add(fmt::format("veld 'vorige_toewijzing': onbekende toewijzing '{}'", prev),
                   {csv.name(), line});
    }
  }
}

void Run::Declarations(const CsvReader& csv, ImportReport& report) {
  RowReader rr(csv,
               {{"declaratienummer", true}, {"toewijzingnummer", true}, {"agb_code", true},
                {"productcategorie", true}, {"productcode", true}, {"begindatum", true},
                {"einddatum", true}, {"geleverd_volume", true}, {"eenheid", true},
                {"tarief", false}, {"bedrag", true}, {"debet_credit", false}},
               {}, errors_);
  TableWriter w(store_.handle(), "declaration",
                {{"assignment", "toewijzingnummer"}, {"start_day", "begindatum"},
                 {"number", "declaratienummer"}, {"end_day", "einddatum"}, {"year", "begindatum"},
                 {"agb", "agb_code"},
                 {"category", "productcategorie"}, {"product_code", "productcode"},
                 {"volume_x100", "geleverd_volume"}, {"unit", "eenheid"},
                 {"tariff_cents", "tarief"}, {"amount_cents", "bedrag"}},
                3);
  if (!assignments_loaded_) {
    refs_.LoadAssignments(store_);
    assignments_loaded_ = true;
  }
  Each(csv, rr, w, report, [&](RowReader& r, std::vector<SqlValue>& v) {
    auto number = r.Text("declaratienummer");
    auto assignment = r.Text("toewijzingnummer");
    const AssignmentRef* ref = nullptr;
    if (assignment) {
      auto it = refs_.assignments.find(*assignment);
      if (it == refs_.assignments.end()) {
        r.Error("toewijzingnummer", fmt::format("onbekende toewijzing '{}' (niet in toewijzingen.csv)",
                                                *assignment));
      } else {
        ref = &it->second;
      }
    }
    auto agb = r.Agb("agb_code");
    bool provider = KnownProvider(r, "agb_code", agb);
    auto cat = r.Category("productcategorie");
    auto code = r.ProductCode("productcode");
    bool product = KnownProduct(r, cat, code).has_value();
    auto start = r.DateField("begindatum");
    auto end = r.DateField("einddatum");
    if (start && end && *end < *start) {
      r.Error("einddatum", fmt::format("einddatum {} ligt voor begindatum {}", FormatDate(*end),
                                       FormatDate(*start)));
    }
    auto volume = r.VolumeField("geleverd_volume");
    auto unit = r.UnitField("eenheid");
    auto tariff = r.Amount("tarief", false);
    auto amount = r.Amount("bedrag");
    std::string_view dc = r.Raw("debet_credit");
    if (!dc.empty() && dc != "D" && dc != "C") {
      r.Error("debet_credit", fmt::format("'{}' is geen D of C", dc));
    }
    if (!number || !ref || !provider || !product || !start || !end || !volume || !unit ||
        !amount) {
      return false;
    }
    if (ref->category != *cat || ref->product_code != *code) {
      r.Error("productcode", fmt::format("product {}/{} wijkt af van de toewijzing ({}/{})", *cat,
                                         *code, ref->category, ref->product_code));
    }
    if (*unit != Unit::kEuro) {
      // bedrag = volume x tarief; without a tarief column, the tariff of the store.
      std::optional<int64_t> per_unit;
      if (tariff) {
        per_unit = tariff->cents();
      } else {
        int year = static_cast<int>(start->year());
        for (const std::string& a : {*agb, std::string()}) {
          auto it = refs_.tariffs.find(fmt::format("{}/{}/{}/{}", *cat, *code, year, a));
          if (it != refs_.tariffs.end()) {
            per_unit = it->second;
            break;
          }
        }
      }
      if (per_unit) {
        Money expected = volume->Times(Money::FromCents(*per_unit));
        if (expected != *amount) {
          r.Error("bedrag", fmt::format("bedrag {} is niet gelijk aan volume x tarief ({} x {} = {})",
                                        amount->ToString(), volume->ToString(),
                                        Money::FromCents(*per_unit).ToString(), expected.ToString()));
        }
      }
    }
    int64_t cents = dc == "C" ? -amount->cents() : amount->cents();
    v = {*assignment, I(DayNumber(*start)), *number, I(DayNumber(*end) + 1),
         I(static_cast<int>(start->year())), *agb, *cat, *code,
         volume->hundredths, I(static_cast<int>(*unit)), Opt(tariff), cents};
    return true;
  });
}

void Run::Costs(const CsvReader& csv, ImportReport& report, bool local) {
  std::vector<ColumnSpec> spec{{"jaar", true}, {"kostenpost", true}, {"bedrag", true}};
  std::vector<TableWriter::Col> cols{{"year", "jaar"}, {"bucket", "kostenpost"}, {"amount_cents", "bedrag"}};
  if (local) {
    spec.insert(spec.begin(), {"gemeentecode", true});
    cols.insert(cols.begin(), {"municipality", "gemeentecode"});
  }
  RowReader rr(csv, spec, {}, errors_);
  TableWriter w(store_.handle(), local ? "local_cost" : "fixed_cost", cols, local ? 3 : 2);
  Each(csv, rr, w, report, [&](RowReader& r, std::vector<SqlValue>& v) {
    std::optional<std::string> code;
    bool known = true;
    if (local) {
      code = r.Municipality("gemeentecode");
      known = KnownMunicipality(r, "gemeentecode", code);
    }
    auto year = r.Year("jaar");
    auto bucket = r.Text("kostenpost");
    auto amount = r.Amount("bedrag");
    if (!known || !year || !bucket || !amount) return false;
    v.clear();
    if (local) v.push_back(*code);
    v.insert(v.end(), {I(*year), *bucket, amount->cents()});
    return true;
  });
}

ImportReport Run::ImportOne(ImportKind kind, const std::string& path) {
  ImportReport report;
  report.file = path;
  report.kind = kind;
  auto csv = CsvReader::Open(path);
  if (!csv.ok()) {
    errors_->Add(csv.status());
    return report;
  }
  switch (kind) {
    case ImportKind::kMunicipalities: Municipalities(*csv, report); break;
    case ImportKind::kKeys: Keys(*csv, report); break;
    case ImportKind::kProviders: Providers(*csv, report); break;
    case ImportKind::kProducts: Products(*csv, report); break;
    case ImportKind::kTariffs: Tariffs(*csv, report); break;
    case ImportKind::kContracts: Contracts(*csv, report); break;
    case ImportKind::kYouthTeams: YouthTeams(*csv, report); break;
    case ImportKind::kClients: Clients(*csv, report); break;
    case ImportKind::kAssignments: Assignments(*csv, report); break;
    case ImportKind::kDeclarations: Declarations(*csv, report); break;
    case ImportKind::kFixedCosts: Costs(*csv, report, false); break;
    case ImportKind::kLocalCosts: Costs(*csv, report, true); break;
  }
  return report;
}

ImportOutcome ImportPaths(Store& store, const std::vector<std::pair<ImportKind, std::string>>& files,
                          const ImportOptions& options) {
  ImportOutcome out;
  out.errors = ErrorList(options.max_errors);
  Transaction tx(store);
  Run run(store, options, &out.errors);
  for (const auto& [kind, path] : files) {
    out.files.push_back(run.ImportOne(kind, path));
    if (!out.errors.empty()) return out;  // rolled back by tx
  }
  Status s = tx.Commit();
  if (!s.ok()) out.errors.Add(s);
  return out;
}

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

ImportOutcome ImportFile(Store& store, ImportKind kind, const std::string& path,
                         const ImportOptions& options) {
  return ImportPaths(store, {{kind, path}}, options);
}

ImportOutcome ImportFolder(Store& store, const std::string& dir, const ImportOptions& options) {
  std::vector<std::pair<ImportKind, std::string>> files;
  for (ImportKind k : ImportOrder()) {
    auto p = std::filesystem::path(dir) / (std::string(ImportKindName(k)) + ".csv");
    if (std::filesystem::exists(p)) files.emplace_back(k, p.string());
  }
  if (files.empty()) {
    ImportOutcome out;
    out.errors.Add("map bevat geen bekende bestanden (gemeenten.csv, toewijzingen.csv, ...)", {dir});
    return out;
  }
  return ImportPaths(store, files, options);
}

}  // namespace jr
