#include "sparql/func_decimal.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace kg::sparql {

namespace {

constexpr Int128 compute_power_of_ten(int exponent) {
  Int128 result = 1;
  for (int i = 0; i < exponent; ++i)
    result *= 10;
  return result;
}

constexpr auto kPowersOfTen = [] {
  std::array<Int128, 39> powers{};
  for (int i = 0; i < 39; ++i)
    powers[size_t(i)] = compute_power_of_ten(i);
  return powers;
}();

// 10^exponent for exponent in 0..38.
Int128 power_of_ten(int exponent) {
  return kPowersOfTen[size_t(exponent)];
}

// Magnitudes up to 10^38 - 1 units, so that rounding steps never overflow 128 bits.
constexpr Int128 kMaxScaled = compute_power_of_ten(38) - 1;

bool in_range(Int128 scaled) {
  return scaled <= kMaxScaled && scaled >= -kMaxScaled;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A 256-bit product of two 128-bit numbers, as high and low halves.
struct Wide {
  UInt128 high, low;
};

Wide multiply_wide(UInt128 a, UInt128 b) {
  constexpr UInt128 kMask = ~uint64_t(0);
  UInt128 a0 = a & kMask, a1 = a >> 64, b0 = b & kMask, b1 = b >> 64;
  UInt128 low_low = a0 * b0, low_high = a0 * b1, high_low = a1 * b0, high_high = a1 * b1;
  UInt128 middle = (low_low >> 64) + (low_high & kMask) + (high_low & kMask);
  UInt128 low = (low_low & kMask) | (middle << 64);
  UInt128 high = high_high + (low_high >> 64) + (high_low >> 64) + (middle >> 64);
  return {high, low};
}

// round(a * b / divisor), half away from zero, when it fits in 127 bits.
std::optional<UInt128> multiply_divide(UInt128 a, UInt128 b, UInt128 divisor) {
  Wide product = multiply_wide(a, b);
  if (product.high >= divisor) return std::nullopt;
  UInt128 remainder = product.high, quotient = 0;
  for (int bit = 127; bit >= 0; --bit) {
    bool carry = (remainder >> 127) != 0;
    remainder = (remainder << 1) | ((product.low >> bit) & 1);
    quotient <<= 1;
    if (carry || remainder >= divisor) {
      remainder -= divisor;
      quotient |= 1;
    }
  }
  if (remainder >= divisor - remainder) ++quotient;
  if (quotient > UInt128(kMaxScaled)) return std::nullopt;
  return quotient;
}

UInt128 magnitude(Int128 value) {
  return value < 0 ? UInt128(0) - UInt128(value) : UInt128(value);
}

std::optional<Decimal> signed_result(UInt128 magnitude, bool negative) {
  Int128 value = Int128(magnitude);
  return Decimal::from_scaled(negative ? -value : value);
}

// The digits of a decimal numeral without its point: the integer part, then the fraction.
struct Digits {
  std::string_view integer, fraction;

  size_t size() const { return integer.size() + fraction.size(); }
  int operator[](size_t i) const {
    return (i < integer.size() ? integer[i] : fraction[i - integer.size()]) - '0';
  }
};

// digits × 10^shift in units of 10^-18, rounding dropped digits half away from zero.
std::optional<Int128> scale_digits(const Digits& digits, int64_t shift) {
  size_t first = 0;
  while (first < digits.size() && digits[first] == 0)
    ++first;
  int64_t keep = int64_t(digits.size() - first) + std::min<int64_t>(shift, 0);
  if (keep > 38) return std::nullopt;
  Int128 value = 0;
  for (int64_t i = 0; i < keep; ++i)
    value = value * 10 + digits[first + size_t(i)];
  if (keep >= 0 && first + size_t(keep) < digits.size() && digits[first + size_t(keep)] >= 5)
    ++value;
  if (shift > 0 && value != 0) {
    if (shift > 38 || value > kMaxScaled / power_of_ten(int(shift))) return std::nullopt;
    value *= power_of_ten(int(shift));
  }
  if (value > kMaxScaled) return std::nullopt;
  return value;
}

std::string_view take_digits(std::string_view text, size_t& i) {
  size_t start = i;
  while (i < text.size() && is_digit(text[i]))
    ++i;
  return text.substr(start, i - start);
}

// [+-]? (digits ('.' digits?)? | '.' digits), then with allow_exponent ([eE] [+-]? digits)?
std::optional<Int128> parse_numeral(std::string_view text, bool allow_exponent) {
  size_t i = 0;
  bool negative = i < text.size() && text[i] == '-';
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  Digits digits;
  digits.integer = take_digits(text, i);
  if (i < text.size() && text[i] == '.') digits.fraction = take_digits(text, ++i);
  if (digits.size() == 0) return std::nullopt;
  int64_t exponent = 0;
  if (allow_exponent && i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    bool negative_exponent = ++i < text.size() && text[i] == '-';
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    std::string_view exponent_digits = take_digits(text, i);
    if (exponent_digits.empty()) return std::nullopt;
    for (char c : exponent_digits)
      exponent = std::min<int64_t>(exponent * 10 + (c - '0'), 100000);
    if (negative_exponent) exponent = -exponent;
  }
  if (i != text.size()) return std::nullopt;
  auto scaled =
      scale_digits(digits, exponent - int64_t(digits.fraction.size()) + Decimal::kFractionDigits);
  if (!scaled) return std::nullopt;
  return negative ? -*scaled : *scaled;
}

}  // namespace

std::optional<Decimal> Decimal::from_scaled(Int128 scaled) {
  if (!in_range(scaled)) return std::nullopt;
  return Decimal(scaled);
}

std::optional<Decimal> Decimal::parse_scientific(std::string_view text) {
  auto scaled = parse_numeral(text, true);
  if (!scaled) return std::nullopt;
  return Decimal(*scaled);
}

std::optional<Decimal> Decimal::parse(std::string_view lexical) {
  auto scaled = parse_numeral(lexical, false);
  if (!scaled) return std::nullopt;
  return Decimal(*scaled);
}

std::optional<Decimal> Decimal::from_double(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc()) return std::nullopt;
  return parse_scientific(std::string_view(buffer, size_t(end - buffer)));
}

std::optional<Decimal> Decimal::add(Decimal other) const {
  Int128 sum;
  if (__builtin_add_overflow(scaled_, other.scaled_, &sum)) return std::nullopt;
  return from_scaled(sum);
}

std::optional<Decimal> Decimal::subtract(Decimal other) const {
  return add(other.negate());
}

std::optional<Decimal> Decimal::multiply(Decimal other) const {
  auto product = multiply_divide(magnitude(scaled_), magnitude(other.scaled_), UInt128(kScale));
  if (!product) return std::nullopt;
  return signed_result(*product, (scaled_ < 0) != (other.scaled_ < 0));
}

std::optional<Decimal> Decimal::divide(Decimal other) const {
  if (other.scaled_ == 0) return std::nullopt;
  auto quotient = multiply_divide(magnitude(scaled_), UInt128(kScale), magnitude(other.scaled_));
  if (!quotient) return std::nullopt;
  return signed_result(*quotient, (scaled_ < 0) != (other.scaled_ < 0));
}

Decimal Decimal::floor() const {
  Int128 whole = scaled_ / kScale * kScale;
  return Decimal(whole > scaled_ ? whole - kScale : whole);
}

Decimal Decimal::ceil() const {
  Int128 whole = scaled_ / kScale * kScale;
  return Decimal(whole < scaled_ ? whole + kScale : whole);
}

Decimal Decimal::round() const {
  Decimal below = floor();
  return scaled_ - below.scaled_ >= kScale / 2 ? Decimal(below.scaled_ + kScale) : below;
}

std::optional<int64_t> Decimal::to_integer() const {
  Int128 whole = scaled_ / kScale;
  if (whole > INT64_MAX || whole < INT64_MIN) return std::nullopt;
  return int64_t(whole);
}

double Decimal::to_double() const {
  // Both operands are exact doubles below 2^53, so the division rounds once, correctly.
  constexpr Int128 kExactLimit = Int128(1) << 53;
  if (scaled_ < kExactLimit && scaled_ > -kExactLimit) return double(scaled_) / double(kScale);
  std::string text = to_canonical();
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::string int128_to_string(Int128 value) {
  UInt128 rest = magnitude(value);
  std::string digits;
  do {
    digits += char('0' + int(rest % 10));
    rest /= 10;
  } while (rest != 0);
  if (value < 0) digits += '-';
  std::reverse(digits.begin(), digits.end());
  return digits;
}

std::string Decimal::to_canonical() const {
  std::string text = int128_to_string(scaled_ / kScale);
  if (scaled_ < 0 && scaled_ > -kScale) text = "-0";
  std::string fraction = int128_to_string(magnitude(scaled_ % kScale) + UInt128(kScale));
  fraction.erase(0, 1);  // the leading "1" that kept the zeros
  while (fraction.size() > 1 && fraction.back() == '0')
    fraction.pop_back();
  return text + '.' + fraction;
}

std::string Decimal::to_xpath_string() const {
  if (!is_integral()) return to_canonical();
  return int128_to_string(scaled_ / kScale);
}

}  // namespace kg::sparql
