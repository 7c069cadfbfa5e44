// §17.4.5 functions on dates and times.
#include "rdf/vocabulary.hpp"
#include "sparql/func_library.hpp"
#include "sparql/func_xsd.hpp"

namespace kg::sparql {

namespace {

bool has_date(ValueKind kind) {
  return kind == ValueKind::DateTime || kind == ValueKind::Date;
}
bool has_time(ValueKind kind) {
  return kind == ValueKind::DateTime || kind == ValueKind::Time;
}

// NOW() is fixed per execution: the first call settles it if the evaluator did not.
Value now(FunctionContext& context) {
  if (context.now_lexical.empty()) context.now_lexical = current_datetime_lexical();
  return Value::typed_literal(context.now_lexical, rdf::vocab::kXsdDateTime);
}

Value field(Builtin builtin, const Value& value) {
  ValueKind kind = value.kind();
  bool date_field =
      builtin == Builtin::Year || builtin == Builtin::Month || builtin == Builtin::Day;
  if (date_field ? !has_date(kind) : !has_time(kind)) return Value::error();
  CivilTime civil = civil_time(value.temporal_value());
  switch (builtin) {
    case Builtin::Year:
      return Value::integer(civil.year);
    case Builtin::Month:
      return Value::integer(civil.month);
    case Builtin::Day:
      return Value::integer(civil.day);
    case Builtin::Hours:
      return Value::integer(civil.hour);
    case Builtin::Minutes:
      return Value::integer(civil.minute);
    default:
      return Value::decimal(civil.second);
  }
}

Value timezone(Builtin builtin, const Value& value) {
  if (!has_date(value.kind()) && !has_time(value.kind())) return Value::error();
  const DateTimeValue& temporal = value.temporal_value();
  if (builtin == Builtin::Tz) return Value::simple_string(format_timezone(temporal));
  if (!temporal.has_timezone) return Value::error();
  DurationValue offset{0, Decimal::from_integer(int64_t(temporal.timezone_minutes) * 60)};
  return Value::duration(DurationType::DayTime, offset);
}

DurationValue negated(DurationValue duration) {
  duration.months = -duration.months;
  duration.seconds = duration.seconds.negate();
  return duration;
}

// dateTime, date or time + duration. Times take day-time durations only and wrap around
// midnight; dates stay dates (XPath op:add-dayTimeDuration-to-date drops the time).
Value shift(const Value& temporal, const DurationValue& duration) {
  TemporalType type = temporal_type_of(temporal.kind());
  const DateTimeValue& value = temporal.temporal_value();
  if (type == TemporalType::Time) {
    auto seconds = value.seconds.add(duration.seconds);
    if (duration.months != 0 || !seconds) return Value::error();
    DateTimeValue result = value;
    result.seconds = wrap_to_day(*seconds);
    return Value::temporal(type, result);
  }
  auto result = add_duration(value, duration);
  if (!result) return Value::error();
  if (type == TemporalType::Date)
    result->seconds = *result->seconds.subtract(wrap_to_day(result->seconds));
  return Value::temporal(type, *result);
}

// The time between two instants; one without a time zone counts as UTC.
Value difference(const Value& a, const Value& b) {
  auto seconds = a.temporal_value().utc_seconds().subtract(b.temporal_value().utc_seconds());
  if (!seconds) return Value::error();
  return Value::duration(DurationType::DayTime, DurationValue{0, *seconds});
}

bool is_restricted_duration(ValueKind kind) {
  return kind == ValueKind::DayTimeDuration || kind == ValueKind::YearMonthDuration;
}

Value combine_durations(Builtin op, const Value& a, const Value& b) {
  DurationValue other = op == Builtin::Subtract ? negated(b.duration_value()) : b.duration_value();
  DurationValue sum = a.duration_value();
  auto seconds = sum.seconds.add(other.seconds);
  if (!seconds || __builtin_add_overflow(sum.months, other.months, &sum.months))
    return Value::error();
  sum.seconds = *seconds;
  return Value::duration(duration_type_of(a.kind()), sum);
}

// duration * number and duration / number; year-month durations round to whole months.
Value scale_duration(Builtin op, const Value& duration, const Value& number) {
  auto factor = numeric_as_decimal(number);
  if (!factor) return Value::error();
  bool months = duration.kind() == ValueKind::YearMonthDuration;
  const DurationValue& value = duration.duration_value();
  Decimal amount = months ? Decimal::from_integer(value.months) : value.seconds;
  auto scaled = op == Builtin::Multiply ? amount.multiply(*factor) : amount.divide(*factor);
  if (!scaled) return Value::error();
  DurationValue result;
  if (!months) {
    result.seconds = *scaled;
  } else if (auto rounded = scaled->round().to_integer()) {
    result.months = *rounded;
  } else {
    return Value::error();
  }
  return Value::duration(duration_type_of(duration.kind()), result);
}

Value duration_ratio(const Value& a, const Value& b) {
  const DurationValue &x = a.duration_value(), &y = b.duration_value();
  auto ratio = a.kind() == ValueKind::YearMonthDuration
                   ? Decimal::from_integer(x.months).divide(Decimal::from_integer(y.months))
                   : x.seconds.divide(y.seconds);
  return ratio ? Value::decimal(*ratio) : Value::error();
}

}  // namespace

Value temporal_arithmetic(Builtin op, const Value& a, const Value& b) {
  ValueKind x = a.kind(), y = b.kind();
  bool additive = op == Builtin::Add || op == Builtin::Subtract;
  if (op == Builtin::Subtract && is_temporal(x) && x == y) return difference(a, b);
  if (additive && is_temporal(x) && is_duration(y))
    return shift(a, op == Builtin::Subtract ? negated(b.duration_value()) : b.duration_value());
  if (op == Builtin::Add && is_duration(x) && is_temporal(y)) return shift(b, a.duration_value());
  if (additive && is_restricted_duration(x) && x == y) return combine_durations(op, a, b);
  if (op == Builtin::Multiply && is_restricted_duration(x) && b.is_numeric())
    return scale_duration(op, a, b);
  if (op == Builtin::Multiply && a.is_numeric() && is_restricted_duration(y))
    return scale_duration(op, b, a);
  if (op == Builtin::Divide && is_restricted_duration(x) && b.is_numeric())
    return scale_duration(op, a, b);
  if (op == Builtin::Divide && is_restricted_duration(x) && x == y) return duration_ratio(a, b);
  return Value::error();
}

Value call_datetime_builtin(Builtin builtin, Args args, FunctionContext& context) {
  switch (builtin) {
    case Builtin::Now:
      return now(context);
    case Builtin::Timezone:
    case Builtin::Tz:
      return timezone(builtin, args[0]);
    default:
      return field(builtin, args[0]);
  }
}

}  // namespace kg::sparql
