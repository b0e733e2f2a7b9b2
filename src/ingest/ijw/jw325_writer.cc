#include "ingest/ijw/jw325_writer.h"

#include <fmt/format.h>
#include <libxml/xmlreader.h>
#include <sodium.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/xml_escape.h"
#include "ingest/ijw/ijw_schema.h"
#include "ingest/ijw/ijw_source.h"

namespace jr::ijw {
namespace {

std::string Iso(Date d) {
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(d.year()),
                     static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

// `s` with every character but letters, digits, '-' and '_' as '_' (a file name).
std::string SafeName(std::string s) {
  for (char& c : s) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
              (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
    if (!ok) c = '_';
  }
  return s;
}

// An identification of at most 12 characters, the same for the same JW323.
std::string AnswerIdentification(const std::string& key) {
  unsigned char h[16];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(key.data()),
                     key.size(), nullptr, 0);
  std::string out;
  for (int i = 0; i < 6; ++i) out += fmt::format("{:02x}", h[i]);
  return out;
}

// pseudonym -> BSN for the wanted pseudonyms, read from the Bsn elements of the
// messages (in memory only).
Status FindBsns(const std::vector<std::string>& paths, const Pseudonymizer& p,
                const std::unordered_set<std::string>& wanted,
                std::unordered_map<std::string, std::string>* found) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    if (std::filesystem::is_directory(path)) {
      for (const auto& e : std::filesystem::directory_iterator(path)) {
        if (e.path().extension() == ".xml") files.push_back(e.path().string());
      }
    } else {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    auto kind = SniffMessageKind(f);
    if (!kind.ok() || *kind != MessageKind::kJw323) continue;
    xmlTextReaderPtr r = xmlReaderForFile(f.c_str(), nullptr, XML_PARSE_NONET);
    if (!r) return Status::Error("bestand kan niet worden geopend", {f});
    bool in_bsn = false;
    int ret;
    while ((ret = xmlTextReaderRead(r)) == 1) {
      int type = xmlTextReaderNodeType(r);
      if (type == XML_READER_TYPE_DOCUMENT_TYPE) break;
      if (type == XML_READER_TYPE_ELEMENT) {
        const xmlChar* name = xmlTextReaderConstLocalName(r);
        in_bsn = name && std::string_view(reinterpret_cast<const char*>(name)) == "Bsn";
      } else if (type == XML_READER_TYPE_TEXT && in_bsn) {
        std::string bsn(reinterpret_cast<const char*>(xmlTextReaderConstValue(r)));
        if (IsValidBsn(bsn)) {
          std::string pseudonym = p.Pseudonym(bsn);
          if (wanted.count(pseudonym)) (*found)[pseudonym] = bsn;
        }
        in_bsn = false;
      } else if (type == XML_READER_TYPE_END_ELEMENT) {
        in_bsn = false;
      }
    }
    xmlFreeTextReader(r);
  }
  return Status::Ok();
}

void Amount(std::string* x, const char* element, const char* inner, Money m, int indent) {
  std::string pad(indent, '\t');
  Money abs = m < Money() ? -m : m;
  *x += fmt::format(
      "{0}<jw325:{1}>\n{0}\t<ijw:{2}>{3}</ijw:{2}>\n{0}\t<ijw:DebetCredit>{4}</"
      "ijw:DebetCredit>\n{0}</jw325:{1}>\n",
      pad, element, inner, abs.cents(), m < Money() ? "C" : "D");
}

void Codes(std::string* x, const std::vector<std::string>& codes, int indent) {
  std::string pad(indent, '\t');
  *x += pad + "<jw325:RetourCodes>\n";
  for (const std::string& c : codes)
    *x += fmt::format("{}\t<jw325:RetourCode>{}</jw325:RetourCode>\n", pad, c);
  *x += pad + "</jw325:RetourCodes>\n";
}

}  // namespace

std::string RetourCodeOf(const std::string& finding_code) {
  if (finding_code.size() == 4 &&
      std::all_of(finding_code.begin(), finding_code.end(),
                  [](char c) { return c >= '0' && c <= '9'; }))
    return finding_code;
  if (finding_code == "volume-x-tarief") return "9346";
  return "0001";
}

Result<std::vector<AnswerSummary>> WriteAnswers(const Store& store,
                                                const AnswerOptions& options, Env& env) {
  auto messages = store.LoadIjwMessages();
  if (!messages.ok()) return messages.status();
  auto lines = store.LoadIjwLines();
  if (!lines.ok()) return lines.status();
  auto findings = store.LoadFindings();
  if (!findings.ok()) return findings.status();
  auto assignments = store.LoadAssignments();
  if (!assignments.ok()) return assignments.status();
  std::unordered_set<std::string> known;
  for (const Assignment& a : *assignments) known.insert(a.number);
  // All answers or none: one batch, one file-system sync at the end.
  std::unique_ptr<FileBatch> batch = env.NewPrivateFileBatch();
  // Rejecting codes per declaration line "assignment/day/number".
  std::map<std::string, std::vector<std::string>> rejected_codes;
  for (const Finding& f : *findings) {
    if (f.status != FindingStatus::kRejected) continue;
    auto& v = rejected_codes[fmt::format("{}/{}/{}", f.assignment, DayNumber(f.start),
                                         f.declaration)];
    std::string code = RetourCodeOf(f.code);
    if (std::find(v.begin(), v.end(), code) == v.end()) v.push_back(code);
  }
  std::map<std::string, const IjwMessage*> by_key;
  for (const IjwMessage& m : *messages)
    if (m.kind == "JW323") by_key[m.Key()] = &m;
  // The codes of every line (empty: granted).
  std::vector<std::vector<std::string>> codes(lines->size());
  std::unordered_set<std::string> wanted;
  for (size_t i = 0; i < lines->size(); ++i) {
    const IjwLine& l = (*lines)[i];
    auto m = by_key.find(l.message);
    if (m == by_key.end()) continue;
    auto it = rejected_codes.find(fmt::format(
        "{}/{}/{}", l.assignment, DayNumber(l.start), m->second->declaration));
    if (it != rejected_codes.end()) codes[i] = it->second;
    if (!l.stored && codes[i].empty())
      codes[i] = {known.count(l.assignment) ? "8021" : "9338"};
    if (!codes[i].empty()) wanted.insert(l.client);
  }
  std::unordered_map<std::string, std::string> bsns;
  if (!wanted.empty() && options.pseudonymizer) {
    Status s = FindBsns(options.messages, *options.pseudonymizer, wanted, &bsns);
    if (!s.ok()) return s;
  }
  if (Status s = env.CreateDirectories(options.out_dir); !s.ok()) return s;
  std::vector<AnswerSummary> out;
  size_t i = 0;
  for (const auto& [key, m] : by_key) {
    while (i < lines->size() && (*lines)[i].message < key) ++i;
    AnswerSummary sum;
    sum.message = key;
    sum.submitted = m->total;
    Money rejected;
    // Rejected lines grouped per client, in order of first appearance.
    std::vector<std::string> client_order;
    std::map<std::string, std::vector<size_t>> per_client;
    for (; i < lines->size() && (*lines)[i].message == key; ++i) {
      ++sum.lines;
      if (codes[i].empty()) continue;
      const IjwLine& l = (*lines)[i];
      ++sum.rejected;
      rejected += l.amount;
      if (!per_client.count(l.client)) client_order.push_back(l.client);
      per_client[l.client].push_back(i);
    }
    sum.granted = m->total - rejected;
    std::string agb = m->sender;
    std::string municipality = m->receiver.substr(2);  // "GM0384" -> "0384"
    std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    x += "<jw325:Bericht "
         "xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\" "
         "xmlns:jw325=\"http://www.istandaarden.nl/ijw/3_2/jw325/schema\">\n";
    x += "\t<jw325:Header>\n\t\t<jw325:BerichtCode>491</jw325:BerichtCode>\n";
    x += "\t\t<jw325:BerichtVersie>3</jw325:BerichtVersie>\n";
    x += "\t\t<jw325:BerichtSubversie>2</jw325:BerichtSubversie>\n";
    x += fmt::format("\t\t<jw325:Afzender>{}</jw325:Afzender>\n", municipality);
    x += fmt::format("\t\t<jw325:Ontvanger>{}</jw325:Ontvanger>\n", agb);
    x += fmt::format(
        "\t\t<jw325:BerichtIdentificatie>\n\t\t\t<ijw:Identificatie>{}</"
        "ijw:Identificatie>\n\t\t\t<ijw:Dagtekening>{}</ijw:Dagtekening>\n\t\t</"
        "jw325:BerichtIdentificatie>\n",
        AnswerIdentification(key), Iso(options.date));
    x += "\t\t<jw325:XsdVersie>\n\t\t\t<ijw:BasisschemaXsdVersie>1.0.0</"
         "ijw:BasisschemaXsdVersie>\n\t\t\t<ijw:BerichtXsdVersie>1.0.0</"
         "ijw:BerichtXsdVersie>\n\t\t</jw325:XsdVersie>\n";
    x += fmt::format(
        "\t\t<jw325:DeclaratieIdentificatie>\n\t\t\t<ijw:Identificatie>{}</"
        "ijw:Identificatie>\n\t\t\t<ijw:Dagtekening>{}</ijw:Dagtekening>\n\t\t</"
        "jw325:DeclaratieIdentificatie>\n",
        EscapeXml(m->identification), Iso(m->date));
    x += "\t\t<jw325:XsdVersieDeclaratie>\n\t\t\t<ijw:BasisschemaXsdVersie>1.0.0</"
         "ijw:BasisschemaXsdVersie>\n\t\t\t<ijw:BerichtXsdVersie>1.0.0</"
         "ijw:BerichtXsdVersie>\n\t\t</jw325:XsdVersieDeclaratie>\n";
    Codes(&x, {"0200"}, 2);
    x += "\t</jw325:Header>\n\t<jw325:DeclaratieAntwoord>\n";
    x += fmt::format("\t\t<jw325:DeclaratieNummer>{}</jw325:DeclaratieNummer>\n",
                     EscapeXml(m->declaration));
    Amount(&x, "TotaalIngediendBedrag", "TotaalBedrag", sum.submitted, 2);
    Amount(&x, "TotaalToegekendBedrag", "TotaalBedrag", sum.granted, 2);
    if (!client_order.empty()) {
      x += "\t\t<jw325:Clienten>\n";
      for (const std::string& client : client_order) {
        auto bsn = bsns.find(client);
        if (bsn == bsns.end()) {
          return Status::Error(fmt::format(
              "het antwoord op {} wijst regels af en noemt daarbij het BSN van de "
              "client, dat jeugdregio niet bewaart: geef met --berichten de map (of de "
              "bestanden) met de JW323-berichten",
              key));
        }
        x += fmt::format("\t\t\t<jw325:Client>\n\t\t\t\t<jw325:Bsn>{}</jw325:Bsn>\n",
                         bsn->second);
        x += "\t\t\t\t<jw325:Prestaties>\n";
        for (size_t li : per_client[client]) {
          const IjwLine& l = (*lines)[li];
          std::string p(5, '\t');
          x += p + "<jw325:Prestatie>\n";
          x += fmt::format(
              "{}\t<jw325:ProductReferentie>\n{}\t\t<ijw:ReferentieNummer>{}</"
              "ijw:ReferentieNummer>\n",
              p, p, EscapeXml(l.reference));
          if (!l.previous_reference.empty()) {
            x += fmt::format(
                "{}\t\t<ijw:VorigReferentieNummer>{}</ijw:VorigReferentieNummer>\n", p,
                EscapeXml(l.previous_reference));
          }
          x += p + "\t</jw325:ProductReferentie>\n";
          x += fmt::format("{}\t<jw325:ToewijzingNummer>{}</jw325:ToewijzingNummer>\n", p,
                           EscapeXml(l.assignment));
          x += fmt::format("{}\t<jw325:ProductCategorie>{}</jw325:ProductCategorie>\n", p,
                           EscapeXml(l.category));
          x += fmt::format("{}\t<jw325:ProductCode>{}</jw325:ProductCode>\n", p,
                           EscapeXml(l.product_code));
          x += fmt::format(
              "{0}\t<jw325:ProductPeriode>\n{0}\t\t<ijw:Begindatum>{1}</"
              "ijw:Begindatum>\n{0}"
              "\t\t<ijw:Einddatum>{2}</ijw:Einddatum>\n{0}\t</jw325:ProductPeriode>\n",
              p, Iso(l.start), Iso(FromDayNumber(DayNumber(l.end) - 1)));
          x += fmt::format("{}\t<jw325:GeleverdVolume>{}</jw325:GeleverdVolume>\n", p,
                           l.volume.hundredths / 100);
          x +=
              fmt::format("{}\t<jw325:Eenheid>{}</jw325:Eenheid>\n", p, UnitCode(l.unit));
          if (l.tariff) {
            x += fmt::format("{}\t<jw325:ProductTarief>{}</jw325:ProductTarief>\n", p,
                             l.tariff->cents());
          }
          Amount(&x, "IngediendBedrag", "Bedrag", l.amount, 6);
          Codes(&x, codes[li], 6);
          x += p + "</jw325:Prestatie>\n";
        }
        x += "\t\t\t\t</jw325:Prestaties>\n";
        Codes(&x, {"0200"}, 4);
        x += "\t\t\t</jw325:Client>\n";
      }
      x += "\t\t</jw325:Clienten>\n";
    }
    Codes(&x, {"0200"}, 2);
    x += "\t</jw325:DeclaratieAntwoord>\n</jw325:Bericht>\n";
    sum.file = (std::filesystem::path(options.out_dir) /
                fmt::format("JW325_{}_{}.xml", agb, SafeName(m->identification)))
                   .string();
    if (Status s = batch->Add(sum.file, x); !s.ok()) return s;
    out.push_back(std::move(sum));
  }
  if (Status s = batch->Commit(); !s.ok()) return s;
  return out;
}

}  // namespace jr::ijw
