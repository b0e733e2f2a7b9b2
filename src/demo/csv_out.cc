#include "demo/csv_out.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iterator>

#include "core/date.h"

namespace jr::demo {
namespace {

constexpr size_t kFlushBytes = 1 << 20;

void Separator(fmt::memory_buffer& buf, bool last) {
  if (!last) buf.push_back(';');
}

}  // namespace

CsvOut::~CsvOut() {
  if (fd_ >= 0) ::close(fd_);
}

Status CsvOut::Open(const std::string& path, std::string_view header) {
  path_ = path;
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd_ < 0 || ::fchmod(fd_, 0600) != 0) {
    return Status::Error(fmt::format("kan bestand niet schrijven: {}", std::strerror(errno)),
                         Location{path});
  }
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
  const char* data = buf_.data();
  size_t left = buf_.size();
  while (left > 0) {
    ssize_t n = ::write(fd_, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return Status::Error(fmt::format("schrijven mislukt: {}", std::strerror(errno)),
                           Location{path_});
    }
    data += n;
    left -= static_cast<size_t>(n);
  }
  buf_.clear();
  return Status::Ok();
}

Status CsvOut::Close() {
  if (error_.ok()) error_ = Flush();
  if (fd_ >= 0 && ::close(fd_) != 0 && error_.ok()) {
    error_ = Status::Error(fmt::format("sluiten mislukt: {}", std::strerror(errno)),
                           Location{path_});
  }
  fd_ = -1;
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
