// CsvReader: reads a CSV file as Dutch spreadsheet programs write it.
//
// UTF-8 with or without BOM (anything else -- overlong forms, surrogates, code points
// above 10FFFF -- is refused with the line of the first bad byte), a header row,
// separator `;` or `,` detected from the header line, fields optionally quoted with `"`
// (quotes doubled inside; newlines allowed). Parsing is done by libcsv. Lines end in LF,
// CRLF or a lone CR (Excel for Mac). Refused: a NUL byte or a BOM in a field, a field
// longer than kMaxFieldBytes. Not thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace jr {

class CsvReader {
 public:
  // A longer field is refused (with its line and column, never its text).
  static constexpr size_t kMaxFieldBytes = 64 * 1024;

  // Reads and checks the whole file; on failure a Dutch message naming the file.
  static Result<CsvReader> Open(const std::string& path);
  // The same from text in memory; `name` is used in messages.
  static Result<CsvReader> FromText(std::string name, std::string text);

  const std::string& name() const { return name_; }
  char separator() const { return separator_; }
  // Column names of the header, trimmed, lower-case.
  const std::vector<std::string>& header() const { return header_; }

  // Calls `fn(line, fields)` for every record after the header, in order; `line` is the
  // 1-based physical line where the record starts. Empty lines are skipped. Returns a
  // Dutch error with the location when the CSV itself is malformed (e.g. an unclosed
  // quote). `fn` returns false to stop early.
  template <typename Fn>
  Status ForEachRecord(Fn fn) const;

 private:
  using Callback = bool (*)(void* ctx, int line, const std::vector<std::string>& fields);
  Status Parse(size_t from, bool header_only, Callback cb, void* ctx) const;

  std::string name_;
  std::string text_;
  char separator_ = ';';
  std::vector<std::string> header_;
  size_t body_offset_ = 0;  // byte where the first record after the header starts
  int body_line_ = 2;       // its line number
};

template <typename Fn>
Status CsvReader::ForEachRecord(Fn fn) const {
  auto trampoline = [](void* ctx, int line, const std::vector<std::string>& f) {
    return (*static_cast<Fn*>(ctx))(line, f);
  };
  return Parse(body_offset_, false, trampoline, &fn);
}

}  // namespace jr
