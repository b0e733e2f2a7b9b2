// The iJw XML source of the staged import (DESIGN §2.11): one JW301, JW305, JW307 or
// JW323 message read streaming with libxml2's SAX2 push parser (in parts of fixed
// size), checked against the structure of ijw_schema.h, mapped element by element
// (docs/formats.md) onto the domain values handed to the ImportSink, and onto the iJw
// tables of the store (message header, JW323 lines as submitted, care periods). Safe
// on hostile input: no DTD, no entities, no network; bounded size and depth; UTF-8
// only. Any error: "file:line: message [XML path]" in Dutch, and the caller rolls the
// import back.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "care/pseudonym.h"
#include "core/status.h"
#include "ingest/ijw/ijw_schema.h"
#include "ingest/import_sink.h"
#include "ingest/importer.h"
#include "store/store.h"

namespace jr::ijw {

// The largest message read (a JW323 of a large provider is a few MB).
inline constexpr int64_t kMaxMessageBytes = 256LL << 20;
// The deepest nesting of elements (the schemas need 8).
inline constexpr int kMaxDepth = 24;

// The message in `path` by its root element and namespace (reads only up to the root
// element): one of the four jeugdregio reads (`kind`), or `other` names another
// message of iJw 3.2 ("JW302": the retour messages, JW315, ...), which a folder import
// skips. Dutch error when it is no iJw 3.2 message.
struct SniffedMessage {
  std::optional<MessageKind> kind;
  std::string other;
};
Result<SniffedMessage> SniffMessage(const std::string& path);
// As SniffMessage; another iJw message is an error that names it.
Result<MessageKind> SniffMessageKind(const std::string& path);

// Reads the messages of one import into `sink` and `store` (inside the caller's
// transaction). One per import: it remembers the messages and lines of the files
// before.
class MessageReader {
 public:
  // `store`, `sink`, `errors` and `pseudonymizer` (may be null: then every message is
  // refused, a message always has BSNs) must outlive the reader.
  MessageReader(Store& store, ImportSink& sink, PutMode mode,
                const Pseudonymizer* pseudonymizer, ErrorList* errors);
  ~MessageReader();
  MessageReader(const MessageReader&) = delete;
  MessageReader& operator=(const MessageReader&) = delete;

  // Reads one message file; its counts go to `report` (rows = products or lines).
  // Errors go to the ErrorList.
  void Read(const std::string& path, ImportReport* report);

 private:
  class Impl;
  Impl* impl_;
};

}  // namespace jr::ijw
