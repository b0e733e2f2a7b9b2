#include "core/money.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace jr {
namespace {

std::string GroupThousands(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  int first = static_cast<int>(digits.size() % 3);
  if (first == 0) first = 3;
  out.append(digits, 0, first);
  for (size_t i = first; i < digits.size(); i += 3) {
    out += '.';
    out.append(digits, i, 3);
  }
  return out;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Thousands groups after the first: each exactly three digits.
bool ValidGroups(std::string_view s, char sep) {
  size_t pos = s.find(sep);
  if (pos == std::string_view::npos) return AllDigits(s);
  std::string_view head = s.substr(0, pos);
  if (!AllDigits(head) || head.size() > 3) return false;
  s.remove_prefix(pos);
  while (!s.empty()) {
    if (s.size() < 4 || s[0] != sep || !AllDigits(s.substr(1, 3))) return false;
    s.remove_prefix(4);
  }
  return true;
}

}  // namespace

Result<Money> Money::Parse(std::string_view text) {
  auto bad = [&](const char* why) {
    return Status::Error(fmt::format("'{}' is geen geldig bedrag ({})", text, why));
  };
  std::string_view s = text;
  auto trim = [](std::string_view& v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  };
  trim(s);
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
    trim(s);
  }
  if (s.starts_with("\xE2\x82\xAC")) {  // euro sign
    s.remove_prefix(3);
    trim(s);
  }
  if (s.empty()) return bad("leeg");

  size_t last_comma = s.rfind(',');
  size_t last_dot = s.rfind('.');
  char decimal = 0;
  if (last_comma != std::string_view::npos && last_dot != std::string_view::npos) {
    decimal = last_comma > last_dot ? ',' : '.';
  } else if (last_comma != std::string_view::npos) {
    decimal = ',';  // Dutch: a lone comma is the decimal separator
  } else if (last_dot != std::string_view::npos) {
    // A lone dot followed by 1 or 2 digits is a decimal point; otherwise thousands.
    size_t tail = s.size() - last_dot - 1;
    bool single = s.find('.') == last_dot;
    decimal = (single && tail != 3) ? '.' : 0;
  }
  char thousands = decimal == '.' ? ',' : '.';

  std::string_view whole = s, frac;
  if (decimal != 0) {
    size_t pos = s.rfind(decimal);
    if (s.find(decimal) != pos) return bad("meer dan een decimaalteken");
    whole = s.substr(0, pos);
    frac = s.substr(pos + 1);
    if (frac.empty() || !AllDigits(frac)) return bad("geen cijfers na het decimaalteken");
    if (frac.size() > 2) return bad("meer dan twee decimalen");
  }
  if (whole.empty()) whole = "0";
  if (!ValidGroups(whole, thousands)) return bad("ongeldige cijfers of scheidingstekens");

  int64_t euros = 0;
  for (char c : whole) {
    if (c == thousands) continue;
    if (euros > (INT64_MAX / 100 - 9) / 10) return bad("te groot");
    euros = euros * 10 + (c - '0');
  }
  int64_t cents = euros * 100;
  if (frac.size() >= 1) cents += (frac[0] - '0') * 10;
  if (frac.size() == 2) cents += frac[1] - '0';
  return Money::FromCents(negative ? -cents : cents);
}

std::string Money::ToString() const {
  uint64_t abs = cents_ < 0 ? -static_cast<uint64_t>(cents_) : cents_;
  return fmt::format("{}{},{:02d}", cents_ < 0 ? "-" : "", GroupThousands(abs / 100),
                     abs % 100);
}

std::string Money::ToEuroString() const {
  uint64_t abs = cents_ < 0 ? -static_cast<uint64_t>(cents_) : cents_;
  uint64_t euros = (abs + 50) / 100;
  return fmt::format("{}{}", (cents_ < 0 && euros > 0) ? "-" : "", GroupThousands(euros));
}

Result<Money> Money::CheckedAdd(Money a, Money b) {
  int64_t sum = 0;
  if (__builtin_add_overflow(a.cents_, b.cents_, &sum)) {
    return Status::Error(
        fmt::format("som van {} en {} euro is te groot", a.ToString(), b.ToString()));
  }
  return Money(sum);
}

Result<Money> Money::CheckedMul(Money a, int64_t k) {
  int64_t product = 0;
  if (__builtin_mul_overflow(a.cents_, k, &product)) {
    return Status::Error(
        fmt::format("product van {} euro en {} is te groot", a.ToString(), k));
  }
  return Money(product);
}

int64_t RoundCents(double cents) { return static_cast<int64_t>(std::llround(cents)); }

}  // namespace jr
