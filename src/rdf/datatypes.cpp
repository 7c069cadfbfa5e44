#include "rdf/datatypes.hpp"

#include <array>
#include <optional>
#include <string>
#include <utility>

#include "rdf/vocabulary.hpp"

namespace kg::rdf {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Reads a lexical form left to right; every parse function fails by returning false.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool done() const { return position_ == text_.size(); }
  char peek() const { return done() ? '\0' : text_[position_]; }
  bool accept(char c) {
    if (done() || text_[position_] != c) return false;
    ++position_;
    return true;
  }
  // One or more digits.
  std::string_view digits() {
    size_t start = position_;
    while (!done() && is_digit(text_[position_]))
      ++position_;
    return text_.substr(start, position_ - start);
  }
  // Exactly count digits, as a number.
  std::optional<int> fixed_digits(size_t count) {
    if (text_.size() - position_ < count) return std::nullopt;
    int value = 0;
    for (size_t i = 0; i < count; ++i) {
      char c = text_[position_ + i];
      if (!is_digit(c)) return std::nullopt;
      value = value * 10 + (c - '0');
    }
    position_ += count;
    return value;
  }

 private:
  std::string_view text_;
  size_t position_ = 0;
};

// ---- dates and times -------------------------------------------------------------------

// A year of four or more digits (no leading zero beyond four), optionally negative. Only
// its remainder by 400 matters, for leap years.
bool parse_year(Cursor& cursor, int& year_mod_400) {
  cursor.accept('-');
  std::string_view year = cursor.digits();
  if (year.size() < 4 || (year.size() > 4 && year.front() == '0')) return false;
  year_mod_400 = 0;
  for (char c : year)
    year_mod_400 = (year_mod_400 * 10 + (c - '0')) % 400;
  return true;
}

bool is_leap_year(int year_mod_400) {
  return year_mod_400 % 4 == 0 && (year_mod_400 % 100 != 0 || year_mod_400 == 0);
}

int days_in_month(int month, bool leap) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap ? 29 : kDays[static_cast<size_t>(month - 1)];
}

std::optional<int> parse_month(Cursor& cursor) {
  auto month = cursor.fixed_digits(2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  return month;
}

bool parse_day(Cursor& cursor, int month, bool leap) {
  auto day = cursor.fixed_digits(2);
  return day && *day >= 1 && *day <= days_in_month(month, leap);
}

// "Z" or "+hh:mm"/"-hh:mm" up to 14:00; absent unless required.
bool parse_timezone(Cursor& cursor, bool required) {
  if (cursor.accept('Z')) return true;
  if (!cursor.accept('+') && !cursor.accept('-')) return !required && cursor.done();
  auto hours = cursor.fixed_digits(2);
  if (!hours || !cursor.accept(':')) return false;
  auto minutes = cursor.fixed_digits(2);
  return minutes && *minutes <= 59 && (*hours < 14 || (*hours == 14 && *minutes == 0));
}

bool ends_with_timezone(Cursor& cursor, bool required) {
  return parse_timezone(cursor, required) && cursor.done();
}

bool parse_date(Cursor& cursor) {
  int year_mod_400 = 0;
  if (!parse_year(cursor, year_mod_400) || !cursor.accept('-')) return false;
  auto month = parse_month(cursor);
  return month && cursor.accept('-') && parse_day(cursor, *month, is_leap_year(year_mod_400));
}

// hh:mm:ss(.s+), with 24:00:00 as the only hour-24 time.
bool parse_time(Cursor& cursor) {
  auto hours = cursor.fixed_digits(2);
  if (!hours || !cursor.accept(':')) return false;
  auto minutes = cursor.fixed_digits(2);
  if (!minutes || !cursor.accept(':')) return false;
  auto seconds = cursor.fixed_digits(2);
  if (!seconds || *minutes > 59 || *seconds > 59) return false;
  bool fraction_is_zero = true;
  if (cursor.accept('.')) {
    std::string_view fraction = cursor.digits();
    if (fraction.empty()) return false;
    fraction_is_zero = fraction.find_first_not_of('0') == std::string_view::npos;
  }
  if (*hours == 24) return *minutes == 0 && *seconds == 0 && fraction_is_zero;
  return *hours <= 23;
}

bool valid_date(std::string_view text) {
  Cursor cursor(text);
  return parse_date(cursor) && ends_with_timezone(cursor, false);
}

bool valid_time(std::string_view text) {
  Cursor cursor(text);
  return parse_time(cursor) && ends_with_timezone(cursor, false);
}

bool valid_date_time(std::string_view text, bool timezone_required) {
  Cursor cursor(text);
  return parse_date(cursor) && cursor.accept('T') && parse_time(cursor) &&
         ends_with_timezone(cursor, timezone_required);
}

bool valid_g_year(std::string_view text) {
  Cursor cursor(text);
  int year_mod_400 = 0;
  return parse_year(cursor, year_mod_400) && ends_with_timezone(cursor, false);
}

bool valid_g_year_month(std::string_view text) {
  Cursor cursor(text);
  int year_mod_400 = 0;
  return parse_year(cursor, year_mod_400) && cursor.accept('-') && parse_month(cursor) &&
         ends_with_timezone(cursor, false);
}

bool valid_g_month(std::string_view text) {
  Cursor cursor(text);
  return cursor.accept('-') && cursor.accept('-') && parse_month(cursor) &&
         ends_with_timezone(cursor, false);
}

bool valid_g_month_day(std::string_view text) {
  Cursor cursor(text);
  if (!cursor.accept('-') || !cursor.accept('-')) return false;
  auto month = parse_month(cursor);
  // With no year, 29 February exists.
  return month && cursor.accept('-') && parse_day(cursor, *month, true) &&
         ends_with_timezone(cursor, false);
}

bool valid_g_day(std::string_view text) {
  Cursor cursor(text);
  return cursor.accept('-') && cursor.accept('-') && cursor.accept('-') &&
         parse_day(cursor, 1, false) && ends_with_timezone(cursor, false);
}

// ---- durations ---------------------------------------------------------------------------

enum class DurationParts { All, DayTime, YearMonth };

// Reads "nX" components whose designators must appear in the order given, each at most once.
bool parse_duration_components(Cursor& cursor, std::string_view designators,
                               std::string_view allowed, bool& any) {
  size_t next = 0;
  while (!cursor.done() && is_digit(cursor.peek())) {
    cursor.digits();
    bool fraction = false;
    if (cursor.accept('.')) {
      if (cursor.digits().empty()) return false;
      fraction = true;
    }
    char designator = cursor.peek();
    size_t index = designators.find(designator, next);
    if (index == std::string_view::npos || allowed.find(designator) == std::string_view::npos)
      return false;
    if (fraction && designator != 'S') return false;
    cursor.accept(designator);
    next = index + 1;
    any = true;
  }
  return true;
}

bool valid_duration(std::string_view text, DurationParts parts) {
  Cursor cursor(text);
  cursor.accept('-');
  if (!cursor.accept('P')) return false;
  bool any = false;
  std::string_view date_allowed = parts == DurationParts::DayTime     ? "D"
                                  : parts == DurationParts::YearMonth ? "YM"
                                                                      : "YMD";
  if (!parse_duration_components(cursor, "YMD", date_allowed, any)) return false;
  if (cursor.accept('T')) {
    if (parts == DurationParts::YearMonth) return false;
    bool any_time = false;
    if (!parse_duration_components(cursor, "HMS", "HMS", any_time) || !any_time) return false;
    any = true;
  }
  return any && cursor.done();
}

// ---- numbers -----------------------------------------------------------------------------

// A signed integer as sign and magnitude without leading zeros, for range checks that must
// work beyond 64 bits.
struct BigInteger {
  bool negative = false;
  std::string magnitude;  // "0" for zero

  static std::optional<BigInteger> parse(std::string_view text) {
    Cursor cursor(text);
    BigInteger value;
    value.negative = cursor.accept('-');
    if (!value.negative) cursor.accept('+');
    std::string_view digits = cursor.digits();
    if (digits.empty() || !cursor.done()) return std::nullopt;
    size_t first = digits.find_first_not_of('0');
    value.magnitude = first == std::string_view::npos ? "0" : std::string(digits.substr(first));
    if (value.magnitude == "0") value.negative = false;
    return value;
  }

  friend int compare(const BigInteger& a, const BigInteger& b) {
    if (a.negative != b.negative) return a.negative ? -1 : 1;
    int by_magnitude = a.magnitude.size() != b.magnitude.size()
                           ? (a.magnitude.size() < b.magnitude.size() ? -1 : 1)
                           : a.magnitude.compare(b.magnitude);
    if (by_magnitude != 0) by_magnitude = by_magnitude < 0 ? -1 : 1;
    return a.negative ? -by_magnitude : by_magnitude;
  }
};

struct IntegerRange {
  std::string_view local_name;
  std::string_view minimum, maximum;  // "" for unbounded
};

constexpr std::array<IntegerRange, 13> kIntegerRanges = {{
    {"integer", "", ""},
    {"nonPositiveInteger", "", "0"},
    {"negativeInteger", "", "-1"},
    {"nonNegativeInteger", "0", ""},
    {"positiveInteger", "1", ""},
    {"long", "-9223372036854775808", "9223372036854775807"},
    {"int", "-2147483648", "2147483647"},
    {"short", "-32768", "32767"},
    {"byte", "-128", "127"},
    {"unsignedLong", "0", "18446744073709551615"},
    {"unsignedInt", "0", "4294967295"},
    {"unsignedShort", "0", "65535"},
    {"unsignedByte", "0", "255"},
}};

const IntegerRange* integer_range(std::string_view local_name) {
  for (const IntegerRange& range : kIntegerRanges)
    if (range.local_name == local_name) return &range;
  return nullptr;
}

bool valid_integer(std::string_view text, const IntegerRange& range) {
  auto value = BigInteger::parse(text);
  if (!value) return false;
  if (!range.minimum.empty() && compare(*value, *BigInteger::parse(range.minimum)) < 0)
    return false;
  return range.maximum.empty() || compare(*value, *BigInteger::parse(range.maximum)) <= 0;
}

// [+-]? (digits ("." digits?)? | "." digits)
bool parse_decimal(Cursor& cursor) {
  if (!cursor.accept('+')) cursor.accept('-');
  bool whole = !cursor.digits().empty();
  bool fraction = cursor.accept('.') && !cursor.digits().empty();
  return whole || fraction;
}

bool valid_decimal(std::string_view text) {
  Cursor cursor(text);
  return parse_decimal(cursor) && cursor.done();
}

bool valid_floating_point(std::string_view text) {
  if (text == "INF" || text == "+INF" || text == "-INF" || text == "NaN") return true;
  Cursor cursor(text);
  if (!parse_decimal(cursor)) return false;
  if (cursor.accept('e') || cursor.accept('E')) {
    if (!cursor.accept('+')) cursor.accept('-');
    if (cursor.digits().empty()) return false;
  }
  return cursor.done();
}

// ---- strings and binary ------------------------------------------------------------------

bool valid_normalized_string(std::string_view text) {
  return text.find_first_of("\r\n\t") == std::string_view::npos;
}

bool valid_token(std::string_view text) {
  return valid_normalized_string(text) && text.find("  ") == std::string_view::npos &&
         (text.empty() || (text.front() != ' ' && text.back() != ' '));
}

bool valid_any_uri(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
    if (std::string_view("<>\"{}|\\^`").find(c) != std::string_view::npos) return false;
  }
  return true;
}

bool valid_hex_binary(std::string_view text) {
  if (text.size() % 2 != 0) return false;
  for (char c : text)
    if (!is_digit(c) && !((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

bool valid_base64_binary(std::string_view text) {
  std::string compact;
  for (char c : text)
    if (c != ' ') compact += c;
  if (compact.size() % 4 != 0) return false;
  size_t padding = 0;
  while (padding < 2 && padding < compact.size() && compact[compact.size() - 1 - padding] == '=')
    ++padding;
  for (size_t i = 0; i + padding < compact.size(); ++i) {
    char c = compact[i];
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '/') return false;
  }
  return true;
}

// ---- dispatch ----------------------------------------------------------------------------

using Validator = bool (*)(std::string_view);

struct NamedValidator {
  std::string_view local_name;
  Validator validate;
};

bool any_string(std::string_view) {
  return true;
}
bool valid_boolean(std::string_view text) {
  return text == "true" || text == "false" || text == "1" || text == "0";
}
bool valid_date_time_optional_zone(std::string_view text) {
  return valid_date_time(text, false);
}
bool valid_date_time_stamp(std::string_view text) {
  return valid_date_time(text, true);
}
bool valid_any_duration(std::string_view text) {
  return valid_duration(text, DurationParts::All);
}
bool valid_day_time_duration(std::string_view text) {
  return valid_duration(text, DurationParts::DayTime);
}
bool valid_year_month_duration(std::string_view text) {
  return valid_duration(text, DurationParts::YearMonth);
}

constexpr std::array<NamedValidator, 23> kXsdValidators = {{
    {"string", any_string},
    {"normalizedString", valid_normalized_string},
    {"token", valid_token},
    {"language", is_language_tag},
    {"boolean", valid_boolean},
    {"decimal", valid_decimal},
    {"double", valid_floating_point},
    {"float", valid_floating_point},
    {"date", valid_date},
    {"time", valid_time},
    {"dateTime", valid_date_time_optional_zone},
    {"dateTimeStamp", valid_date_time_stamp},
    {"gYear", valid_g_year},
    {"gYearMonth", valid_g_year_month},
    {"gMonth", valid_g_month},
    {"gMonthDay", valid_g_month_day},
    {"gDay", valid_g_day},
    {"duration", valid_any_duration},
    {"dayTimeDuration", valid_day_time_duration},
    {"yearMonthDuration", valid_year_month_duration},
    {"anyURI", valid_any_uri},
    {"hexBinary", valid_hex_binary},
    {"base64Binary", valid_base64_binary},
}};

std::optional<std::string_view> xsd_local_name(std::string_view iri) {
  if (iri.substr(0, vocab::kXsd.size()) != vocab::kXsd) return std::nullopt;
  return iri.substr(vocab::kXsd.size());
}

const NamedValidator* xsd_validator(std::string_view local_name) {
  for (const NamedValidator& entry : kXsdValidators)
    if (entry.local_name == local_name) return &entry;
  return nullptr;
}

// Each built-in type this file knows, with the type it restricts.
constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kXsdBaseTypes = {{
    {"integer", "decimal"},
    {"nonPositiveInteger", "integer"},
    {"negativeInteger", "nonPositiveInteger"},
    {"long", "integer"},
    {"int", "long"},
    {"short", "int"},
    {"byte", "short"},
    {"nonNegativeInteger", "integer"},
    {"unsignedLong", "nonNegativeInteger"},
    {"unsignedInt", "unsignedLong"},
    {"unsignedShort", "unsignedInt"},
    {"unsignedByte", "unsignedShort"},
    {"positiveInteger", "nonNegativeInteger"},
    {"dateTimeStamp", "dateTime"},
    {"dayTimeDuration", "duration"},
    {"yearMonthDuration", "duration"},
    {"normalizedString", "string"},
    {"token", "normalizedString"},
    {"language", "token"},
    {"NMTOKEN", "token"},
}};

std::optional<std::string_view> xsd_base_type(std::string_view local_name) {
  for (const auto& [type, base] : kXsdBaseTypes)
    if (type == local_name) return base;
  return std::nullopt;
}

}  // namespace

bool is_language_tag(std::string_view tag) {
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t end = tag.find('-', start);
    std::string_view subtag = tag.substr(start, end == std::string_view::npos ? end : end - start);
    if (subtag.empty() || subtag.size() > 8) return false;
    for (char c : subtag)
      if (!is_alpha(c) && (first || !is_digit(c))) return false;
    if (end == std::string_view::npos) return true;
    start = end + 1;
    first = false;
  }
}

bool has_timezone(std::string_view lexical) {
  if (!lexical.empty() && lexical.back() == 'Z') return true;
  if (lexical.size() < 6) return false;
  char sign = lexical[lexical.size() - 6];
  return (sign == '+' || sign == '-') && lexical[lexical.size() - 3] == ':';
}

bool is_checked_datatype(std::string_view datatype_iri) {
  if (datatype_iri == vocab::kRdfLangString) return true;
  auto local_name = xsd_local_name(datatype_iri);
  return local_name && (xsd_validator(*local_name) || integer_range(*local_name));
}

bool is_valid_lexical_form(std::string_view datatype_iri, std::string_view lexical) {
  auto local_name = xsd_local_name(datatype_iri);
  if (!local_name) return true;
  if (const IntegerRange* range = integer_range(*local_name)) return valid_integer(lexical, *range);
  if (const NamedValidator* validator = xsd_validator(*local_name))
    return validator->validate(lexical);
  return true;
}

bool is_derived_datatype(std::string_view derived, std::string_view base) {
  if (derived == base) return true;
  auto derived_name = xsd_local_name(derived), base_name = xsd_local_name(base);
  if (!derived_name || !base_name) return false;
  for (auto type = xsd_base_type(*derived_name); type; type = xsd_base_type(*type))
    if (*type == *base_name) return true;
  return false;
}

}  // namespace kg::rdf
