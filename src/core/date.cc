#include "core/date.h"

#include <fmt/format.h>

#include <charconv>

namespace jr {
namespace {

bool ToInt(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc();
}

}  // namespace

Result<Date> ParseDate(std::string_view text) {
  int y = 0, m = 0, d = 0;
  bool shape = false;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    shape = ToInt(text.substr(0, 4), y) && ToInt(text.substr(5, 2), m) &&
            ToInt(text.substr(8, 2), d);
  } else if (const size_t a = text.find('-'), b = text.rfind('-');
             a != std::string_view::npos && a != b && (a == 1 || a == 2) &&
             (b - a == 2 || b - a == 3) && text.size() - b == 5) {
    // Dutch D-M-YYYY as Dutch Excel writes it (1-1-2015), or DD-MM-YYYY.
    shape = ToInt(text.substr(0, a), d) && ToInt(text.substr(a + 1, b - a - 1), m) &&
            ToInt(text.substr(b + 1, 4), y);
  }
  if (!shape) {
    return Status::Error(
        fmt::format("'{}' is geen datum (verwacht JJJJ-MM-DD of DD-MM-JJJJ, zoals "
                    "2015-01-31 of 31-1-2015)",
                    text));
  }
  Date date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!date.ok()) return Status::Error(fmt::format("'{}' is geen bestaande datum", text));
  return date;
}

Result<Month> ParseMonth(std::string_view text) {
  int y = 0, m = 0;
  if (text.size() != 7 || text[4] != '-' || !ToInt(text.substr(0, 4), y) ||
      !ToInt(text.substr(5, 2), m) || m < 1 || m > 12) {
    return Status::Error(fmt::format("'{}' is geen maand (verwacht JJJJ-MM)", text));
  }
  return std::chrono::year(y) / std::chrono::month(m);
}

std::string FormatDate(Date d) {
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(d.year()),
                     unsigned(d.month()), unsigned(d.day()));
}

std::string FormatMonth(Month m) {
  return fmt::format("{:04d}-{:02d}", static_cast<int>(m.year()), unsigned(m.month()));
}

}  // namespace jr
