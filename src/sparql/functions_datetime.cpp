// §17.4.5 functions on dates and times.
#include "rdf/vocabulary.hpp"
#include "sparql/func_library.hpp"

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

}  // namespace

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
