// The JW323 lines of SqliteStore, packed (migration 9): per message a row of table
// ijw_line_chunk for every kChunkLines line numbers (1-1000, 1001-2000, ...), its
// lines in one BLOB. A row per line cost more than all the rest of a JW323 import
// (issue 13); a packed line takes some 40 bytes instead of 100.
//
// IjwLineChunks keeps one chunk open: a Put compares with or adds to it in memory, and
// it is written when a Put leaves it, or on Flush (the store flushes before a commit
// and before every read). Outcomes are those of a row per line: added, unchanged, a
// conflict naming the first field that differs, replaced with --replace.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "care/ijw_message.h"
#include "core/status.h"
#include "store/sqlite/statement.h"
#include "store/store.h"

namespace jr {

inline constexpr int64_t kChunkLines = 1000;

// The BLOB of `lines` (ascending line numbers, all of one chunk starting at `first`).
std::string EncodeIjwLines(const std::vector<IjwLine>& lines, size_t n, int64_t first);
// Appends the lines of a BLOB to `out`; an error when it is damaged.
Status DecodeIjwLines(std::string_view blob, const std::string& message, int64_t first,
                      std::vector<IjwLine>* out);

class IjwLineChunks {
 public:
  explicit IjwLineChunks(sqlite3* db);
  Result<PutOutcome> Put(const IjwLine& l, PutMode mode);
  // Writes the open chunk when it changed, and closes it.
  Status Flush();
  // Deletes the lines of `message` after line `last` (Store::DeleteIjwLinesAfter).
  Status DeleteAfter(const std::string& message, int64_t last);
  // Forgets the open chunk (after a rollback).
  void Discard();

 private:
  Status Open(const std::string& message, int64_t first);

  sqlite3* db_;
  Statement select_, insert_, update_, delete_, delete_after_;
  bool open_ = false;
  std::string message_;  // of the open chunk
  int64_t first_ = 0;    // its first line number
  bool stored_ = false;  // its row exists
  bool dirty_ = false;   // differs from its row
  // Its lines, in line order: [0, n_) in use, the slots kept (their strings keep
  // their buffers from chunk to chunk).
  std::vector<IjwLine> lines_;
  size_t n_ = 0;
};

}  // namespace jr
