#include "ingest/ijw/ijw_source.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <sodium.h>
#include <tsl/robin_map.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <system_error>
#include <vector>

#include "care/pseudonym_cache.h"
#include "core/hex.h"
#include "core/huge_pages.h"

namespace jr::ijw {
namespace {

// The version of a stored message's digest (see MessageReader::Impl::Digest): "3:" or
// "2:" before the hex digits, version 1 without.
int StoredDigestVersion(std::string_view digest) {
  if (digest.starts_with("3:")) return 3;
  return digest.starts_with("2:") ? 2 : 1;
}

// The key of a declaration within an import (assignment, first day, declaration
// number), packed into 16 bytes: the assignment number (iJw LDT_Nummer, at most 9
// digits, checked when read: PackedAssignmentNumber); the first day; the declaration
// number by its index in the import (declaration_ids_).
struct DeclarationKey {
  uint64_t assignment;      // length << 32 | value
  uint64_t day_and_number;  // day << 32 | declaration id
  bool operator==(const DeclarationKey&) const = default;
};
struct DeclarationKeyHash {
  size_t operator()(const DeclarationKey& k) const {
    return MixBits(k.assignment * 0x9E3779B97F4A7C15ULL ^ k.day_and_number);
  }
};
struct LineOwner {
  uint32_t message;  // its number in message_ids_
  uint32_t line;
  bool operator==(const LineOwner&) const = default;
};

// "P" and 20 hex digits (Pseudonymizer::PseudonymText).
constexpr size_t kPseudonymChars = 1 + 2 * sizeof(Pseudonymizer::PseudonymBytes);

constexpr int kFieldCount = static_cast<int>(Field::kDebitCredit) + 1;
// Bericht/Header in every tree (ijw_schema.cc: the header comes first).
constexpr size_t kHeaderNode = 1;

std::string_view View(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool Blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  return true;
}

// The first error libxml2 reports on a file (malformed XML, bad encoding).
struct ParseError {
  std::string message;
  int line = 0;
};

void OnXmlError(void* arg, const char* msg, xmlParserSeverities severity,
                xmlTextReaderLocatorPtr locator) {
  auto* e = static_cast<ParseError*>(arg);
  if (!e->message.empty()) return;
  if (severity != XML_PARSER_SEVERITY_ERROR &&
      severity != XML_PARSER_SEVERITY_VALIDITY_ERROR)
    return;
  std::string m = msg ? msg : "";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  e->message = HideBsns(m);
  e->line = xmlTextReaderLocatorLineNumber(locator);
}

// libxml2 with entities, DTDs and the network off: a DOCTYPE is refused by the reader
// loop before any entity is used.
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;

struct ReaderDeleter {
  void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};
using ReaderPtr = std::unique_ptr<xmlTextReader, ReaderDeleter>;

Status CheckSize(const std::string& path, int64_t* bytes = nullptr) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::Error("bestand kan niet worden gelezen", {path});
  if (bytes) *bytes = static_cast<int64_t>(size);
  if (static_cast<int64_t>(size) > kMaxMessageBytes) {
    return Status::Error(fmt::format("bericht is te groot ({} MB; hoogstens {} MB)",
                                     size >> 20, kMaxMessageBytes >> 20),
                         {path});
  }
  return Status::Ok();
}

Result<ReaderPtr> OpenReader(const std::string& path, ParseError* error) {
  if (Status s = CheckSize(path); !s.ok()) return s;
  // libxml2 reads the file itself, streaming (Env reads whole files only).
  ReaderPtr r(xmlReaderForFile(path.c_str(), nullptr, kParseOptions));
  if (!r) return Status::Error("bestand kan niet worden geopend", {path});
  xmlTextReaderSetErrorHandler(r.get(), OnXmlError, error);
  return r;
}

// "JW302" for the namespace of another message of iJw 3.2 (the retour messages, the
// requests JW315, JW317, JW319 and theirs, the JW325 answer), else "".
std::string OtherMessage(std::string_view ns) {
  constexpr std::string_view kPrefix = "http://www.istandaarden.nl/ijw/3_2/jw";
  constexpr std::string_view kSuffix = "/schema";
  if (!ns.starts_with(kPrefix) || !ns.ends_with(kSuffix)) return "";
  std::string_view digits =
      ns.substr(kPrefix.size(), ns.size() - kPrefix.size() - kSuffix.size());
  for (std::string_view other :
       {"302", "306", "308", "315", "316", "317", "318", "319", "320", "325"}) {
    if (digits == other) return "JW" + std::string(digits);
  }
  return "";
}

}  // namespace

Result<SniffedMessage> SniffMessage(const std::string& path) {
  ParseError error;
  auto r = OpenReader(path, &error);
  if (!r.ok()) return r.status();
  int ret;
  while ((ret = xmlTextReaderRead(r->get())) == 1) {
    int type = xmlTextReaderNodeType(r->get());
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
      return Status::Error(
          "DOCTYPE is niet toegestaan in een iJw-bericht (geen DTD of entiteiten)",
          {path, xmlTextReaderGetParserLineNumber(r->get())});
    }
    if (type != XML_READER_TYPE_ELEMENT) continue;
    std::string_view name = View(xmlTextReaderConstLocalName(r->get()));
    std::string_view ns = View(xmlTextReaderConstNamespaceUri(r->get()));
    if (name == "Bericht") {
      if (auto kind = KindFromNamespace(ns)) return SniffedMessage{*kind, ""};
      if (std::string other = OtherMessage(ns); !other.empty())
        return SniffedMessage{std::nullopt, other};
    }
    break;
  }
  if (ret < 0) {
    return Status::Error(fmt::format("geen geldige XML: {}", error.message),
                         {path, error.line});
  }
  return Status::Error(
      "geen iJw-bericht: verwacht een element Bericht in de namespace van JW301, JW305, "
      "JW307 of JW323 (iJw 3.2)",
      {path, 1});
}

Result<MessageKind> SniffMessageKind(const std::string& path) {
  auto m = SniffMessage(path);
  if (!m.ok()) return m.status();
  if (m->kind) return *m->kind;
  return Status::Error(fmt::format("bericht {} wordt niet ingelezen: jeugdregio leest "
                                   "JW301, JW305, JW307 en JW323 (iJw 3.2); in een map "
                                   "wordt het overgeslagen",
                                   m->other),
                       {path, 1});
}

class MessageReader::Impl {
 public:
  Impl(Store& store, ImportSink& sink, PutMode mode, const Pseudonymizer* pseudonymizer,
       ErrorList* errors)
      : store_(store),
        sink_(sink),
        mode_(mode),
        pseudonymizer_(pseudonymizer),
        errors_(errors) {
    // Fuller than the default half (robin hood probing stays short at 0.8): half the
    // memory to touch for a large import's keys.
    declaration_owners_.max_load_factor(0.8f);
    auto messages = store_.LoadIjwMessages();
    if (!messages.ok()) {
      errors_->Add(messages.status());
      return;
    }
    for (const IjwMessage& m : *messages) {
      known_messages_[m.Key()] = {m.digest, m.declaration};
    }
    auto clients = store_.LoadClients();
    if (!clients.ok()) {
      errors_->Add(clients.status());
      return;
    }
    for (const ClientResidence& c : *clients) clients_.insert(c.client);
  }

  void Read(const std::string& path, ImportReport* report);

 private:
  // One open element.
  struct Frame {
    const Node* node;
    int line;
    uint64_t seen = 0;  // bit i: child i of node was seen
  };
  // The Origin of the current record for the sink: fields by element.
  class XmlOrigin final : public Origin {
   public:
    explicit XmlOrigin(const Impl& impl) : impl_(impl) {}
    Location Record() const override {
      return {impl_.file_, impl_.record_line_, 0, impl_.record_path_};
    }
    Location Field(std::string_view field) const override {
      ijw::Field f = impl_.FieldOf(field);
      int i = static_cast<int>(f);
      if (f == ijw::Field::kNone || impl_.line_[i] == 0) return Record();
      return {impl_.file_, impl_.line_[i], 0, *impl_.path_[i]};
    }
    std::string_view Label(std::string_view field) const override {
      ijw::Field f = impl_.FieldOf(field);
      int i = static_cast<int>(f);
      if (f == ijw::Field::kNone || !impl_.path_[i]) return field;
      std::string_view p = *impl_.path_[i];
      return p.substr(p.rfind('/') + 1);
    }

   private:
    const Impl& impl_;
  };

  // The element of a member name of the value types, for messages.
  ijw::Field FieldOf(std::string_view member) const {
    bool jw301 = kind_ == MessageKind::kJw301;
    if (member == "assignment" || member == "number") {
      return kind_ == MessageKind::kJw323 && member == "number"
                 ? Field::kDeclarationNumber
                 : Field::kAssignment;
    }
    if (member == "municipality") return jw301 ? Field::kSender : Field::kReceiver;
    if (member == "agb") return jw301 ? Field::kReceiver : Field::kSender;
    if (member == "category") return Field::kCategory;
    if (member == "product_code" || member == "code") return Field::kProductCode;
    if (member == "volume") return Field::kVolume;
    if (member == "unit") return Field::kUnit;
    if (member == "frequency") return Field::kFrequency;
    if (member == "start" || member == "begin") return Field::kStart;
    if (member == "end") return Field::kEnd;
    if (member == "budget") return Field::kBudget;
    if (member == "amount") return Field::kAmount;
    if (member == "tariff") return Field::kTariff;
    if (member == "client") return Field::kBsn;
    if (member == "birth") return Field::kBirthDate;
    return Field::kNone;
  }

  void Error(std::string message, int line, std::string_view path) {
    errors_->Add(std::move(message), {file_, line, 0, std::string(path)});
    failed_ = true;
  }
  const std::string& Text(Field f) const { return text_[static_cast<int>(f)]; }
  bool Has(Field f) const { return line_[static_cast<int>(f)] != 0; }
  void ClearFields(std::initializer_list<Field> fields) {
    for (Field f : fields) {
      text_[static_cast<int>(f)].clear();
      dates_[static_cast<int>(f)].reset();
      line_[static_cast<int>(f)] = 0;
    }
  }

  bool CheckText(const Node& n, const std::string& t, int line);
  void StartElement(const Node& n, int line);
  // `text`: the element's text; a field's text is swapped into text_ (no copy), so it
  // is left with an old value.
  void EndElement(const Frame& f, std::string& text);
  void EndHeader();
  // --replace of a stored JW323 (stored with DeclaratieNummer `number`): its stored
  // declarations are replaced (EndHeader).
  void ReplaceStoredDeclarations(const std::string& number);
  void EndRecord();
  void EndClient();
  void EndMessage();
  // Puts a value that belongs to a record counted by another put (the declaration of
  // a JW323 line, the residence of a JW301 client, the message itself): the report
  // counts records, like a CSV file's rows.
  template <typename T>
  void AddUncounted(const T& v, const Origin& o) {
    ImportReport uncounted;
    sink_.StartFile(&uncounted);
    if (!sink_.Add(v, o)) failed_ = true;
    sink_.StartFile(report_);
  }
  // The message's digest (re-import check), over every data element. Version 3 ("3:"
  // and 32 hex digits): XXH3-128 over, per element, the 8-byte key of its path
  // (PathKey), its text and a NUL; at the Bsn the pseudonym instead of the text. It
  // detects a change, it is no seal: a crafted collision could only make an import keep
  // the message as stored. Version 2 ("2:" and 64 hex digits) was BLAKE2b over the same
  // bytes, version 1 (64 hex digits) BLAKE2b over the whole path, a NUL, the text and a
  // NUL per element (at the Bsn the pseudonym alone). All three run until the header is
  // read; then version 3 and the one a message stored before was given, so that its
  // re-import still matches (StoredDigestVersion). Buffered: a hash per element is slow.
  void Digest(const Node& n, std::string_view text) {
    const std::string& key = PathKey(n);
    digest_buf_.append(key);
    digest_buf_.append(text);
    digest_buf_.push_back('\0');
    if (digest_v1_) {
      legacy_buf_.append(n.path);
      legacy_buf_.push_back('\0');
      legacy_buf_.append(text);
      legacy_buf_.push_back('\0');
    }
    if (digest_buf_.size() >= 1 << 16 || legacy_buf_.size() >= 1 << 16) FlushDigest();
  }
  // At the Bsn: its pseudonym is looked up when first needed (ResolveClient, at the
  // end of the line or of the client), so that the cache's load (Prefetch) overlaps
  // the parse of the line; the digest keeps its place with a placeholder.
  void DeferClient(const Node& n, std::string_view bsn) {
    ResolveClient();
    uint32_t number = 0;
    for (char c : bsn) number = number * 10 + static_cast<uint32_t>(c - '0');
    pseudonyms_.Prefetch(number);
    pending_bsn_ = number;
    digest_buf_.append(PathKey(n));
    pending_digest_at_ = digest_buf_.size();
    digest_buf_.append(kPseudonymChars + 1, '\0');  // the pseudonym and a NUL
    pending_legacy_ = digest_v1_;
    if (pending_legacy_) {
      pending_legacy_at_ = legacy_buf_.size();
      legacy_buf_.append(kPseudonymChars + 1, '\0');
    }
  }
  // The pseudonym of the Bsn read last into client_ and into the digest's place.
  void ResolveClient() {
    if (pending_bsn_ == 0) return;
    std::array<char, 9> digits;  // IsValidBsn: nine digits
    uint32_t v = pending_bsn_;
    for (int i = 8; i >= 0; --i, v /= 10) digits[i] = static_cast<char>('0' + v % 10);
    const Pseudonymizer::PseudonymBytes& bytes = pseudonyms_.Get(pending_bsn_, [&] {
      return pseudonymizer_->BytesOf(std::string_view(digits.data(), digits.size()));
    });
    Pseudonymizer::PseudonymText(bytes, &client_);
    digest_buf_.replace(pending_digest_at_, kPseudonymChars, client_);
    if (pending_legacy_)
      legacy_buf_.replace(pending_legacy_at_, kPseudonymChars, client_);
    pending_bsn_ = 0;
  }
  void FlushDigest() {
    ResolveClient();
    XXH3_128bits_update(digest_.get(), digest_buf_.data(), digest_buf_.size());
    if (digest_v2_) {
      crypto_generichash_update(
          &digest_v2_state_, reinterpret_cast<const unsigned char*>(digest_buf_.data()),
          digest_buf_.size());
    }
    digest_buf_.clear();
    if (digest_v1_) {
      crypto_generichash_update(
          &legacy_, reinterpret_cast<const unsigned char*>(legacy_buf_.data()),
          legacy_buf_.size());
    }
    legacy_buf_.clear();
  }
  // The digest of the message read, in the version it was stored with before (3 for
  // a new message).
  std::string FinalDigest();
  // The first 8 bytes of BLAKE2b of the element's path, made once per element.
  const std::string& PathKey(const Node& n) {
    std::vector<std::string>& keys = path_keys_[static_cast<int>(kind_)];
    size_t i = static_cast<size_t>(&n - tree_->data());
    if (keys.empty()) keys.resize(tree_->size());
    std::string& key = keys[i];
    if (key.empty()) {
      std::array<unsigned char, crypto_generichash_BYTES_MIN> h;
      crypto_generichash(h.data(), h.size(),
                         reinterpret_cast<const unsigned char*>(n.path.data()),
                         n.path.size(), nullptr, 0);
      key.assign(reinterpret_cast<const char*>(h.data()), 8);
    }
    return key;
  }
  // A date element's date as CheckText read it (no second parse).
  Date DateOf(Field f) const {
    const std::optional<Date>& d = dates_[static_cast<int>(f)];
    return d ? *d : ParseDate(Text(f)).value();
  }
  std::optional<Date> EndOf(Field f) const {
    if (!Has(f)) return std::nullopt;
    return NextDay(DateOf(f));
  }
  Money Cents(Field f) const { return Money::FromCents(std::stoll(Text(f))); }

  Store& store_;
  ImportSink& sink_;
  PutMode mode_;
  const Pseudonymizer* pseudonymizer_;
  ErrorList* errors_;
  // The messages stored or read, by key: the digest (re-import check) and the
  // DeclaratieNummer of a JW323 (--replace: the declarations its lines made).
  struct KnownMessage {
    std::string digest;
    std::string declaration;
  };
  std::unordered_map<std::string, KnownMessage> known_messages_;
  std::unordered_set<std::string> clients_;  // pseudonyms with a residence
  PseudonymCache pseudonyms_;
  // The Bsn read last whose pseudonym is not looked up yet (DeferClient), 0 if none,
  // and where in the digest buffers its placeholders are.
  uint32_t pending_bsn_ = 0;
  size_t pending_digest_at_ = 0;
  size_t pending_legacy_at_ = 0;
  bool pending_legacy_ = false;
  // Large and filled at once: huge pages (core/huge_pages.h).
  // Declaration key -> the line that put it in this import: the message (its number in
  // message_ids_) and the line's number in it. Open addressing with fixed-size keys: a
  // JW323 line asks it once, no allocation per line.
  tsl::robin_map<DeclarationKey, LineOwner, DeclarationKeyHash,
                 std::equal_to<DeclarationKey>,
                 HugePageAllocator<std::pair<DeclarationKey, LineOwner>>>
      declaration_owners_;
  std::unordered_map<std::string, uint32_t> declaration_ids_;  // DeclaratieNummer -> id
  uint32_t declaration_id_ = 0;                                // of the current message
  IjwLine ijw_line_;         // the current JW323 line (EndRecord)
  Declaration declaration_;  // and its declaration
  std::unordered_map<std::string, size_t> message_ids_;  // message key -> number
  size_t message_id_ = 0;                                // of the current message

  // The current file.
  std::string file_;
  int64_t file_bytes_ = 0;
  MessageKind kind_ = MessageKind::kJw301;
  ImportReport* report_ = nullptr;
  bool failed_ = false;
  struct Xxh3Free {
    void operator()(XXH3_state_t* s) const { XXH3_freeState(s); }
  };
  std::unique_ptr<XXH3_state_t, Xxh3Free> digest_{XXH3_createState()};  // version 3
  std::string digest_buf_;  // the bytes of versions 3 and 2
  bool digest_v2_ = true;   // version 2 still computed
  crypto_generichash_state digest_v2_state_;
  bool digest_v1_ = true;  // version 1 still computed
  crypto_generichash_state legacy_;
  std::string legacy_buf_;
  std::array<std::vector<std::string>, 4> path_keys_;  // by kind, by node
  std::array<std::string, kFieldCount> text_;
  std::array<std::optional<Date>, kFieldCount> dates_{};  // of the date elements
  Date checked_date_;                                     // the last date CheckText read
  std::array<int, kFieldCount> line_{};
  std::array<const std::string*, kFieldCount> path_{};  // the element's path
  IjwMessage message_;
  std::string message_key_;     // message_.Key()
  bool known_message_ = false;  // same key read or stored before
  std::string client_;          // pseudonym of the current client
  std::optional<Date> client_first_start_;
  int record_line_ = 0;
  std::string record_path_;
  int64_t line_no_ = 0;

  // The SAX2 parse of the current file (Read).
  static void OnStartElement(void* ctx, const xmlChar* localname, const xmlChar* prefix,
                             const xmlChar* uri, int nb_namespaces,
                             const xmlChar** namespaces, int nb_attributes,
                             int nb_defaulted, const xmlChar** attributes);
  static void OnEndElement(void* ctx, const xmlChar* localname, const xmlChar* prefix,
                           const xmlChar* uri);
  static void OnCharacters(void* ctx, const xmlChar* ch, int len);
  static void OnDoctype(void* ctx, const xmlChar* name, const xmlChar* external_id,
                        const xmlChar* system_id);
  static void OnReference(void* ctx, const xmlChar* name);
  static xmlEntityPtr OnGetEntity(void* ctx, const xmlChar* name);
  static void OnXmlError(void* ctx, xmlErrorPtr error);
  void StartTag(const xmlChar* localname, const xmlChar* uri);
  // Error(message) at the parser's line and the open element's path; stops the parse.
  void StopWith(const std::string& message);
  bool CheckEncoding();

  xmlParserCtxtPtr ctxt_ = nullptr;
  std::vector<char> chunk_;
  std::vector<Frame> stack_;
  std::string text_buf_;  // the text of the innermost open element
  const std::vector<Node>* tree_ = nullptr;
  // Per node of tree_: the parser's interned name and namespace last matched to it.
  std::vector<const xmlChar*> names_;
  std::vector<const xmlChar*> namespaces_;
  bool root_seen_ = false;
  bool encoding_checked_ = false;
  int skip_depth_ = 0;       // > 0: inside an element with personal data
  std::string parse_error_;  // libxml2's first error on the file
  int parse_error_line_ = 0;
};

bool MessageReader::Impl::CheckText(const Node& n, const std::string& t, int line) {
  auto bad = [&](std::string_view what) {
    Error(fmt::format("element {}: {} is geen {}", n.name,
                      t.empty() ? std::string("(leeg)") : ShownValue(t), what),
          line, n.path);
    return false;
  };
  switch (n.type) {
    case TextType::kDigits:
      if (!AllDigits(t) || static_cast<int>(t.size()) > n.max_len ||
          (n.exact && static_cast<int>(t.size()) != n.max_len)) {
        return bad(n.exact ? fmt::format("getal van {} cijfers", n.max_len)
                           : fmt::format("getal van hoogstens {} cijfers", n.max_len));
      }
      return true;
    case TextType::kDate: {
      auto d = ParseDate(t);
      if (t.size() != 10 || t[4] != '-' || !d.ok()) return bad("datum (JJJJ-MM-DD)");
      checked_date_ = *d;
      return true;
    }
    case TextType::kTime:
      if (t.size() < 8 || t[2] != ':' || t[5] != ':' || !AllDigits(t.substr(0, 2)) ||
          !AllDigits(t.substr(3, 2)) || !AllDigits(t.substr(6, 2)))
        return bad("tijd (UU:MM:SS)");
      return true;
    case TextType::kString:
      if (t.empty() || Blank(t) || static_cast<int>(t.size()) > n.max_len)
        return bad(fmt::format("tekst van 1 tot {} tekens", n.max_len));
      if (n.alnum && !std::all_of(t.begin(), t.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                   (c >= 'A' && c <= 'Z');
          })) {
        return bad(fmt::format("tekst van 1 tot {} letters en cijfers", n.max_len));
      }
      return true;
    case TextType::kEnum:
      for (const std::string& v : n.values)
        if (t == v) return true;
      return bad(fmt::format("geldige code ({})", fmt::join(n.values, ", ")));
    case TextType::kComplex:
    case TextType::kPrivate:
      return true;
  }
  return true;
}

void MessageReader::Impl::StartElement(const Node& n, int line) {
  if (n.field == Field::kRecord) {
    record_line_ = line;
    record_path_ = n.path;
    ClearFields({Field::kAssignment, Field::kCategory, Field::kProductCode, Field::kStart,
                 Field::kEnd, Field::kVolume, Field::kUnit, Field::kFrequency,
                 Field::kBudget, Field::kReason, Field::kReference,
                 Field::kPreviousReference, Field::kTariff, Field::kAmount,
                 Field::kDebitCredit});
  } else if (n.field == Field::kClient) {
    ClearFields({Field::kBsn, Field::kBirthDate});
    ResolveClient();  // the digest's place of the one before (a client without lines)
    client_.clear();
    client_first_start_.reset();
  }
}

void MessageReader::Impl::EndElement(const Frame& f, std::string& text) {
  const Node& n = *f.node;
  // Required children.
  for (size_t i = 0; i < n.children.size(); ++i) {
    const Node& c = (*tree_)[n.children[i]];
    if (c.required && !(f.seen >> i & 1)) {
      Error(fmt::format("verplicht element {} ontbreekt in {}", c.name, n.name), f.line,
            n.path);
    }
  }
  if (n.type != TextType::kComplex) {
    if (!CheckText(n, text, f.line)) return;
    if (n.field == Field::kBsn) {
      if (!IsValidBsn(text)) {
        Error("element Bsn: geen geldig BSN (11-proef)", f.line, n.path);
        return;
      }
      if (!pseudonymizer_) {
        Error(
            "een iJw-bericht bevat BSN's: er is een sleutelbestand nodig (jeugdregio "
            "init)",
            f.line, n.path);
        return;
      }
      DeferClient(n, text);
    } else {
      Digest(n, text);
    }
  }
  if (n.field != Field::kNone && n.field != Field::kRecord && n.field != Field::kClient &&
      n.field != Field::kBsn) {
    int i = static_cast<int>(n.field);
    text_[i].swap(text);
    dates_[i] = n.type == TextType::kDate ? std::optional(checked_date_) : std::nullopt;
    line_[i] = f.line;
    path_[i] = &n.path;
    // The line's end asks whether the assignment is known: its slot loads meanwhile.
    if (n.field == Field::kAssignment && kind_ == MessageKind::kJw323 && !failed_)
      sink_.PrefetchAssignment(text_[i]);
  }
  if (n.field == Field::kBsn) {
    line_[static_cast<int>(Field::kBsn)] = f.line;
    path_[static_cast<int>(Field::kBsn)] = &n.path;
  }
  if (n.field == Field::kDeclarationNumber) {
    message_.declaration = Text(Field::kDeclarationNumber);
    declaration_id_ = declaration_ids_
                          .try_emplace(message_.declaration,
                                       static_cast<uint32_t>(declaration_ids_.size()))
                          .first->second;
  }
  if (failed_) return;
  const Node* tree = tree_->data();
  if (&n == &tree[kHeaderNode]) EndHeader();
  if (n.field == Field::kRecord) EndRecord();
  if (n.field == Field::kClient) EndClient();
  if (&n == &tree[0]) EndMessage();
}

void MessageReader::Impl::EndHeader() {
  bool jw301 = kind_ == MessageKind::kJw301;
  message_ = IjwMessage{};
  message_.kind = std::string(MessageKindName(kind_));
  message_.sender = jw301 ? "GM" + Text(Field::kSender) : Text(Field::kSender);
  message_.receiver = jw301 ? Text(Field::kReceiver) : "GM" + Text(Field::kReceiver);
  message_.identification = Text(Field::kIdentification);
  message_.date = DateOf(Field::kMessageDate);
  message_key_ = message_.Key();
  message_id_ = message_ids_.try_emplace(message_key_, message_ids_.size()).first->second;
  auto known = known_messages_.find(message_key_);
  known_message_ = known != known_messages_.end();
  // Versions 1 and 2 only for a message stored with them (see Digest).
  const int stored = known_message_ ? StoredDigestVersion(known->second.digest) : 3;
  digest_v1_ = stored == 1;
  digest_v2_ = stored == 2;
  if (!digest_v1_) legacy_buf_.clear();
  if (known_message_ && mode_ == PutMode::kReplace && kind_ == MessageKind::kJw323)
    ReplaceStoredDeclarations(known->second.declaration);
}

void MessageReader::Impl::ReplaceStoredDeclarations(const std::string& number) {
  // The message may come back with another DeclaratieNummer, or with another
  // assignment in a line's place: every declaration its stored lines made is replaced
  // by what this import puts (the sink deletes, as the import ends, those of each
  // number and assignment that it did not put again). Unchanged, it puts them all again.
  auto old = store_.LoadIjwLines(message_key_);
  if (!old.ok()) {
    Error(fmt::format("kan niet worden gelezen: {}", old.status().message()), 1,
          "Bericht/Header");
    return;
  }
  for (const IjwLine& l : *old)
    if (l.stored) sink_.ReplaceDeclarations(number, l.assignment);
}

void MessageReader::Impl::EndRecord() {
  XmlOrigin origin(*this);
  ++report_->rows;
  ++message_.lines;
  ResolveClient();
  if (client_.empty()) {
    Error("element Bsn van de client ontbreekt voor dit product", record_line_,
          record_path_);
    return;
  }
  switch (kind_) {
    case MessageKind::kJw301: {
      if (!Has(Field::kProductCode)) {
        Error(
            "toewijzing zonder productcode (aspecifiek of alleen een categorie) wordt "
            "niet ondersteund: geef Product/Code",
            record_line_, record_path_);
        return;
      }
      if (!Has(Field::kVolume)) {
        Error("verplicht element Omvang ontbreekt (productcode is gevuld)", record_line_,
              record_path_);
        return;
      }
      Assignment a;
      a.number = Text(Field::kAssignment);
      a.client = client_;
      a.municipality = message_.sender;
      a.agb = message_.receiver;
      a.category = Text(Field::kCategory);
      a.product_code = Text(Field::kProductCode);
      a.volume.hundredths = std::stoll(Text(Field::kVolume)) * 100;
      a.unit = *UnitFromCode(Text(Field::kUnit));
      a.frequency = *FrequencyFromCode(Text(Field::kFrequency));
      a.start = DateOf(Field::kStart);
      a.end = EndOf(Field::kEnd);
      a.route = Route::kUnknown;
      sink_.ApplySupplement(&a);  // toewijzingen_aanvulling.csv, if any
      if (Has(Field::kBudget)) a.budget = Cents(Field::kBudget);
      if (!client_first_start_ || a.start < *client_first_start_)
        client_first_start_ = a.start;
      if (!sink_.Add(a, origin)) failed_ = true;
      return;
    }
    case MessageKind::kJw305:
    case MessageKind::kJw307: {
      if (!Has(Field::kAssignment)) return;  // an unspecified product: nothing to link
      CarePeriod p;
      p.assignment = Text(Field::kAssignment);
      p.start = DateOf(Field::kStart);
      if (kind_ == MessageKind::kJw307) {
        p.end = EndOf(Field::kEnd);
        p.reason = Text(Field::kReason);
      }
      if (!sink_.Add(p, origin)) failed_ = true;
      return;
    }
    case MessageKind::kJw323: {
      // The line and its declaration are members, every field assigned per line:
      // their strings keep their buffers from line to line (no allocation per line).
      IjwLine& l = ijw_line_;
      l.message = message_key_;
      l.line = ++line_no_;
      l.reference = Text(Field::kReference);
      l.previous_reference = Text(Field::kPreviousReference);
      l.client = client_;
      l.assignment = Text(Field::kAssignment);
      l.category = Text(Field::kCategory);
      l.product_code = Text(Field::kProductCode);
      l.start = DateOf(Field::kStart);
      l.end = NextDay(DateOf(Field::kEnd));
      l.volume.hundredths = std::stoll(Text(Field::kVolume)) * 100;
      l.unit = *UnitFromCode(Text(Field::kUnit));
      l.tariff.reset();
      if (Has(Field::kTariff)) l.tariff = Cents(Field::kTariff);
      l.amount = Cents(Field::kAmount);
      if (Text(Field::kDebitCredit) == "C") l.amount = -l.amount;
      // A line for an unknown assignment, or a second line of the same declaration
      // key, is kept only as submitted: `check` rejects it (9338, 8021).
      l.stored = false;
      // The schema's check (n9) leaves a ToewijzingNummer of 1 to 9 digits: packed.
      const std::optional<uint64_t> packed = PackedAssignmentNumber(l.assignment);
      if (packed && sink_.KnowsAssignment(l.assignment)) {
        DeclarationKey key{
            *packed, static_cast<uint64_t>(static_cast<uint32_t>(DayNumber(l.start)))
                             << 32 |
                         declaration_id_};
        LineOwner owner{static_cast<uint32_t>(message_id_),
                        static_cast<uint32_t>(l.line)};
        l.stored = declaration_owners_.try_emplace(key, owner).first->second == owner;
      }
      if (l.stored) {
        Declaration& d = declaration_;
        d.number = message_.declaration;
        d.assignment = l.assignment;
        d.agb = message_.sender;
        d.category = l.category;
        d.product_code = l.product_code;
        d.start = l.start;
        d.end = l.end;
        d.volume = l.volume;
        d.unit = l.unit;
        d.tariff = l.tariff;
        d.amount = l.amount;
        AddUncounted(d, origin);
      }
      if (!sink_.Add(l, origin)) failed_ = true;
      return;
    }
  }
}

void MessageReader::Impl::EndClient() {
  ResolveClient();
  if (kind_ != MessageKind::kJw301 || client_.empty() || !client_first_start_) return;
  if (clients_.count(client_)) return;  // the residence is known (clienten.csv)
  // The client lives in the sending municipality from the first assignment on.
  auto birth = ParseDate(Text(Field::kBirthDate));
  ClientResidence c{client_, birth->year() / birth->month(), message_.sender,
                    *client_first_start_};
  XmlOrigin origin(*this);
  clients_.insert(client_);
  AddUncounted(c, origin);
}

std::string MessageReader::Impl::FinalDigest() {
  FlushDigest();
  if (digest_v1_ || digest_v2_) {
    std::array<unsigned char, 32> hash;
    crypto_generichash_final(digest_v1_ ? &legacy_ : &digest_v2_state_, hash.data(),
                             hash.size());
    return (digest_v2_ ? "2:" : "") + HexOf(hash);
  }
  XXH128_canonical_t hash;
  XXH128_canonicalFromHash(&hash, XXH3_128bits_digest(digest_.get()));
  return "3:" + HexOf(hash.digest);
}

void MessageReader::Impl::EndMessage() {
  message_.digest = FinalDigest();
  if (kind_ == MessageKind::kJw323) {
    message_.total = Cents(Field::kTotal);
    if (Text(Field::kTotalDebitCredit) == "C") message_.total = -message_.total;
  }
  auto it = known_messages_.find(message_key_);
  const bool changed =
      it != known_messages_.end() && it->second.digest != message_.digest;
  if (changed && mode_ != PutMode::kReplace) {
    Error(
        fmt::format("bericht {} {} van {} is al ingelezen met andere inhoud; gebruik "
                    "--replace om te vervangen",
                    message_.kind, ShownValue(message_.identification), message_.sender),
        1, "Bericht/Header/BerichtIdentificatie");
    return;
  }
  XmlOrigin origin(*this);
  record_line_ = 1;
  record_path_ = "Bericht";
  // Replaced by a JW323 with fewer Prestaties: the stored lines past its last one are
  // not part of it any more (the declarations they made are replaced already:
  // ReplaceStoredDeclarations).
  if (kind_ == MessageKind::kJw323 && changed) {
    Status gone = store_.DeleteIjwLinesAfter(message_key_, line_no_);
    if (!gone.ok()) {
      Error(fmt::format("kan niet worden opgeslagen: {}", gone.message()), record_line_,
            record_path_);
      return;
    }
  }
  known_messages_[message_key_] = {message_.digest, message_.declaration};
  AddUncounted(message_, origin);
}

void MessageReader::Impl::OnStartElement(void* ctx, const xmlChar* localname,
                                         const xmlChar* /*prefix*/, const xmlChar* uri,
                                         int /*nb_namespaces*/,
                                         const xmlChar** /*namespaces*/,
                                         int /*nb_attributes*/, int /*nb_defaulted*/,
                                         const xmlChar** /*attributes*/) {
  auto* self = static_cast<Impl*>(ctx);
  if (self->failed_) return;
  if (self->skip_depth_ > 0) {  // inside personal data
    ++self->skip_depth_;
    return;
  }
  self->StartTag(localname, uri);
  if (self->failed_) xmlStopParser(self->ctxt_);
}

void MessageReader::Impl::StartTag(const xmlChar* localname, const xmlChar* uri) {
  int line = xmlSAX2GetLineNumber(ctxt_);
  static const std::string kNoPath;
  const std::string& where = stack_.empty() ? kNoPath : stack_.back().node->path;
  if (!encoding_checked_) {
    encoding_checked_ = true;
    if (!CheckEncoding()) return;
  }
  const Node* node = nullptr;
  if (stack_.empty()) {
    std::string_view name = View(localname);
    auto kind = KindFromNamespace(View(uri));
    if (root_seen_ || name != "Bericht" || !kind) {
      Error(
          "geen iJw-bericht: verwacht één element Bericht in de namespace van "
          "JW301, JW305, JW307 of JW323 (iJw 3.2)",
          line, "");
      return;
    }
    root_seen_ = true;
    kind_ = *kind;
    tree_ = &MessageTree(kind_);
    names_.assign(tree_->size(), nullptr);
    namespaces_.assign(tree_->size(), nullptr);
    report_->kind = kind_ == MessageKind::kJw323 ? ImportKind::kDeclarations
                                                 : ImportKind::kAssignments;
    // Room for the declaration keys of this message at once (no rehash of a large map
    // per doubling): a JW323 line takes some 700 bytes, fewer than 512 never. Only to
    // grow: reserve() below the buckets there are would rehash to fewer (a rehash of
    // the whole map per small file).
    const size_t room =
        static_cast<size_t>(static_cast<float>(declaration_owners_.bucket_count()) *
                            declaration_owners_.max_load_factor());
    const size_t want =
        declaration_owners_.size() + static_cast<size_t>(file_bytes_ / 512);
    if (kind_ == MessageKind::kJw323 && want > room) declaration_owners_.reserve(want);
    node = &(*tree_)[0];
  } else {
    if (static_cast<int>(stack_.size()) >= kMaxDepth) {
      Error("elementen zijn te diep genest", line, where);
      return;
    }
    Frame& parent = stack_.back();
    const std::vector<int>& children = parent.node->children;
    // The names come from the parser's dictionary: one pointer per name in a file, so
    // a child matched once is matched again by its pointer.
    size_t i = 0;
    for (; i < children.size(); ++i)
      if (names_[children[i]] == localname) break;
    if (i == children.size()) {
      std::string_view name = View(localname);
      for (i = 0; i < children.size(); ++i)
        if ((*tree_)[children[i]].name == name) break;
      if (i == children.size()) {
        Error(
            fmt::format("onbekend element {} in {}", ShownValue(name), parent.node->name),
            line, where);
        return;
      }
      names_[children[i]] = localname;
    }
    int index = children[i];
    node = &(*tree_)[index];
    if (namespaces_[index] != uri) {
      std::string_view ns = View(uri);
      if (ns != (node->base_ns ? kBaseNamespace : MessageNamespace(kind_))) {
        Error(fmt::format("element {} in de verkeerde namespace ({})", node->name,
                          ShownValue(ns)),
              line, where);
        return;
      }
      namespaces_[index] = uri;
    }
    if ((parent.seen >> i & 1) && !node->repeated) {
      Error(fmt::format("element {} komt meer dan eens voor in {}", node->name,
                        parent.node->name),
            line, where);
      return;
    }
    parent.seen |= uint64_t{1} << i;
  }
  if (node->type == TextType::kPrivate) {
    // Personal data: read past, never looked at.
    skip_depth_ = 1;
    return;
  }
  stack_.push_back({node, line, 0});
  text_buf_.clear();
  StartElement(*node, line);
}

void MessageReader::Impl::OnEndElement(void* ctx, const xmlChar* /*localname*/,
                                       const xmlChar* /*prefix*/,
                                       const xmlChar* /*uri*/) {
  auto* self = static_cast<Impl*>(ctx);
  if (self->failed_) return;
  if (self->skip_depth_ > 0) {
    --self->skip_depth_;
    return;
  }
  if (self->stack_.empty()) return;  // libxml2 reports a mismatched tag itself
  Frame f = self->stack_.back();
  self->stack_.pop_back();
  self->EndElement(f, self->text_buf_);
  self->text_buf_.clear();
  if (self->failed_) xmlStopParser(self->ctxt_);
}

void MessageReader::Impl::OnCharacters(void* ctx, const xmlChar* ch, int len) {
  auto* self = static_cast<Impl*>(ctx);
  if (self->failed_ || self->skip_depth_ > 0) return;
  std::string_view v(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
  if (self->stack_.empty() || self->stack_.back().node->type == TextType::kComplex) {
    if (!Blank(v)) self->StopWith("tekst buiten een gegevenselement");
    return;
  }
  self->text_buf_.append(v);
}

void MessageReader::Impl::OnDoctype(void* ctx, const xmlChar* /*name*/,
                                    const xmlChar* /*external_id*/,
                                    const xmlChar* /*system_id*/) {
  auto* self = static_cast<Impl*>(ctx);
  if (self->failed_) return;
  self->StopWith(
      "DOCTYPE is niet toegestaan in een iJw-bericht (geen DTD of entiteiten)");
}

void MessageReader::Impl::OnReference(void* ctx, const xmlChar* /*name*/) {
  auto* self = static_cast<Impl*>(ctx);
  if (self->failed_) return;
  self->StopWith("entiteiten zijn niet toegestaan in een iJw-bericht");
}

void MessageReader::Impl::StopWith(const std::string& message) {
  Error(message, xmlSAX2GetLineNumber(ctxt_),
        stack_.empty() ? "" : stack_.back().node->path);
  xmlStopParser(ctxt_);
}

xmlEntityPtr MessageReader::Impl::OnGetEntity(void* /*ctx*/, const xmlChar* name) {
  return xmlGetPredefinedEntity(name);  // &amp; &lt; &gt; &quot; &apos; only
}

void MessageReader::Impl::OnXmlError(void* ctx, xmlErrorPtr error) {
  auto* self = static_cast<Impl*>(ctx);
  if (!error || error->level < XML_ERR_ERROR || !self->parse_error_.empty()) return;
  std::string m = error->message ? error->message : "";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  self->parse_error_ = HideBsns(m);
  self->parse_error_line_ = error->line;
}

bool MessageReader::Impl::CheckEncoding() {
  // The encoding declared (or found from a byte order mark): libxml2 transcodes any
  // other than UTF-8 through an encoder.
  auto utf8 = [](const xmlChar* e) {
    return !e || xmlStrcasecmp(e, BAD_CAST "UTF-8") == 0 ||
           xmlStrcasecmp(e, BAD_CAST "UTF8") == 0;
  };
  const xmlChar* declared = ctxt_->input ? ctxt_->input->encoding : nullptr;
  bool transcoded = ctxt_->input && ctxt_->input->buf && ctxt_->input->buf->encoder;
  // A file in UTF-16 may still declare UTF-8: then the encoder's name is the truth.
  const xmlChar* shown = transcoded && ctxt_->input->buf->encoder->name
                             ? BAD_CAST ctxt_->input->buf->encoder->name
                             : (declared ? declared : ctxt_->encoding);
  if (utf8(declared) && utf8(ctxt_->encoding) && !transcoded) return true;
  Error(fmt::format("bericht is niet in UTF-8 ({}); iJw-berichten zijn UTF-8",
                    ShownValue(shown ? View(shown) : std::string_view("onbekend"))),
        1, "");
  return false;
}

void MessageReader::Impl::Read(const std::string& path, ImportReport* report) {
  file_ = path;
  report_ = report;
  failed_ = false;
  line_no_ = 0;
  client_.clear();
  pending_bsn_ = 0;
  for (int i = 0; i < kFieldCount; ++i) {
    text_[i].clear();
    dates_[i].reset();
    line_[i] = 0;
    path_[i] = nullptr;
  }
  XXH3_128bits_reset(digest_.get());
  crypto_generichash_init(&digest_v2_state_, nullptr, 0, 32);
  crypto_generichash_init(&legacy_, nullptr, 0, 32);
  digest_buf_.clear();
  legacy_buf_.clear();
  digest_v1_ = digest_v2_ = true;
  stack_.clear();
  text_buf_.clear();
  tree_ = nullptr;
  root_seen_ = false;
  encoding_checked_ = false;
  skip_depth_ = 0;
  parse_error_.clear();
  parse_error_line_ = 0;
  if (Status s = CheckSize(path, &file_bytes_); !s.ok()) {
    errors_->Add(s);
    return;
  }
  // Read in fixed parts (memory independent of the file's size) and pushed into
  // libxml2's SAX2 parser: no tree, no reader nodes.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    errors_->Add(Status::Error("bestand kan niet worden geopend", {path}));
    return;
  }
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = OnStartElement;
  sax.endElementNs = OnEndElement;
  sax.characters = OnCharacters;
  sax.ignorableWhitespace = OnCharacters;
  sax.cdataBlock = OnCharacters;
  sax.internalSubset = OnDoctype;
  sax.reference = OnReference;
  sax.getEntity = OnGetEntity;
  sax.serror = OnXmlError;
  static constexpr size_t kChunk = 1 << 18;
  if (chunk_.size() != kChunk) chunk_.resize(kChunk);
  bool read_error = false;
  auto fill = [&]() -> ssize_t {
    for (;;) {
      ssize_t n = ::read(fd, chunk_.data(), chunk_.size());
      if (n >= 0) return n;
      if (errno != EINTR) {
        read_error = true;
        return 0;
      }
    }
  };
  ssize_t n = fill();
  ctxt_ = xmlCreatePushParserCtxt(&sax, this, chunk_.data(), static_cast<int>(n),
                                  path.c_str());
  if (!ctxt_) {
    errors_->Add(Status::Error("bestand kan niet worden geopend", {path}));
    return;
  }
  struct CtxtDeleter {
    xmlParserCtxtPtr& c;
    ~CtxtDeleter() {
      xmlFreeParserCtxt(c);
      c = nullptr;
    }
  } deleter{ctxt_};
  xmlCtxtUseOptions(ctxt_, kParseOptions);
  int rc = 0;
  while (!failed_ && rc == 0 && !read_error) {
    n = fill();
    rc = xmlParseChunk(ctxt_, chunk_.data(), static_cast<int>(n), n == 0);
    if (n == 0) break;
  }
  if (failed_) return;
  if (read_error) {
    Error("bestand kan niet worden gelezen", 0, "");
    return;
  }
  if (rc != 0 || !ctxt_->wellFormed) {
    Error(
        fmt::format("geen geldige XML: {}",
                    parse_error_.empty() ? std::string("onbekende fout") : parse_error_),
        parse_error_line_, stack_.empty() ? "" : stack_.back().node->path);
    return;
  }
  if (!root_seen_) Error("leeg bestand: geen element Bericht", 1, "");
}

MessageReader::MessageReader(Store& store, ImportSink& sink, PutMode mode,
                             const Pseudonymizer* pseudonymizer, ErrorList* errors)
    : impl_(new Impl(store, sink, mode, pseudonymizer, errors)) {}

MessageReader::~MessageReader() { delete impl_; }

void MessageReader::Read(const std::string& path, ImportReport* report) {
  impl_->Read(path, report);
}

}  // namespace jr::ijw
