// xsd:decimal as exact fixed-point arithmetic: a 128-bit integer counting units of 10^-18.
// That covers magnitudes below 10^20 with 18 fractional digits, which is what Oxigraph offers
// too; results outside that range are errors rather than silently rounded.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kg::sparql {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

class Decimal {
 public:
  static constexpr int kFractionDigits = 18;
  static constexpr Int128 kScale = 1'000'000'000'000'000'000;

  constexpr Decimal() = default;
  static Decimal from_integer(int64_t value) { return Decimal(Int128(value) * kScale); }
  // The xsd:decimal lexical space: [+-]? (digits ('.' digits?)? | '.' digits). Digits past
  // the 18th fractional one are rounded (half away from zero).
  static std::optional<Decimal> parse(std::string_view lexical);
  // "1.5E3"-style and plain forms; used for float/double casts and double lexical forms.
  static std::optional<Decimal> parse_scientific(std::string_view lexical);
  // The decimal nearest to the shortest decimal form of value; nullopt for NaN, INF or out of
  // range values.
  static std::optional<Decimal> from_double(double value);

  std::optional<Decimal> add(Decimal other) const;
  std::optional<Decimal> subtract(Decimal other) const;
  std::optional<Decimal> multiply(Decimal other) const;
  // Rounded to 18 fractional digits; nullopt on division by zero or overflow.
  std::optional<Decimal> divide(Decimal other) const;
  Decimal negate() const { return Decimal(-scaled_); }
  Decimal abs() const { return scaled_ < 0 ? negate() : *this; }
  Decimal floor() const;
  Decimal ceil() const;
  // XPath fn:round: half-way values go towards positive infinity.
  Decimal round() const;

  bool is_zero() const { return scaled_ == 0; }
  bool is_negative() const { return scaled_ < 0; }
  bool is_integral() const { return scaled_ % kScale == 0; }
  // Truncates towards zero; nullopt when the result does not fit in 64 bits.
  std::optional<int64_t> to_integer() const;
  double to_double() const;
  // The number of whole seconds and the fraction, for date and time arithmetic.
  Int128 integral_part() const { return scaled_ / kScale; }
  Int128 scaled() const { return scaled_; }
  static std::optional<Decimal> from_scaled(Int128 scaled);

  // XSD 1.0 canonical form, which the W3C results use for computed decimals: "2.0", "-1.5".
  std::string to_canonical() const;
  // The XPath cast to xs:string: integral values without a fraction ("2"), others as above.
  std::string to_xpath_string() const;

  friend auto operator<=>(Decimal, Decimal) = default;
  friend bool operator==(Decimal, Decimal) = default;

 private:
  explicit constexpr Decimal(Int128 scaled) : scaled_(scaled) {}
  Int128 scaled_ = 0;
};

// Writes a 128-bit integer in decimal.
std::string int128_to_string(Int128 value);

}  // namespace kg::sparql
