// Equality, the comparison operators, effective boolean value and the ORDER BY order.
#include <cmath>

#include "sparql/func_library.hpp"
#include "sparql/func_xsd.hpp"

namespace kg::sparql {

namespace {

template <typename T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : b < a ? 1 : 0;
}

Value compare_operator(Builtin op, const Value& a, const Value& b) {
  auto order = value_order(a, b);
  if (!order || *order == PartialOrder::Indeterminate) return Value::error();
  switch (op) {
    case Builtin::Less:
      return Value::boolean(*order == PartialOrder::Less);
    case Builtin::Greater:
      return Value::boolean(*order == PartialOrder::Greater);
    case Builtin::LessOrEqual:
      return Value::boolean(*order == PartialOrder::Less || *order == PartialOrder::Equal);
    case Builtin::GreaterOrEqual:
      return Value::boolean(*order == PartialOrder::Greater || *order == PartialOrder::Equal);
    default:
      return Value::error();
  }
}

// ORDER BY groups literals of unrelated types in this order.
int literal_group(ValueKind kind) {
  switch (kind) {
    case ValueKind::Integer:
    case ValueKind::Decimal:
    case ValueKind::Float:
    case ValueKind::Double:
      return 0;
    case ValueKind::String:
    case ValueKind::LangString:
      return 1;
    case ValueKind::Boolean:
      return 2;
    case ValueKind::DateTime:
      return 3;
    case ValueKind::Date:
      return 4;
    case ValueKind::Time:
      return 5;
    case ValueKind::Duration:
    case ValueKind::DayTimeDuration:
    case ValueKind::YearMonthDuration:
      return 6;
    default:
      return 7;
  }
}

bool is_nan(const Value& value) {
  return (value.kind() == ValueKind::Double && std::isnan(value.double_value())) ||
         (value.kind() == ValueKind::Float && std::isnan(value.float_value()));
}

// Within one literal group: by value where values are ordered, with total fallbacks where
// XPath leaves them unordered (NaN first; dates without time zone as if in UTC).
int order_within_group(const Value& a, const Value& b) {
  if (a.is_numeric()) {
    if (is_nan(a) || is_nan(b)) return int(!is_nan(a)) - int(!is_nan(b));
    PartialOrder order = compare_numbers(a, b);
    return order == PartialOrder::Less ? -1 : order == PartialOrder::Greater ? 1 : 0;
  }
  if (a.is_string_literal()) {
    if (int c = a.text().compare(b.text())) return c;
    return a.language().compare(b.language());
  }
  if (a.kind() == ValueKind::Boolean) return int(a.boolean_value()) - int(b.boolean_value());
  if (is_temporal(a.kind())) {
    const DateTimeValue &x = a.temporal_value(), &y = b.temporal_value();
    if (int c = three_way(x.utc_seconds(), y.utc_seconds())) return c;
    return int(x.has_timezone) - int(y.has_timezone);
  }
  if (is_duration(a.kind())) {
    const DurationValue &x = a.duration_value(), &y = b.duration_value();
    if (int c = three_way(x.months, y.months)) return c;
    return three_way(x.seconds, y.seconds);
  }
  return a.datatype_iri().compare(b.datatype_iri());
}

}  // namespace

std::optional<PartialOrder> value_order(const Value& a, const Value& b) {
  ValueKind x = a.kind(), y = b.kind();
  if (a.is_numeric() && b.is_numeric()) return compare_numbers(a, b);
  if (x == ValueKind::String && y == ValueKind::String) return order_of(a.text().compare(b.text()));
  if (x == ValueKind::Boolean && y == ValueKind::Boolean)
    return order_of(int(a.boolean_value()) - int(b.boolean_value()));
  if (is_temporal(x) && x == y) return compare_temporal(a.temporal_value(), b.temporal_value());
  if (is_duration(x) && is_duration(y))
    return compare_durations(duration_type_of(x), a.duration_value(), duration_type_of(y),
                             b.duration_value());
  return std::nullopt;
}

std::optional<bool> equal(const Value& a, const Value& b) {
  if (a.is_error() || b.is_error()) return std::nullopt;
  if (a.kind() == ValueKind::LangString && b.kind() == ValueKind::LangString)
    return a.text() == b.text() && a.language() == b.language();
  if (auto order = value_order(a, b)) {
    if (*order == PartialOrder::Indeterminate) return std::nullopt;
    return *order == PartialOrder::Equal;
  }
  if (a.same_term(b)) return true;
  if (!a.is_literal() || !b.is_literal()) return false;
  // A language-tagged string never equals a literal of another type; a literal of an
  // unknown (or ill-typed) datatype might equal any other literal, so that is an error.
  if (a.kind() == ValueKind::LangString || b.kind() == ValueKind::LangString) return false;
  if (a.kind() == ValueKind::OtherLiteral || b.kind() == ValueKind::OtherLiteral)
    return std::nullopt;
  return false;
}

std::optional<bool> effective_boolean_value(const Value& value) {
  switch (value.kind()) {
    case ValueKind::Boolean:
      return value.boolean_value();
    case ValueKind::String:
    case ValueKind::LangString:
      return !value.text().empty();
    case ValueKind::Integer:
      return value.integer_value() != 0;
    case ValueKind::Decimal:
      return !value.decimal_value().is_zero();
    case ValueKind::Float:
      return !is_nan(value) && value.float_value() != 0;
    case ValueKind::Double:
      return !is_nan(value) && value.double_value() != 0;
    case ValueKind::OtherLiteral: {
      // §17.2.2: a boolean or numeric literal with an invalid lexical form is false.
      XsdType type = value.xsd_type();
      if (type == XsdType::Boolean || type == XsdType::Decimal || type == XsdType::Float ||
          type == XsdType::Double || (type >= XsdType::Integer && type <= XsdType::PositiveInteger))
        return false;
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

int order_compare(const Value& a, const Value& b) {
  auto rank = [](const Value& v) {
    return v.is_error() ? 0 : v.kind() == ValueKind::Blank ? 1 : v.kind() == ValueKind::Iri ? 2 : 3;
  };
  if (int c = rank(a) - rank(b)) return c;
  if (a.is_error()) return 0;
  if (!a.is_literal()) return a.text().compare(b.text());
  if (int c = literal_group(a.kind()) - literal_group(b.kind())) return c;
  if (int c = order_within_group(a, b)) return c;
  // Equal values of different terms (1 and 1.0, "1"^^xsd:boolean and true): any fixed order.
  if (int c = int(a.kind()) - int(b.kind())) return c;
  if (int c = a.datatype_iri().compare(b.datatype_iri())) return c;
  return a.lexical_form().compare(b.lexical_form());
}

Value call_comparison_builtin(Builtin builtin, Args args) {
  if (builtin == Builtin::LogicalNot) {
    auto truth = effective_boolean_value(args[0]);
    return truth ? Value::boolean(!*truth) : Value::error();
  }
  const Value &a = args[0], &b = args[1];
  if (builtin == Builtin::SameTerm) {
    if (a.is_error() || b.is_error()) return Value::error();
    return Value::boolean(a.same_term(b));
  }
  if (builtin == Builtin::Equal || builtin == Builtin::NotEqual) {
    auto same = equal(a, b);
    if (!same) return Value::error();
    return Value::boolean(builtin == Builtin::Equal ? *same : !*same);
  }
  return compare_operator(builtin, a, b);
}

}  // namespace kg::sparql
