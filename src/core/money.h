// Money: an amount in whole euro cents. Never floating point.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace jr {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money FromCents(int64_t cents) { return Money(cents); }
  static constexpr Money FromEuros(int64_t euros) { return Money(euros * 100); }

  constexpr int64_t cents() const { return cents_; }
  // For charts and ratios only; never to compute stored or settled amounts.
  double ToEurosApprox() const { return static_cast<double>(cents_) / 100.0; }

  // Parses an amount in euro with at most two decimals: "1234", "1234,56",
  // "1.234,56", "1234.56", "1,234.56", "-12,5", "€ 12,50". Returns a Dutch error
  // naming the value when it is not an amount.
  static Result<Money> Parse(std::string_view text);

  // Dutch notation with thousands dots and a decimal comma: "1.234,56", "-0,05".
  std::string ToString() const;
  // Whole euros, rounded half away from zero, Dutch thousands: "1.235".
  std::string ToEuroString() const;

  constexpr Money operator-() const { return Money(-cents_); }
  constexpr Money& operator+=(Money o) {
    cents_ += o.cents_;
    return *this;
  }
  constexpr Money& operator-=(Money o) {
    cents_ -= o.cents_;
    return *this;
  }
  friend constexpr Money operator+(Money a, Money b) {
    return Money(a.cents_ + b.cents_);
  }
  friend constexpr Money operator-(Money a, Money b) {
    return Money(a.cents_ - b.cents_);
  }
  friend constexpr Money operator*(Money a, int64_t k) { return Money(a.cents_ * k); }
  friend constexpr auto operator<=>(Money, Money) = default;

  // Checked arithmetic for values from input: a Dutch error instead of a wrapped
  // (undefined) result when the outcome does not fit in int64 cents.
  static Result<Money> CheckedAdd(Money a, Money b);
  static Result<Money> CheckedMul(Money a, int64_t k);

 private:
  constexpr explicit Money(int64_t cents) : cents_(cents) {}
  int64_t cents_ = 0;
};

// The largest amount of one declaration line or tariff, in cents: iJw's Bedrag has 8
// digits in euro cents (EUR 999.999,99). Bounding every line keeps every sum of lines
// far below 2^63 (more than 9 * 10^10 lines would be needed to overflow).
inline constexpr int64_t kMaxLineCents = 99'999'999;

// Rounds a non-integral number of cents (e.g. volume x tariff) half away from zero.
int64_t RoundCents(double cents);

}  // namespace jr
