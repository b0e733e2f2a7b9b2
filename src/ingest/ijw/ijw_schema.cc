#include "ingest/ijw/ijw_schema.h"

#include <array>
#include <map>
#include <sstream>
#include <stdexcept>

namespace jr::ijw {
namespace {

// The trees, one line per element: two spaces of indent per level, then
// `[i:]Name TYPE [?] [*] [@field]`: `i:` = basisschema namespace; TYPE `c` complex,
// `x` personal data (read past), `nK` up to K digits, `fK` exactly K, `d` date, `t` time,
// `sK` up to K characters, `e:A,B` one of; `?` optional, `*` repeatable; `@field` what is
// kept. Taken from the official XSDs of iJw 3.2 (Basisschema.xsd, JW301.xsd, ...).
constexpr std::string_view kHeaderTail = R"(
    i:Identificatie s12 @identification
    i:Dagtekening d @date
  XsdVersie c
    i:BasisschemaXsdVersie s20
    i:BerichtXsdVersie s20
)";

std::string Header(std::string_view code, bool from_municipality) {
  // kHeaderTail is written one level up: indent it once more.
  std::string tail;
  std::istringstream in{std::string(kHeaderTail)};
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) tail += "  " + line + "\n";
  }
  return "Bericht c\n  Header c\n    BerichtCode e:" + std::string(code) +
         "\n    BerichtVersie e:3\n    BerichtSubversie e:2\n" +
         (from_municipality ? "    Afzender f4 @sender\n    Ontvanger f8 @receiver\n"
                            : "    Afzender f8 @sender\n    Ontvanger f4 @receiver\n") +
         "    BerichtIdentificatie c\n" + tail;
}

constexpr std::string_view kJw301 = R"(  Client c @client
    Bsn f9 @bsn
    Geboortedatum c
      i:Datum d @birth
      i:DatumGebruik e:1,2,3 ?
    Geslacht e:0,1,2
    Naam x
    Communicatie x ?
    JuridischeStatus x ?
    WettelijkeVertegenwoordiging x ?
    Commentaar x ?
    Relaties x ?
    Contactgegevens x
    ToegewezenProducten c
      ToegewezenProduct c * @record
        ToewijzingNummer n9 @assignment
        ReferentieAanbieder s36 ?
        Product c ?
          i:Categorie CAT @category
          i:Code s5 ? @product_code
        Toewijzingsdatum d
        Toewijzingstijd t
        Ingangsdatum d @start
        Einddatum d ? @end
        RedenWijziging e:01,02,03,04,05,06,07,08,09,10,11,12,13 ?
        Omvang c ?
          i:Volume n8 @volume
          i:Eenheid e:01,04,14,16,82,83,84 @unit
          i:Frequentie e:1,2,4,6 @frequency
        Budget n8 ? @budget
        Commentaar x ?
)";

constexpr std::string_view kJw305 = R"(  Client c @client
    Bsn f9 @bsn
    Geboortedatum c
      i:Datum d @birth
      i:DatumGebruik e:1,2,3 ?
    Geslacht e:0,1,2
    Naam x
    StartProducten c
      StartProduct c * @record
        ToewijzingNummer n9 ? @assignment
        Product c ?
          i:Categorie CAT @category
          i:Code s5 ? @product_code
        ToewijzingIngangsdatum d ?
        Begindatum d @start
        StatusAanlevering e:1,2,3
)";

constexpr std::string_view kJw307 = R"(  Client c @client
    Bsn f9 @bsn
    Geboortedatum c
      i:Datum d @birth
      i:DatumGebruik e:1,2,3 ?
    Geslacht e:0,1,2
    Naam x
    StopProducten c
      StopProduct c * @record
        ToewijzingNummer n9 ? @assignment
        Product c ?
          i:Categorie CAT @category
          i:Code s5 ? @product_code
        ToewijzingIngangsdatum d ?
        Begindatum d @start
        RedenBeeindiging s2 @reason
        Einddatum d @end
        StatusAanlevering e:1,2,3
)";

constexpr std::string_view kJw323 = R"(  Declaratie c
    DeclaratieNummer a12 @declaration
    DeclaratiePeriode c
      i:Begindatum d
      i:Einddatum d
    DeclaratieDagtekening d
    TotaalIngediendBedrag c
      i:TotaalBedrag n12 @total
      i:DebetCredit e:C,D @total_dc
    Clienten c
      Client c * @client
        Bsn f9 @bsn
        Prestaties c
          Prestatie c * @record
            ProductReferentie c
              i:ReferentieNummer s20 @reference
              i:VorigReferentieNummer s20 ? @previous_reference
            ToewijzingNummer n9 @assignment
            ProductCategorie CAT @category
            ProductCode s5 @product_code
            ProductPeriode c
              i:Begindatum d @start
              i:Einddatum d @end
            GeleverdVolume n8 @volume
            Eenheid e:01,04,14,16,82,83,84 @unit
            ProductTarief n8 ? @tariff
            IngediendBedrag c
              i:Bedrag n8 @amount
              i:DebetCredit e:C,D @dc
)";

constexpr std::string_view kCategories =
    "e:31,32,33,34,35,36,37,38,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55";

Field FieldFromName(std::string_view n) {
  static const std::map<std::string_view, Field> kFields = {
      {"sender", Field::kSender},
      {"receiver", Field::kReceiver},
      {"identification", Field::kIdentification},
      {"date", Field::kMessageDate},
      {"client", Field::kClient},
      {"bsn", Field::kBsn},
      {"birth", Field::kBirthDate},
      {"record", Field::kRecord},
      {"assignment", Field::kAssignment},
      {"category", Field::kCategory},
      {"product_code", Field::kProductCode},
      {"start", Field::kStart},
      {"end", Field::kEnd},
      {"volume", Field::kVolume},
      {"unit", Field::kUnit},
      {"frequency", Field::kFrequency},
      {"budget", Field::kBudget},
      {"reason", Field::kReason},
      {"declaration", Field::kDeclarationNumber},
      {"total", Field::kTotal},
      {"total_dc", Field::kTotalDebitCredit},
      {"reference", Field::kReference},
      {"previous_reference", Field::kPreviousReference},
      {"tariff", Field::kTariff},
      {"amount", Field::kAmount},
      {"dc", Field::kDebitCredit},
  };
  auto it = kFields.find(n);
  if (it == kFields.end()) throw std::logic_error("ijw_schema: unknown field");
  return it->second;
}

std::vector<Node> Parse(const std::string& text) {
  std::vector<Node> nodes;
  std::vector<int> stack;  // node index per level
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos) continue;
    size_t level = indent / 2;
    std::istringstream words(line.substr(indent));
    Node n;
    std::string name, type, w;
    words >> name >> type;
    if (name.starts_with("i:")) {
      n.base_ns = true;
      name = name.substr(2);
    }
    n.name = name;
    if (type == "CAT") type = std::string(kCategories);
    if (type == "c") {
      n.type = TextType::kComplex;
    } else if (type == "x") {
      n.type = TextType::kPrivate;
    } else if (type == "d") {
      n.type = TextType::kDate;
    } else if (type == "t") {
      n.type = TextType::kTime;
    } else if (type[0] == 'n' || type[0] == 'f') {
      n.type = TextType::kDigits;
      n.max_len = std::stoi(type.substr(1));
      n.exact = type[0] == 'f';
    } else if (type[0] == 's' || type[0] == 'a') {
      n.type = TextType::kString;
      n.max_len = std::stoi(type.substr(1));
      n.alnum = type[0] == 'a';  // pattern ([a-zA-Z0-9])+
    } else if (type.starts_with("e:")) {
      n.type = TextType::kEnum;
      std::istringstream vs(type.substr(2));
      for (std::string v; std::getline(vs, v, ',');) n.values.push_back(v);
    } else {
      throw std::logic_error("ijw_schema: bad type " + type);
    }
    while (words >> w) {
      if (w == "?") n.required = false;
      if (w == "*") n.repeated = true;
      if (w[0] == '@') n.field = FieldFromName(w.substr(1));
    }
    stack.resize(level);
    n.path = level == 0 ? n.name : nodes[stack.back()].path + "/" + n.name;
    int index = static_cast<int>(nodes.size());
    if (level > 0) nodes[stack.back()].children.push_back(index);
    nodes.push_back(std::move(n));
    stack.push_back(index);
  }
  return nodes;
}

std::vector<Node> Build(MessageKind k) {
  switch (k) {
    case MessageKind::kJw301:
      return Parse(Header("436", true) + std::string(kJw301));
    case MessageKind::kJw305:
      return Parse(Header("438", false) + std::string(kJw305));
    case MessageKind::kJw307:
      return Parse(Header("440", false) + std::string(kJw307));
    case MessageKind::kJw323:
      return Parse(Header("490", false) + std::string(kJw323));
  }
  return {};
}

}  // namespace

std::string_view MessageKindName(MessageKind k) {
  switch (k) {
    case MessageKind::kJw301:
      return "JW301";
    case MessageKind::kJw305:
      return "JW305";
    case MessageKind::kJw307:
      return "JW307";
    case MessageKind::kJw323:
      return "JW323";
  }
  return "";
}

std::string_view MessageNamespace(MessageKind k) {
  switch (k) {
    case MessageKind::kJw301:
      return "http://www.istandaarden.nl/ijw/3_2/jw301/schema";
    case MessageKind::kJw305:
      return "http://www.istandaarden.nl/ijw/3_2/jw305/schema";
    case MessageKind::kJw307:
      return "http://www.istandaarden.nl/ijw/3_2/jw307/schema";
    case MessageKind::kJw323:
      return "http://www.istandaarden.nl/ijw/3_2/jw323/schema";
  }
  return "";
}

std::optional<MessageKind> KindFromNamespace(std::string_view ns) {
  for (MessageKind k : {MessageKind::kJw301, MessageKind::kJw305, MessageKind::kJw307,
                        MessageKind::kJw323}) {
    if (ns == MessageNamespace(k)) return k;
  }
  return std::nullopt;
}

const std::vector<Node>& MessageTree(MessageKind k) {
  static const std::array<std::vector<Node>, 4> kTrees = {
      Build(MessageKind::kJw301), Build(MessageKind::kJw305), Build(MessageKind::kJw307),
      Build(MessageKind::kJw323)};
  return kTrees[static_cast<int>(k)];
}

}  // namespace jr::ijw
