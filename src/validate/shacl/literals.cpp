#include "validate/shacl/literals.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <pcre2.h>
#include <string>

#include "rdf/datatypes.hpp"
#include "rdf/vocabulary.hpp"
#include "validate/shacl/shacl.hpp"

namespace kg::validate::shacl {

namespace {

// ---------------------------------------------------------------------------------------------
// Lexical forms

std::string_view xsd_local_name(std::string_view datatype) {
  if (!datatype.starts_with(rdf::vocab::kXsd)) return {};
  return datatype.substr(rdf::vocab::kXsd.size());
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Consumes one or more digits at text[pos]; returns how many.
size_t digits_at(std::string_view text, size_t& pos) {
  size_t start = pos;
  while (pos < text.size() && is_digit(text[pos]))
    ++pos;
  return pos - start;
}

// ---------------------------------------------------------------------------------------------
// Dates and times

// A point in time as seconds since 1970-01-01T00:00:00 in its own time zone (UTC when zoned).
struct Moment {
  long double seconds = 0;
  bool zoned = false;
};

bool read_number(std::string_view text, size_t& pos, size_t width, int& out) {
  if (pos + width > text.size()) return false;
  auto [end, error] = std::from_chars(text.data() + pos, text.data() + pos + width, out);
  if (error != std::errc() || end != text.data() + pos + width) return false;
  pos += width;
  return true;
}

bool expect(std::string_view text, size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date.
long long days_since_epoch(long long year, int month, int day) {
  year -= month <= 2;
  long long era = (year >= 0 ? year : year - 399) / 400;
  long long year_of_era = year - era * 400;
  long long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  long long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

int days_in_month(long long year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// -?YYYY-MM-DD, then "Thh:mm:ss(.s+)" when with_time, then an optional zone.
std::optional<Moment> parse_moment(std::string_view text, bool with_time) {
  size_t pos = 0;
  bool negative_year = expect(text, pos, '-');
  size_t year_start = pos;
  size_t year_digits = digits_at(text, pos);
  if (year_digits < 4) return std::nullopt;
  long long year = 0;
  std::from_chars(text.data() + year_start, text.data() + pos, year);
  if (negative_year) year = -year;
  int month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!expect(text, pos, '-') || !read_number(text, pos, 2, month) || !expect(text, pos, '-') ||
      !read_number(text, pos, 2, day) || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month))
    return std::nullopt;
  long double fraction = 0;
  if (with_time) {
    if (!expect(text, pos, 'T') || !read_number(text, pos, 2, hour) || !expect(text, pos, ':') ||
        !read_number(text, pos, 2, minute) || !expect(text, pos, ':') ||
        !read_number(text, pos, 2, second) || minute > 59 || second > 59)
      return std::nullopt;
    if (expect(text, pos, '.')) {
      size_t start = pos;
      if (digits_at(text, pos) == 0) return std::nullopt;
      fraction = std::stold("0." + std::string(text.substr(start, pos - start)));
    }
    bool midnight_end = hour == 24 && minute == 0 && second == 0 && fraction == 0;
    if (hour > 23 && !midnight_end) return std::nullopt;
  }
  Moment moment;
  moment.seconds = static_cast<long double>(days_since_epoch(year, month, day)) * 86400 +
                   hour * 3600 + minute * 60 + second + fraction;
  if (pos == text.size()) return moment;
  moment.zoned = true;
  if (expect(text, pos, 'Z')) return pos == text.size() ? std::optional(moment) : std::nullopt;
  int sign = text[pos] == '-' ? -1 : 1;
  int zone_hours = 0, zone_minutes = 0;
  if ((text[pos] != '+' && text[pos] != '-') || !read_number(text, ++pos, 2, zone_hours) ||
      !expect(text, pos, ':') || !read_number(text, pos, 2, zone_minutes) || pos != text.size() ||
      zone_hours > 14 || zone_minutes > 59)
    return std::nullopt;
  moment.seconds -= sign * (zone_hours * 3600 + zone_minutes * 60);
  return moment;
}

// ---------------------------------------------------------------------------------------------
// Ordering

enum class ValueSpace { Number, String, Boolean, DateTime, Date };

struct OrderedValue {
  ValueSpace space = ValueSpace::Number;
  long double number = 0;  // numbers, booleans (0/1) and moments
  std::string_view text;   // strings
  bool zoned = false;
};

bool is_numeric_type(std::string_view datatype) {
  return rdf::is_derived_datatype(datatype, rdf::vocab::kXsdDecimal) ||
         datatype == rdf::vocab::kXsdFloat || datatype == rdf::vocab::kXsdDouble;
}

long double parse_number(std::string_view text) {
  if (text == "INF" || text == "+INF") return HUGE_VALL;
  if (text == "-INF") return -HUGE_VALL;
  if (text == "NaN") return NAN;
  return std::strtold(std::string(text).c_str(), nullptr);
}

std::optional<OrderedValue> ordered_value(rdf::NodeRef node) {
  if (!node.is_literal() || !is_well_formed(node)) return std::nullopt;
  std::string_view datatype = node.datatype_iri();
  if (datatype == rdf::vocab::kXsdString)
    return OrderedValue{ValueSpace::String, 0, node.value(), false};
  std::string_view local_name = xsd_local_name(datatype);
  if (is_numeric_type(datatype))
    return OrderedValue{ValueSpace::Number, parse_number(node.value()), {}, false};
  if (local_name == "boolean") {
    bool truth = node.value() == "true" || node.value() == "1";
    return OrderedValue{ValueSpace::Boolean, truth ? 1.0L : 0.0L, {}, false};
  }
  if (local_name == "dateTime" || local_name == "date") {
    bool with_time = local_name == "dateTime";
    Moment moment = *parse_moment(node.value(), with_time);
    return OrderedValue{
        with_time ? ValueSpace::DateTime : ValueSpace::Date, moment.seconds, {}, moment.zoned};
  }
  return std::nullopt;
}

}  // namespace

bool comparison_holds(rdf::NodeRef a, Comparison comparison, rdf::NodeRef b) {
  std::optional<OrderedValue> left = ordered_value(a), right = ordered_value(b);
  // A zoned and an unzoned moment are only partially ordered in XSD; SPARQL then errs.
  if (!left || !right || left->space != right->space || left->zoned != right->zoned) return false;
  if (left->space == ValueSpace::String) {
    int order = left->text.compare(right->text);
    return comparison == Comparison::Less ? order < 0 : order <= 0;
  }
  return comparison == Comparison::Less ? left->number < right->number
                                        : left->number <= right->number;
}

bool is_well_formed(rdf::NodeRef literal) {
  return literal.is_literal() &&
         rdf::is_valid_lexical_form(literal.datatype_iri(), literal.value());
}

// ---------------------------------------------------------------------------------------------
// Patterns

struct Pattern::Compiled {
  pcre2_code* code = nullptr;
  ~Compiled() { pcre2_code_free(code); }
};

Pattern::Pattern(std::string_view expression, std::string_view flags)
    : compiled_(std::make_unique<Compiled>()) {
  uint32_t options = PCRE2_UTF | PCRE2_UCP;
  for (char flag : flags) {
    switch (flag) {
      case 'i':
        options |= PCRE2_CASELESS;
        break;
      case 's':
        options |= PCRE2_DOTALL;
        break;
      case 'm':
        options |= PCRE2_MULTILINE;
        break;
      case 'x':
        options |= PCRE2_EXTENDED;
        break;
      case 'q':
        options |= PCRE2_LITERAL;
        break;
      default:
        throw ValidationFailure("sh:flags \"" + std::string(flags) + "\" has an unknown flag");
    }
  }
  int error = 0;
  PCRE2_SIZE offset = 0;
  compiled_->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(expression.data()),
                                  expression.size(), options, &error, &offset, nullptr);
  if (!compiled_->code) {
    std::array<PCRE2_UCHAR, 256> message{};
    pcre2_get_error_message(error, message.data(), message.size());
    throw ValidationFailure("sh:pattern \"" + std::string(expression) + "\" is not a valid " +
                            "regular expression: " + reinterpret_cast<const char*>(message.data()));
  }
}

Pattern::~Pattern() = default;

bool Pattern::matches(std::string_view text) const {
  pcre2_match_data* match = pcre2_match_data_create_from_pattern(compiled_->code, nullptr);
  int found = pcre2_match(compiled_->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(),
                          0, 0, match, nullptr);
  pcre2_match_data_free(match);
  return found >= 0;
}

}  // namespace kg::validate::shacl
