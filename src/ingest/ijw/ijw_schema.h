// The structure of the iJw 3.2 messages jeugdregio reads (JW301, JW305, JW307,
// JW323), as a tree of elements: name, namespace, type of the text, whether required
// and repeatable. It is the part of the official XSDs the importer checks on every
// message (unknown element, wrong type, missing required element, an element twice
// that may occur once); the order of siblings and the contents of the subtrees with
// personal data (names, addresses, relatives, contact) are not checked: they are read
// past and never kept.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jr::ijw {

enum class MessageKind { kJw301, kJw305, kJw307, kJw323 };

std::string_view MessageKindName(MessageKind k);  // "JW301"
// The message's namespace, "http://www.istandaarden.nl/ijw/3_2/jw301/schema".
std::string_view MessageNamespace(MessageKind k);
inline constexpr std::string_view kBaseNamespace =
    "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";
// The kind whose namespace is `ns`; nullopt for another.
std::optional<MessageKind> KindFromNamespace(std::string_view ns);

// What the importer does with an element (ijw_source.cc).
enum class Field {
  kNone,
  kSender,
  kReceiver,
  kIdentification,
  kMessageDate,
  kClient,  // record: a client
  kBsn,
  kBirthDate,
  kRecord,  // record: ToegewezenProduct, StartProduct, StopProduct, Prestatie
  kAssignment,
  kCategory,
  kProductCode,
  kStart,
  kEnd,
  kVolume,
  kUnit,
  kFrequency,
  kBudget,
  kReason,
  kDeclarationNumber,
  kTotal,
  kTotalDebitCredit,
  kReference,
  kPreviousReference,
  kTariff,
  kAmount,
  kDebitCredit,
};

// The type of an element's text.
enum class TextType {
  kComplex,  // child elements only
  kPrivate,  // personal data: the subtree is read past, never kept
  kDigits,   // 1..max digits (max_len)
  kDate,     // YYYY-MM-DD
  kTime,     // HH:MM:SS
  kString,   // 1..max characters, not only spaces
  kEnum,     // one of `values`
};

struct Node {
  std::string name;
  bool base_ns = false;  // in the basisschema namespace (else the message's)
  TextType type = TextType::kComplex;
  int max_len = 0;
  bool exact = false;               // kDigits: exactly max_len digits
  bool alnum = false;               // kString: letters and digits only (type `a`)
  std::vector<std::string> values;  // kEnum (a fixed value is an enum of one)
  bool required = true;
  bool repeated = false;
  Field field = Field::kNone;
  std::string path;  // "Bericht/Header/Afzender"
  std::vector<int> children;
};

// The tree of one kind; node 0 is the root `Bericht`. Built once, immutable.
const std::vector<Node>& MessageTree(MessageKind k);

}  // namespace jr::ijw
