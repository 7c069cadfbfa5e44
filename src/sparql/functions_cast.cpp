// Functions called by IRI: the XPath constructor functions (casts) for the XSD types SPARQL
// §17.5 lists, plus the derived integer types, dates, times and durations.
#include <cmath>

#include "sparql/func_library.hpp"
#include "sparql/func_xsd.hpp"

namespace kg::sparql {

namespace {

bool is_castable_target(XsdType type) {
  return type != XsdType::None && type != XsdType::DateTimeStamp;
}

// The XPath cast to xs:string: canonical forms, with integral decimals and mid-sized doubles
// written without a fraction or an exponent ("1", not "1.0" or "1.0E0").
Value to_string(const Value& value) {
  switch (value.kind()) {
    case ValueKind::String:
      return value;
    case ValueKind::Iri:
    case ValueKind::OtherLiteral:
      return Value::simple_string(std::string(value.text()));
    case ValueKind::Decimal:
      return Value::simple_string(value.decimal_value().to_xpath_string());
    case ValueKind::Float:
      return Value::simple_string(float_to_xpath_string(value.float_value()));
    case ValueKind::Double:
      return Value::simple_string(double_to_xpath_string(value.double_value()));
    case ValueKind::Boolean:
    case ValueKind::Integer:
    case ValueKind::DateTime:
    case ValueKind::Date:
    case ValueKind::Time:
    case ValueKind::Duration:
    case ValueKind::DayTimeDuration:
    case ValueKind::YearMonthDuration:
      return Value::simple_string(value.canonical().lexical_form());
    default:
      return Value::error();
  }
}

std::optional<int64_t> to_integer(const Value& value) {
  switch (value.kind()) {
    case ValueKind::Boolean:
      return value.boolean_value() ? 1 : 0;
    case ValueKind::Integer:
      return value.integer_value();
    case ValueKind::Decimal:
      return value.decimal_value().to_integer();
    case ValueKind::Float:
    case ValueKind::Double: {
      double number =
          value.kind() == ValueKind::Float ? double(value.float_value()) : value.double_value();
      // Truncation towards zero; NaN, infinities and values beyond 64 bits fail.
      if (!(std::fabs(number) < 9.2e18)) return std::nullopt;
      return int64_t(std::trunc(number));
    }
    default:
      return std::nullopt;
  }
}

std::optional<Decimal> to_decimal(const Value& value) {
  if (value.kind() == ValueKind::Boolean) return Decimal::from_integer(value.boolean_value());
  return numeric_as_decimal(value);
}

std::optional<double> to_double(const Value& value) {
  if (value.kind() == ValueKind::Boolean) return value.boolean_value() ? 1.0 : 0.0;
  if (!value.is_numeric()) return std::nullopt;
  return numeric_as_double(value);
}

std::optional<float> to_float(const Value& value) {
  if (value.kind() == ValueKind::Decimal)  // rounded once, from the exact decimal digits
    return parse_float_lexical(value.decimal_value().to_canonical());
  if (value.kind() == ValueKind::Integer) return float(value.integer_value());
  auto number = to_double(value);
  if (!number) return std::nullopt;
  return float(*number);
}

Value to_boolean(const Value& value) {
  if (value.kind() == ValueKind::Boolean) return Value::boolean(value.boolean_value());
  if (!value.is_numeric()) return Value::error();
  return Value::boolean(*effective_boolean_value(value));
}

Value to_temporal(TemporalType type, const Value& value) {
  if (value.kind() < ValueKind::DateTime || value.kind() > ValueKind::Time) return Value::error();
  auto converted = convert_temporal(temporal_type_of(value.kind()), type, value.temporal_value());
  return converted ? Value::temporal(type, *converted) : Value::error();
}

// duration -> yearMonthDuration keeps the months, -> dayTimeDuration the seconds.
Value to_duration(DurationType type, const Value& value) {
  if (value.kind() < ValueKind::Duration || value.kind() > ValueKind::YearMonthDuration)
    return Value::error();
  DurationValue duration = value.duration_value();
  if (type == DurationType::YearMonth) duration.seconds = Decimal();
  if (type == DurationType::DayTime) duration.months = 0;
  return Value::duration(type, duration);
}

Value cast_value(XsdType target, const Value& value) {
  if (target == XsdType::String) return to_string(value);
  if (target == XsdType::Boolean) return to_boolean(value);
  if (is_integer_type(target)) {
    auto integer = to_integer(value);
    if (!integer || !integer_in_range(target, *integer)) return Value::error();
    return Value::integer(*integer, target);
  }
  if (target == XsdType::Decimal) {
    auto decimal = to_decimal(value);
    return decimal ? Value::decimal(*decimal) : Value::error();
  }
  if (target == XsdType::Float) {
    auto number = to_float(value);
    return number ? Value::float_number(*number) : Value::error();
  }
  if (target == XsdType::Double) {
    auto number = to_double(value);
    return number ? Value::double_number(*number) : Value::error();
  }
  if (auto temporal = temporal_type_of(target)) return to_temporal(*temporal, value);
  if (auto duration = duration_type_of(target)) return to_duration(*duration, value);
  return Value::error();
}

}  // namespace

bool is_known_function(std::string_view iri) {
  return is_castable_target(xsd_type_of(iri));
}

Value call_function(std::string_view iri, std::span<const Value> args, FunctionContext&) {
  XsdType target = xsd_type_of(iri);
  if (!is_castable_target(target) || args.size() != 1) return Value::error();
  const Value& value = args[0];
  // A string is cast through the target type's lexical space (XPath §19.2).
  if (value.kind() == ValueKind::String && target != XsdType::String) {
    Value parsed = Value::typed_literal(std::string(value.text()), xsd_type_iri(target));
    if (parsed.kind() == ValueKind::OtherLiteral) return Value::error();
    return parsed.canonical();
  }
  return cast_value(target, value);
}

}  // namespace kg::sparql
