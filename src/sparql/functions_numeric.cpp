// Arithmetic with XPath numeric type promotion, and ABS, ROUND, CEIL, FLOOR, RAND.
//
// xsd:integer is 64 bits here: an integer result that does not fit is an error (as a
// decimal result beyond ±10^20 is), never silently wrapped or rounded.
#include <cmath>

#include "sparql/func_library.hpp"
#include "sparql/func_xsd.hpp"

namespace kg::sparql {

namespace {

// The type both operands are promoted to: integer < decimal < float < double.
ValueKind common_type(const Value& a, const Value& b) {
  return a.kind() > b.kind() ? a.kind() : b.kind();
}

float to_float(const Value& value) {
  switch (value.kind()) {
    case ValueKind::Integer:
      return float(value.integer_value());
    case ValueKind::Decimal:
      return float(value.decimal_value().to_double());
    default:
      return value.float_value();
  }
}

template <typename T>
PartialOrder order_numbers(T a, T b) {
  if (a < b) return PartialOrder::Less;
  if (b < a) return PartialOrder::Greater;
  if (a == b) return PartialOrder::Equal;
  return PartialOrder::Unordered;  // NaN
}

Value integer_arithmetic(Builtin op, int64_t a, int64_t b) {
  int64_t result = 0;
  bool overflow = false;
  switch (op) {
    case Builtin::Add:
      overflow = __builtin_add_overflow(a, b, &result);
      break;
    case Builtin::Subtract:
      overflow = __builtin_sub_overflow(a, b, &result);
      break;
    case Builtin::Multiply:
      overflow = __builtin_mul_overflow(a, b, &result);
      break;
    default:
      return Value::error();
  }
  return overflow ? Value::error() : Value::integer(result);
}

Value decimal_arithmetic(Builtin op, Decimal a, Decimal b) {
  std::optional<Decimal> result;
  switch (op) {
    case Builtin::Add:
      result = a.add(b);
      break;
    case Builtin::Subtract:
      result = a.subtract(b);
      break;
    case Builtin::Multiply:
      result = a.multiply(b);
      break;
    case Builtin::Divide:
      result = a.divide(b);
      break;
    default:
      break;
  }
  return result ? Value::decimal(*result) : Value::error();
}

template <typename T>
T floating_arithmetic(Builtin op, T a, T b) {
  switch (op) {
    case Builtin::Add:
      return a + b;
    case Builtin::Subtract:
      return a - b;
    case Builtin::Multiply:
      return a * b;
    default:
      return a / b;
  }
}

Value negate(const Value& value) {
  switch (value.kind()) {
    case ValueKind::Integer:
      if (value.integer_value() == INT64_MIN) return Value::error();
      return Value::integer(-value.integer_value());
    case ValueKind::Decimal:
      return Value::decimal(value.decimal_value().negate());
    case ValueKind::Float:
      return Value::float_number(-value.float_value());
    case ValueKind::Double:
      return Value::double_number(-value.double_value());
    default:
      return Value::error();
  }
}

// XPath fn:round: the nearest integer, half-way values towards positive infinity.
template <typename T>
T round_half_up(T value) {
  if (!std::isfinite(value)) return value;
  T below = std::floor(value);
  T result = value - below >= T(0.5) ? below + 1 : below;
  return result == 0 ? std::copysign(T(0), value) : result;
}

template <typename T>
T round_floating(Builtin op, T value) {
  switch (op) {
    case Builtin::Abs:
      return std::fabs(value);
    case Builtin::Ceil:
      return std::ceil(value);
    case Builtin::Floor:
      return std::floor(value);
    default:
      return round_half_up(value);
  }
}

Decimal round_decimal(Builtin op, Decimal value) {
  switch (op) {
    case Builtin::Abs:
      return value.abs();
    case Builtin::Ceil:
      return value.ceil();
    case Builtin::Floor:
      return value.floor();
    default:
      return value.round();
  }
}

// ABS, ROUND, CEIL and FLOOR keep the numeric type (derived integer types become integer).
Value rounding(Builtin op, const Value& value) {
  switch (value.kind()) {
    case ValueKind::Integer:
      if (op == Builtin::Abs && value.integer_value() < 0) return negate(value);
      return Value::integer(value.integer_value());
    case ValueKind::Decimal:
      return Value::decimal(round_decimal(op, value.decimal_value()));
    case ValueKind::Float:
      return Value::float_number(round_floating(op, value.float_value()));
    case ValueKind::Double:
      return Value::double_number(round_floating(op, value.double_value()));
    default:
      return Value::error();
  }
}

Value random_double(FunctionContext& context) {
  // The top 53 bits give every double in [0, 1) with a 2^-53 spacing.
  return Value::double_number(double(context.random() >> 11) * 0x1.0p-53);
}

}  // namespace

std::optional<Decimal> numeric_as_decimal(const Value& value) {
  switch (value.kind()) {
    case ValueKind::Integer:
      return Decimal::from_integer(value.integer_value());
    case ValueKind::Decimal:
      return value.decimal_value();
    // The shortest decimal that reads back as the same float or double ("1.1", not
    // "1.10000002384185791015625").
    case ValueKind::Float:
      if (!std::isfinite(value.float_value())) return std::nullopt;
      return Decimal::parse_scientific(format_float(value.float_value()));
    case ValueKind::Double:
      return Decimal::from_double(value.double_value());
    default:
      return std::nullopt;
  }
}

double numeric_as_double(const Value& value) {
  switch (value.kind()) {
    case ValueKind::Integer:
      return double(value.integer_value());
    case ValueKind::Decimal:
      return value.decimal_value().to_double();
    case ValueKind::Float:
      return double(value.float_value());
    default:
      return value.double_value();
  }
}

PartialOrder compare_numbers(const Value& a, const Value& b) {
  switch (common_type(a, b)) {
    case ValueKind::Integer:
      return order_numbers(a.integer_value(), b.integer_value());
    case ValueKind::Decimal:
      return order_numbers(*numeric_as_decimal(a), *numeric_as_decimal(b));
    case ValueKind::Float:
      return order_numbers(to_float(a), to_float(b));
    default:
      return order_numbers(numeric_as_double(a), numeric_as_double(b));
  }
}

Value arithmetic(Builtin op, const Value& a, const Value& b) {
  if (!a.is_numeric() || !b.is_numeric()) return temporal_arithmetic(op, a, b);
  ValueKind type = common_type(a, b);
  // Integer division gives a decimal (XPath op:numeric-divide).
  if (type == ValueKind::Integer && op != Builtin::Divide)
    return integer_arithmetic(op, a.integer_value(), b.integer_value());
  if (type <= ValueKind::Decimal)
    return decimal_arithmetic(op, *numeric_as_decimal(a), *numeric_as_decimal(b));
  if (type == ValueKind::Float)
    return Value::float_number(floating_arithmetic(op, to_float(a), to_float(b)));
  return Value::double_number(floating_arithmetic(op, numeric_as_double(a), numeric_as_double(b)));
}

Value call_numeric_builtin(Builtin builtin, Args args, FunctionContext& context) {
  switch (builtin) {
    case Builtin::Add:
    case Builtin::Subtract:
    case Builtin::Multiply:
    case Builtin::Divide:
      return arithmetic(builtin, args[0], args[1]);
    case Builtin::UnaryPlus:
      if (!args[0].is_numeric()) return Value::error();
      return args[0].kind() == ValueKind::Integer ? Value::integer(args[0].integer_value())
                                                  : args[0];
    case Builtin::UnaryMinus:
      return negate(args[0]);
    case Builtin::Rand:
      return random_double(context);
    default:
      return rounding(builtin, args[0]);
  }
}

}  // namespace kg::sparql
