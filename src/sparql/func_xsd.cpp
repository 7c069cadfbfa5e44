#include "sparql/func_xsd.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

#include "rdf/vocabulary.hpp"

namespace kg::sparql {

namespace {

using rdf::vocab::kXsd;

struct TypeName {
  XsdType type;
  std::string_view local_name;
};

constexpr std::array kTypeNames = {
    TypeName{XsdType::String, "string"},
    TypeName{XsdType::Boolean, "boolean"},
    TypeName{XsdType::Decimal, "decimal"},
    TypeName{XsdType::Integer, "integer"},
    TypeName{XsdType::NonPositiveInteger, "nonPositiveInteger"},
    TypeName{XsdType::NegativeInteger, "negativeInteger"},
    TypeName{XsdType::Long, "long"},
    TypeName{XsdType::Int, "int"},
    TypeName{XsdType::Short, "short"},
    TypeName{XsdType::Byte, "byte"},
    TypeName{XsdType::NonNegativeInteger, "nonNegativeInteger"},
    TypeName{XsdType::UnsignedLong, "unsignedLong"},
    TypeName{XsdType::UnsignedInt, "unsignedInt"},
    TypeName{XsdType::UnsignedShort, "unsignedShort"},
    TypeName{XsdType::UnsignedByte, "unsignedByte"},
    TypeName{XsdType::PositiveInteger, "positiveInteger"},
    TypeName{XsdType::Float, "float"},
    TypeName{XsdType::Double, "double"},
    TypeName{XsdType::DateTime, "dateTime"},
    TypeName{XsdType::DateTimeStamp, "dateTimeStamp"},
    TypeName{XsdType::Date, "date"},
    TypeName{XsdType::Time, "time"},
    TypeName{XsdType::Duration, "duration"},
    TypeName{XsdType::DayTimeDuration, "dayTimeDuration"},
    TypeName{XsdType::YearMonthDuration, "yearMonthDuration"},
};

// The full IRIs, built once so that callers can hold string_views to them.
const std::array<std::string, kTypeNames.size()>& type_iris() {
  static const auto iris = [] {
    std::array<std::string, kTypeNames.size()> result;
    for (size_t i = 0; i < kTypeNames.size(); ++i)
      result[i] = std::string(kXsd) + std::string(kTypeNames[i].local_name);
    return result;
  }();
  return iris;
}

// How value kinds, func_datetime.hpp's types and XSD datatypes correspond.
struct TemporalRow {
  ValueKind kind;
  TemporalType type;
  XsdType xsd;
};
constexpr TemporalRow kTemporalRows[] = {
    {ValueKind::DateTime, TemporalType::DateTime, XsdType::DateTime},
    {ValueKind::Date, TemporalType::Date, XsdType::Date},
    {ValueKind::Time, TemporalType::Time, XsdType::Time},
};

struct DurationRow {
  ValueKind kind;
  DurationType type;
  XsdType xsd;
};
constexpr DurationRow kDurationRows[] = {
    {ValueKind::Duration, DurationType::Duration, XsdType::Duration},
    {ValueKind::DayTimeDuration, DurationType::DayTime, XsdType::DayTimeDuration},
    {ValueKind::YearMonthDuration, DurationType::YearMonth, XsdType::YearMonthDuration},
};

// The row whose field equals key, or fallback.
template <typename Row, size_t N, typename Field>
const Row& row_where(const Row (&rows)[N], Field Row::*field, Field key, const Row& fallback) {
  for (const Row& row : rows)
    if (row.*field == key) return row;
  return fallback;
}

struct Range {
  int64_t min, max;
};

Range integer_range(XsdType type) {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  switch (type) {
    case XsdType::NonPositiveInteger:
      return {kMin, 0};
    case XsdType::NegativeInteger:
      return {kMin, -1};
    case XsdType::Int:
      return {INT32_MIN, INT32_MAX};
    case XsdType::Short:
      return {INT16_MIN, INT16_MAX};
    case XsdType::Byte:
      return {INT8_MIN, INT8_MAX};
    case XsdType::NonNegativeInteger:
    case XsdType::UnsignedLong:
      return {0, kMax};
    case XsdType::UnsignedInt:
      return {0, UINT32_MAX};
    case XsdType::UnsignedShort:
      return {0, UINT16_MAX};
    case XsdType::UnsignedByte:
      return {0, UINT8_MAX};
    case XsdType::PositiveInteger:
      return {1, kMax};
    default:
      return {kMin, kMax};
  }
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// [+-]? (digits ('.' digits?)? | '.' digits) ([eE] [+-]? digits)?
bool is_floating_point_syntax(std::string_view text) {
  size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  size_t mantissa_digits = 0;
  for (; i < text.size() && is_digit(text[i]); ++i)
    ++mantissa_digits;
  if (i < text.size() && text[i] == '.')
    for (++i; i < text.size() && is_digit(text[i]); ++i)
      ++mantissa_digits;
  if (mantissa_digits == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    size_t exponent_digits = 0;
    for (; i < text.size() && is_digit(text[i]); ++i)
      ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return i == text.size();
}

template <typename Number>
std::optional<Number> parse_floating(std::string_view lexical) {
  std::string_view text = trim_xml_whitespace(lexical);
  constexpr Number kInfinity = std::numeric_limits<Number>::infinity();
  if (text == "INF" || text == "+INF") return kInfinity;
  if (text == "-INF") return -kInfinity;
  if (text == "NaN") return std::numeric_limits<Number>::quiet_NaN();
  if (!is_floating_point_syntax(text)) return std::nullopt;
  bool negative = text.front() == '-';
  if (text.front() == '+' || text.front() == '-') text.remove_prefix(1);
  Number value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) {
    size_t exponent = text.find_first_of("eE");
    bool tiny = exponent != std::string_view::npos && text[exponent + 1] == '-';
    value = tiny ? Number(0) : kInfinity;
  } else if (error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

// Rewrites to_chars' scientific output ("1.5e+03") into the XSD form ("1.5E3").
template <typename Number>
std::string format_floating(Number value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value < 0 ? "-INF" : "INF";
  char buffer[64];
  auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  std::string_view text(buffer, size_t(end - buffer));
  size_t e = text.find('e');
  std::string mantissa(text.substr(0, e));
  if (mantissa.find('.') == std::string::npos) mantissa += ".0";
  int exponent = 0;
  std::string_view digits = text.substr(e + 1);
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  std::from_chars(digits.data(), digits.data() + digits.size(), exponent);
  return mantissa + 'E' + std::to_string(exponent);
}

template <typename Number>
std::string floating_to_xpath_string(Number value) {
  Number magnitude = std::fabs(value);
  if (value != 0 && (std::isnan(value) || magnitude < Number(1e-6) || magnitude >= Number(1e6)))
    return format_floating(value);
  char buffer[64];
  auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  return std::string(buffer, size_t(end - buffer));
}

}  // namespace

std::string_view xsd_type_iri(XsdType type) {
  for (size_t i = 0; i < kTypeNames.size(); ++i)
    if (kTypeNames[i].type == type) return type_iris()[i];
  return {};
}

XsdType xsd_type_of(std::string_view datatype_iri) {
  if (!datatype_iri.starts_with(kXsd)) return XsdType::None;
  std::string_view local = datatype_iri.substr(kXsd.size());
  for (const TypeName& name : kTypeNames)
    if (name.local_name == local) return name.type;
  return XsdType::None;
}

bool is_integer_type(XsdType type) {
  return type >= XsdType::Integer && type <= XsdType::PositiveInteger;
}

bool is_temporal(ValueKind kind) {
  return kind >= ValueKind::DateTime && kind <= ValueKind::Time;
}

bool is_duration(ValueKind kind) {
  return kind >= ValueKind::Duration && kind <= ValueKind::YearMonthDuration;
}

TemporalType temporal_type_of(ValueKind kind) {
  return row_where(kTemporalRows, &TemporalRow::kind, kind, kTemporalRows[0]).type;
}

DurationType duration_type_of(ValueKind kind) {
  return row_where(kDurationRows, &DurationRow::kind, kind, kDurationRows[0]).type;
}

ValueKind value_kind_of(TemporalType type) {
  return row_where(kTemporalRows, &TemporalRow::type, type, kTemporalRows[0]).kind;
}

ValueKind value_kind_of(DurationType type) {
  return row_where(kDurationRows, &DurationRow::type, type, kDurationRows[0]).kind;
}

XsdType xsd_type_of(TemporalType type) {
  return row_where(kTemporalRows, &TemporalRow::type, type, kTemporalRows[0]).xsd;
}

XsdType xsd_type_of(DurationType type) {
  return row_where(kDurationRows, &DurationRow::type, type, kDurationRows[0]).xsd;
}

std::optional<TemporalType> temporal_type_of(XsdType type) {
  if (type == XsdType::DateTimeStamp) return TemporalType::DateTime;
  for (const TemporalRow& row : kTemporalRows)
    if (row.xsd == type) return row.type;
  return std::nullopt;
}

std::optional<DurationType> duration_type_of(XsdType type) {
  for (const DurationRow& row : kDurationRows)
    if (row.xsd == type) return row.type;
  return std::nullopt;
}

bool integer_in_range(XsdType type, int64_t value) {
  Range range = integer_range(type);
  return value >= range.min && value <= range.max;
}

std::string_view trim_xml_whitespace(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  if (text.empty() || (kSpace.find(text.front()) == std::string_view::npos &&
                       kSpace.find(text.back()) == std::string_view::npos))
    return text;
  size_t start = text.find_first_not_of(kSpace);
  if (start == std::string_view::npos) return {};
  return text.substr(start, text.find_last_not_of(kSpace) - start + 1);
}

std::optional<bool> parse_boolean_lexical(std::string_view lexical) {
  std::string_view text = trim_xml_whitespace(lexical);
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  return std::nullopt;
}

std::optional<int64_t> parse_integer_lexical(std::string_view lexical) {
  std::string_view text = trim_xml_whitespace(lexical);
  bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  int64_t value = 0;
  for (char c : text) {
    if (!is_digit(c)) return std::nullopt;
    // Accumulating negatively reaches INT64_MIN, which has no positive counterpart.
    if (__builtin_mul_overflow(value, 10, &value) || __builtin_sub_overflow(value, c - '0', &value))
      return std::nullopt;
  }
  if (negative) return value;
  if (value == std::numeric_limits<int64_t>::min()) return std::nullopt;
  return -value;
}

std::optional<double> parse_double_lexical(std::string_view lexical) {
  return parse_floating<double>(lexical);
}

std::optional<float> parse_float_lexical(std::string_view lexical) {
  return parse_floating<float>(lexical);
}

std::string format_double(double value) {
  return format_floating(value);
}
std::string format_float(float value) {
  return format_floating(value);
}
std::string double_to_xpath_string(double value) {
  return floating_to_xpath_string(value);
}
std::string float_to_xpath_string(float value) {
  return floating_to_xpath_string(value);
}

}  // namespace kg::sparql
