// CsvOut: a fast, buffered writer of one `;`-separated CSV file, private (mode 0600)
// and written under a temporary name until Close() (Env::NewPrivateFile).
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/env.h"
#include "core/status.h"

namespace jr::demo {

class CsvOut {
 public:
  CsvOut() = default;
  CsvOut(const CsvOut&) = delete;
  CsvOut& operator=(const CsvOut&) = delete;

  // Starts `path` (it replaces an existing file on Close) with the header line.
  // Dutch error naming the file if it cannot be written.
  Status Open(const std::string& path, std::string_view header,
              Env& env = Env::Default());

  // The buffer of the current row; append fields with the helpers below.
  fmt::memory_buffer& buffer() { return buf_; }
  // Ends the row (appends the newline) and counts it.
  void EndRow();
  // Flushes, syncs and puts the file in place. Returns the first write error, if any;
  // then no file is left behind (nor without a Close).
  Status Close();

  int64_t rows() const { return rows_; }

 private:
  Status Flush();

  std::unique_ptr<WritableFile> file_;
  fmt::memory_buffer buf_;
  int64_t rows_ = 0;
  Status error_;
};

// Field helpers: each appends one value and, unless `last`, the separator.
void AppendText(fmt::memory_buffer& buf, std::string_view text, bool last = false);
void AppendInt(fmt::memory_buffer& buf, int64_t value, bool last = false);
// A day number as YYYY-MM-DD.
void AppendDate(fmt::memory_buffer& buf, int day, bool last = false);
// Cents as euros with a decimal comma and two decimals, no thousands separator:
// "1234,56".
void AppendCents(fmt::memory_buffer& buf, int64_t cents, bool last = false);
// Hundredths with a decimal comma and no trailing zeros: "12,5", "7".
void AppendHundredths(fmt::memory_buffer& buf, int64_t hundredths, bool last = false);

}  // namespace jr::demo
