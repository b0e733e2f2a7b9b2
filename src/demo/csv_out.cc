#include "demo/csv_out.h"

#include <iterator>

#include "core/date.h"

namespace jr::demo {
namespace {

constexpr size_t kFlushBytes = 1 << 20;

void Separator(fmt::memory_buffer& buf, bool last) {
  if (!last) buf.push_back(';');
}

}  // namespace

Status CsvOut::Open(const std::string& path, std::string_view header, Env& env) {
  auto file = env.NewPrivateFile(path);
  if (!file.ok()) return file.status();
  file_ = std::move(file).value();
  buf_.append(header);
  buf_.push_back('\n');
  return Status::Ok();
}

void CsvOut::EndRow() {
  buf_.push_back('\n');
  ++rows_;
  if (buf_.size() >= kFlushBytes && error_.ok()) error_ = Flush();
}

Status CsvOut::Flush() {
  Status s = file_->Append(std::string_view(buf_.data(), buf_.size()));
  buf_.clear();
  return s;
}

Status CsvOut::Close() {
  if (file_ == nullptr) return error_;
  if (error_.ok()) error_ = Flush();
  if (error_.ok()) error_ = file_->Close();
  file_.reset();
  return error_;
}

void AppendText(fmt::memory_buffer& buf, std::string_view text, bool last) {
  buf.append(text);
  Separator(buf, last);
}

void AppendInt(fmt::memory_buffer& buf, int64_t value, bool last) {
  fmt::format_to(std::back_inserter(buf), "{}", value);
  Separator(buf, last);
}

void AppendDate(fmt::memory_buffer& buf, int day, bool last) {
  Date d = FromDayNumber(day);
  fmt::format_to(std::back_inserter(buf), "{:04}-{:02}-{:02}", static_cast<int>(d.year()),
                 static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  Separator(buf, last);
}

void AppendCents(fmt::memory_buffer& buf, int64_t cents, bool last) {
  if (cents < 0) {
    buf.push_back('-');
    cents = -cents;
  }
  fmt::format_to(std::back_inserter(buf), "{},{:02}", cents / 100, cents % 100);
  Separator(buf, last);
}

void AppendHundredths(fmt::memory_buffer& buf, int64_t hundredths, bool last) {
  int64_t whole = hundredths / 100, frac = hundredths % 100;
  if (frac == 0) {
    fmt::format_to(std::back_inserter(buf), "{}", whole);
  } else if (frac % 10 == 0) {
    fmt::format_to(std::back_inserter(buf), "{},{}", whole, frac / 10);
  } else {
    fmt::format_to(std::back_inserter(buf), "{},{:02}", whole, frac);
  }
  Separator(buf, last);
}

}  // namespace jr::demo
