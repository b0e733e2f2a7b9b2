#include "demo/demo_ijw.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <tuple>

#include "care/codes.h"
#include "core/date.h"
#include "core/env.h"

namespace jr::demo {
namespace {

using Buffer = fmt::memory_buffer;

std::string DateText(int day) { return FormatDate(FromDayNumber(day)); }

// The 4 digits of a CBS code "GM0505".
std::string_view MunicipalityDigits(const std::string& code) {
  return std::string_view(code).substr(2);
}

int FirstOfMonth(int month_index) {
  return DayNumber(FromMonthIndex(month_index) / std::chrono::day(1));
}

void Header(Buffer& b, std::string_view kind, int code, std::string_view sender,
            std::string_view receiver, std::string_view identification, int date) {
  fmt::format_to(
      std::back_inserter(b),
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<{0}:Bericht xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\" "
      "xmlns:{0}=\"http://www.istandaarden.nl/ijw/3_2/{0}/schema\">\n"
      "  <{0}:Header>\n"
      "    <{0}:BerichtCode>{1}</{0}:BerichtCode>\n"
      "    <{0}:BerichtVersie>3</{0}:BerichtVersie>\n"
      "    <{0}:BerichtSubversie>2</{0}:BerichtSubversie>\n"
      "    <{0}:Afzender>{2}</{0}:Afzender>\n"
      "    <{0}:Ontvanger>{3}</{0}:Ontvanger>\n"
      "    <{0}:BerichtIdentificatie>\n"
      "      <ijw:Identificatie>{4}</ijw:Identificatie>\n"
      "      <ijw:Dagtekening>{5}</ijw:Dagtekening>\n"
      "    </{0}:BerichtIdentificatie>\n"
      "    <{0}:XsdVersie>\n"
      "      <ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>\n"
      "      <ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie>\n"
      "    </{0}:XsdVersie>\n"
      "  </{0}:Header>\n",
      kind, code, sender, receiver, identification, DateText(date));
}

// Bsn, birth date (only year and month are known: DatumGebruik 1), gender unknown and
// a placeholder surname: the schema requires them, the demo has no persons.
void ClientHead(Buffer& b, std::string_view kind, const IjwClient& c, bool full_name) {
  fmt::format_to(std::back_inserter(b),
                 "  <{0}:Client>\n"
                 "    <{0}:Bsn>{1}</{0}:Bsn>\n"
                 "    <{0}:Geboortedatum>\n"
                 "      <ijw:Datum>{2}</ijw:Datum>\n"
                 "      <ijw:DatumGebruik>1</ijw:DatumGebruik>\n"
                 "    </{0}:Geboortedatum>\n"
                 "    <{0}:Geslacht>0</{0}:Geslacht>\n"
                 "    <{0}:Naam>\n"
                 "      <ijw:Geslachtsnaam>\n"
                 "        <ijw:Achternaam>Demo</ijw:Achternaam>\n"
                 "      </ijw:Geslachtsnaam>\n",
                 kind, c.bsn,
                 FormatDate(FromMonthIndex(c.birth_month) / std::chrono::day(1)));
  if (full_name)
    fmt::format_to(std::back_inserter(b), "      <ijw:NaamGebruik>1</ijw:NaamGebruik>\n");
  fmt::format_to(std::back_inserter(b), "    </{0}:Naam>\n", kind);
}

void Product(Buffer& b, std::string_view kind, std::string_view element,
             const DemoProduct& p) {
  fmt::format_to(std::back_inserter(b),
                 "        <{0}:{1}>\n"
                 "          <ijw:Categorie>{2}</ijw:Categorie>\n"
                 "          <ijw:Code>{3}</ijw:Code>\n"
                 "        </{0}:{1}>\n",
                 kind, element, p.category, p.code);
}

// Writes one message (mode 0600) into the batch (Env's FileBatch: under a temporary
// name; WriteDemoMessages commits them all with one file-system sync), so no message
// is half written under its own name, none appears when writing fails, and the tens of
// thousands of small files do not each wait for a sync.
Status Write(FileBatch& batch, const std::string& dir, const std::string& name,
             const Buffer& b, int64_t* count) {
  const std::string path = (std::filesystem::path(dir) / name).string();
  if (Status s = batch.Add(path, std::string_view(b.data(), b.size())); !s.ok()) return s;
  ++*count;
  return Status::Ok();
}

// The assignments of `demo` grouped as one message each: per client, consecutive
// assignments (in number order) with the same `key`.
template <typename Key>
std::vector<std::vector<int>> Groups(const IjwDemo& demo, Key key) {
  std::vector<std::vector<int>> by_client(demo.clients.size());
  for (size_t i = 0; i < demo.assignments.size(); ++i)
    by_client[demo.assignments[i].client].push_back(static_cast<int>(i));
  std::vector<std::vector<int>> groups;
  for (const auto& list : by_client) {
    std::map<decltype(key(demo.assignments[0])), size_t> open;  // key -> group
    for (int i : list) {
      auto k = key(demo.assignments[i]);
      auto it = open.find(k);
      if (it == open.end()) {
        it = open.emplace(k, groups.size()).first;
        groups.emplace_back();
      }
      groups[it->second].push_back(i);
    }
  }
  return groups;
}

Status WriteJw301(const IjwDemo& demo, FileBatch& batch, const std::string& dir,
                  int64_t* count) {
  const auto& products = DemoProducts();
  // Per client a run of consecutive assignments of one municipality and provider (a
  // JW301 has one sender and one receiver): a client who moves, or changes provider,
  // gets a new message, so a previous assignment is always in this or an earlier file.
  std::vector<std::vector<int>> runs;
  {
    std::vector<std::vector<int>> by_client(demo.clients.size());
    for (size_t i = 0; i < demo.assignments.size(); ++i)
      by_client[demo.assignments[i].client].push_back(static_cast<int>(i));
    for (const auto& list : by_client) {
      for (size_t k = 0; k < list.size(); ++k) {
        const IjwAssignment& a = demo.assignments[list[k]];
        if (k == 0 || a.municipality != demo.assignments[list[k - 1]].municipality ||
            a.agb != demo.assignments[list[k - 1]].agb) {
          runs.emplace_back();
        }
        runs.back().push_back(list[k]);
      }
    }
  }
  Buffer b;
  for (const auto& list : runs) {
    const IjwAssignment& f = demo.assignments[list.front()];
    {
      b.clear();
      Header(b, "jw301", 436, MunicipalityDigits(f.municipality), f.agb, f.number,
             f.start);
      ClientHead(b, "jw301", demo.clients[f.client], true);
      fmt::format_to(std::back_inserter(b),
                     "    <jw301:Contactgegevens>\n"
                     "      <jw301:Contact>\n"
                     "        <jw301:Soort>01</jw301:Soort>\n"
                     "      </jw301:Contact>\n"
                     "    </jw301:Contactgegevens>\n"
                     "    <jw301:ToegewezenProducten>\n");
      for (int i : list) {
        const IjwAssignment& a = demo.assignments[i];
        const DemoProduct& p = products[a.product];
        fmt::format_to(std::back_inserter(b),
                       "      <jw301:ToegewezenProduct>\n"
                       "        <jw301:ToewijzingNummer>{}</jw301:ToewijzingNummer>\n",
                       a.number);
        Product(b, "jw301", "Product", p);
        fmt::format_to(std::back_inserter(b),
                       "        <jw301:Toewijzingsdatum>{0}</jw301:Toewijzingsdatum>\n"
                       "        <jw301:Toewijzingstijd>09:00:00</jw301:Toewijzingstijd>\n"
                       "        <jw301:Ingangsdatum>{0}</jw301:Ingangsdatum>\n",
                       DateText(a.start));
        if (a.end) {
          fmt::format_to(std::back_inserter(b),
                         "        <jw301:Einddatum>{}</jw301:Einddatum>\n",
                         DateText(*a.end));
        }
        fmt::format_to(std::back_inserter(b),
                       "        <jw301:Omvang>\n"
                       "          <ijw:Volume>{}</ijw:Volume>\n"
                       "          <ijw:Eenheid>{}</ijw:Eenheid>\n"
                       "          <ijw:Frequentie>{}</ijw:Frequentie>\n"
                       "        </jw301:Omvang>\n",
                       a.volume / 100, UnitCode(p.unit), static_cast<int>(p.frequency));
        // The budget of an assignment in euros is its volume (as toewijzingen.csv).
        if (p.unit == Unit::kEuro) {
          fmt::format_to(std::back_inserter(b),
                         "        <jw301:Budget>{}</jw301:Budget>\n", a.volume);
        }
        fmt::format_to(std::back_inserter(b), "      </jw301:ToegewezenProduct>\n");
      }
      fmt::format_to(std::back_inserter(b),
                     "    </jw301:ToegewezenProducten>\n"
                     "  </jw301:Client>\n"
                     "</jw301:Bericht>\n");
      if (Status s = Write(batch, dir, fmt::format("JW301_{}.xml", f.number), b, count);
          !s.ok())
        return s;
    }
  }
  return Status::Ok();
}

// JW305 (start) or JW307 (stop) per client, provider and municipality.
Status WriteStartStop(const IjwDemo& demo, FileBatch& batch, const std::string& dir,
                      bool stop, int64_t* count) {
  const auto& products = DemoProducts();
  const std::string_view kind = stop ? "jw307" : "jw305";
  auto groups = Groups(
      demo, [](const IjwAssignment& a) { return std::make_pair(a.agb, a.municipality); });
  Buffer b;
  for (const auto& group : groups) {
    std::vector<int> list;
    for (int i : group) {
      if (!stop || demo.assignments[i].care_end) list.push_back(i);
    }
    if (list.empty()) continue;
    const IjwAssignment& f = demo.assignments[list.front()];
    int date = f.start;
    for (int i : list) {
      const IjwAssignment& a = demo.assignments[i];
      date = std::max(date, stop ? *a.care_end : a.start);
    }
    b.clear();
    Header(b, kind, stop ? 440 : 438, f.agb, MunicipalityDigits(f.municipality),
           fmt::format("{}{}", stop ? "E" : "S", f.number), date + 1);
    ClientHead(b, kind, demo.clients[f.client], false);
    fmt::format_to(std::back_inserter(b), "    <{}:{}Producten>\n", kind,
                   stop ? "Stop" : "Start");
    for (int i : list) {
      const IjwAssignment& a = demo.assignments[i];
      fmt::format_to(std::back_inserter(b),
                     "      <{0}:{1}Product>\n"
                     "        <{0}:ToewijzingNummer>{2}</{0}:ToewijzingNummer>\n",
                     kind, stop ? "Stop" : "Start", a.number);
      Product(b, kind, "Product", products[a.product]);
      fmt::format_to(
          std::back_inserter(b),
          "        <{0}:ToewijzingIngangsdatum>{1}</{0}:ToewijzingIngangsdatum>\n"
          "        <{0}:Begindatum>{1}</{0}:Begindatum>\n",
          kind, DateText(a.start));
      if (stop) {
        fmt::format_to(std::back_inserter(b),
                       "        <{0}:RedenBeeindiging>31</{0}:RedenBeeindiging>\n"
                       "        <{0}:Einddatum>{1}</{0}:Einddatum>\n",
                       kind, DateText(*a.care_end));
      }
      fmt::format_to(std::back_inserter(b),
                     "        <{0}:StatusAanlevering>1</{0}:StatusAanlevering>\n"
                     "      </{0}:{1}Product>\n",
                     kind, stop ? "Stop" : "Start");
    }
    fmt::format_to(std::back_inserter(b),
                   "    </{0}:{1}Producten>\n"
                   "  </{0}:Client>\n"
                   "</{0}:Bericht>\n",
                   kind, stop ? "Stop" : "Start");
    if (Status s =
            Write(batch, dir,
                  fmt::format("{}_{}_{}.xml", stop ? "JW307" : "JW305", f.agb, f.number),
                  b, count);
        !s.ok()) {
      return s;
    }
  }
  return Status::Ok();
}

Status WriteJw323(const IjwDemo& demo, FileBatch& batch, const std::string& dir,
                  int64_t* count) {
  const auto& products = DemoProducts();
  Buffer b;
  for (const IjwDeclaration& d : demo.declarations) {
    if (d.lines.empty()) continue;
    const IjwAssignment& f = demo.assignments[d.lines.front().assignment];
    int first = d.lines.front().first_day, last = d.lines.front().last_day;
    int64_t total = 0;
    std::vector<int> clients;  // in order of first line
    std::map<int, std::vector<const IjwLine*>> per_client;
    for (const IjwLine& l : d.lines) {
      first = std::min(first, l.first_day);
      last = std::max(last, l.last_day);
      total += l.credit ? -l.amount : l.amount;
      int c = demo.assignments[l.assignment].client;
      auto& v = per_client[c];
      if (v.empty()) clients.push_back(c);
      v.push_back(&l);
    }
    // Sent on the 5th of the month after the month it declares.
    int date = FirstOfMonth(d.month + 1) + 4;
    b.clear();
    Header(b, "jw323", 490, d.agb, MunicipalityDigits(f.municipality), d.number, date);
    fmt::format_to(std::back_inserter(b),
                   "  <jw323:Declaratie>\n"
                   "    <jw323:DeclaratieNummer>{}</jw323:DeclaratieNummer>\n"
                   "    <jw323:DeclaratiePeriode>\n"
                   "      <ijw:Begindatum>{}</ijw:Begindatum>\n"
                   "      <ijw:Einddatum>{}</ijw:Einddatum>\n"
                   "    </jw323:DeclaratiePeriode>\n"
                   "    <jw323:DeclaratieDagtekening>{}</jw323:DeclaratieDagtekening>\n"
                   "    <jw323:TotaalIngediendBedrag>\n"
                   "      <ijw:TotaalBedrag>{}</ijw:TotaalBedrag>\n"
                   "      <ijw:DebetCredit>{}</ijw:DebetCredit>\n"
                   "    </jw323:TotaalIngediendBedrag>\n"
                   "    <jw323:Clienten>\n",
                   d.number, DateText(first), DateText(last), DateText(date),
                   total < 0 ? -total : total, total < 0 ? "C" : "D");
    for (int c : clients) {
      fmt::format_to(std::back_inserter(b),
                     "      <jw323:Client>\n"
                     "        <jw323:Bsn>{}</jw323:Bsn>\n"
                     "        <jw323:Prestaties>\n",
                     demo.clients[c].bsn);
      for (const IjwLine* l : per_client[c]) {
        const DemoProduct& p = products[l->product];
        fmt::format_to(std::back_inserter(b),
                       "          <jw323:Prestatie>\n"
                       "            <jw323:ProductReferentie>\n"
                       "              <ijw:ReferentieNummer>R{}</ijw:ReferentieNummer>\n",
                       l->reference);
        if (l->previous_reference != 0) {
          fmt::format_to(std::back_inserter(b),
                         "              "
                         "<ijw:VorigReferentieNummer>R{}</ijw:VorigReferentieNummer>\n",
                         l->previous_reference);
        }
        fmt::format_to(std::back_inserter(b),
                       "            </jw323:ProductReferentie>\n"
                       "            <jw323:ToewijzingNummer>{}</jw323:ToewijzingNummer>\n"
                       "            <jw323:ProductCategorie>{}</jw323:ProductCategorie>\n"
                       "            <jw323:ProductCode>{}</jw323:ProductCode>\n"
                       "            <jw323:ProductPeriode>\n"
                       "              <ijw:Begindatum>{}</ijw:Begindatum>\n"
                       "              <ijw:Einddatum>{}</ijw:Einddatum>\n"
                       "            </jw323:ProductPeriode>\n"
                       "            <jw323:GeleverdVolume>{}</jw323:GeleverdVolume>\n"
                       "            <jw323:Eenheid>{}</jw323:Eenheid>\n"
                       "            <jw323:ProductTarief>{}</jw323:ProductTarief>\n"
                       "            <jw323:IngediendBedrag>\n"
                       "              <ijw:Bedrag>{}</ijw:Bedrag>\n"
                       "              <ijw:DebetCredit>{}</ijw:DebetCredit>\n"
                       "            </jw323:IngediendBedrag>\n"
                       "          </jw323:Prestatie>\n",
                       demo.assignments[l->assignment].number, p.category, p.code,
                       DateText(l->first_day), DateText(l->last_day), l->volume / 100,
                       UnitCode(p.unit), l->tariff, l->amount, l->credit ? "C" : "D");
      }
      fmt::format_to(std::back_inserter(b),
                     "        </jw323:Prestaties>\n"
                     "      </jw323:Client>\n");
    }
    fmt::format_to(std::back_inserter(b),
                   "    </jw323:Clienten>\n"
                   "  </jw323:Declaratie>\n"
                   "</jw323:Bericht>\n");
    if (Status s =
            Write(batch, dir, fmt::format("JW323_{}_{}.xml", d.agb, d.number), b, count);
        !s.ok()) {
      return s;
    }
  }
  return Status::Ok();
}

}  // namespace

std::string DemoBsn(int index) {
  // d1..d8 weighted 9..2, minus d9: 0 mod 11.
  std::string head = fmt::format("0{:07}", index % 10'000'000);
  for (char first = '9'; first >= '1'; --first) {
    head[0] = first;
    int sum = 0;
    for (int k = 0; k < 8; ++k) sum += (head[k] - '0') * (9 - k);
    int check = sum % 11;
    if (check < 10) return head + static_cast<char>('0' + check);
  }
  return head + "0";  // not reached: some first digit always gives a check digit < 10
}

std::string DemoIjwAssignmentNumber(int index) {
  return fmt::format("{}", 1'000'001 + index);
}

Status WriteDemoMessages(const IjwDemo& demo, const std::string& dir,
                         IjwFileCounts* counts) {
  IjwFileCounts local;
  IjwFileCounts& c = counts != nullptr ? *counts : local;
  std::unique_ptr<FileBatch> batch = Env::Default().NewPrivateFileBatch();
  if (Status s = WriteJw301(demo, *batch, dir, &c.jw301); !s.ok()) return s;
  if (Status s = WriteStartStop(demo, *batch, dir, false, &c.jw305); !s.ok()) return s;
  if (Status s = WriteStartStop(demo, *batch, dir, true, &c.jw307); !s.ok()) return s;
  if (Status s = WriteJw323(demo, *batch, dir, &c.jw323); !s.ok()) return s;
  return batch->Commit();
}

}  // namespace jr::demo
