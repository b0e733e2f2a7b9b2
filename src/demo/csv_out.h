// CsvOut: a fast, buffered writer of one `;`-separated CSV file (mode 0600).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "core/status.h"

namespace jr::demo {

class CsvOut {
 public:
  CsvOut() = default;
  CsvOut(const CsvOut&) = delete;
  CsvOut& operator=(const CsvOut&) = delete;
  ~CsvOut();

  // Creates or truncates `path` with mode 0600 and writes the header line.
  // Dutch error naming the file if it cannot be written.
  Status Open(const std::string& path, std::string_view header);

  // The buffer of the current row; append fields with the helpers below.
  fmt::memory_buffer& buffer() { return buf_; }
  // Ends the row (appends the newline) and counts it.
  void EndRow();
  // Flushes and closes. Returns the first write error, if any.
  Status Close();

  int64_t rows() const { return rows_; }

 private:
  Status Flush();

  std::string path_;
  int fd_ = -1;
  fmt::memory_buffer buf_;
  int64_t rows_ = 0;
  Status error_;
};

// Field helpers: each appends one value and, unless `last`, the separator.
void AppendText(fmt::memory_buffer& buf, std::string_view text, bool last = false);
void AppendInt(fmt::memory_buffer& buf, int64_t value, bool last = false);
// A day number as YYYY-MM-DD.
void AppendDate(fmt::memory_buffer& buf, int day, bool last = false);
// Cents as euros with a decimal comma and two decimals, no thousands separator: "1234,56".
void AppendCents(fmt::memory_buffer& buf, int64_t cents, bool last = false);
// Hundredths with a decimal comma and no trailing zeros: "12,5", "7".
void AppendHundredths(fmt::memory_buffer& buf, int64_t hundredths, bool last = false);

}  // namespace jr::demo
