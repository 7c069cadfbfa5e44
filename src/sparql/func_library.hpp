// Internal to the function library: the groups call_builtin dispatches to (functions_*.cpp),
// and the helpers several groups share.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "sparql/functions.hpp"
#include "sparql/value.hpp"

namespace kg::sparql {

using Args = std::span<const Value>;

// functions_compare.cpp: = != < > <= >= sameTerm !
Value call_comparison_builtin(Builtin builtin, Args args);
// functions_numeric.cpp: + - * / unary + -, ABS ROUND CEIL FLOOR RAND
Value call_numeric_builtin(Builtin builtin, Args args, FunctionContext& context);
// functions_terms.cpp: isIRI ... STR LANG DATATYPE IRI BNODE STRDT STRLANG UUID STRUUID
Value call_term_builtin(Builtin builtin, Args args, FunctionContext& context);
// functions_string.cpp: STRLEN ... LANGMATCHES, and the hashes
Value call_string_builtin(Builtin builtin, Args args, FunctionContext& context);
// functions_hash.cpp: MD5 SHA1 SHA256 SHA384 SHA512
Value hash_string(Builtin builtin, const Value& value);
// functions_regex.cpp: REGEX REPLACE
Value call_regex_builtin(Builtin builtin, Args args, FunctionContext& context);
// functions_datetime.cpp: NOW YEAR ... TZ
Value call_datetime_builtin(Builtin builtin, Args args, FunctionContext& context);

// The value order of two literals whose types have one (numbers, strings, booleans, dates,
// durations); nullopt when the types are not comparable.
std::optional<PartialOrder> value_order(const Value& a, const Value& b);
// Both numeric; promotes integer -> decimal -> float -> double (XPath §B.1).
PartialOrder compare_numbers(const Value& a, const Value& b);
Value arithmetic(Builtin op, const Value& a, const Value& b);
// A numeric value as a double (the promotion's last step), or as a decimal (nullopt for NaN
// and infinities).
double numeric_as_double(const Value& value);
std::optional<Decimal> numeric_as_decimal(const Value& value);
// functions_datetime.cpp: the XPath operators on dates, times and durations (dateTime -
// dateTime, date + duration, duration * number, ...); the error value for other operands.
Value temporal_arithmetic(Builtin op, const Value& a, const Value& b);

// A literal like model (same language tag, if any) with new text, as STRBEFORE, SUBSTR, UCASE,
// ... return.
Value string_like(const Value& model, std::string text);
// §17.4.3.1.1: both string literals, and b is simple or has a's language tag.
bool argument_compatible(const Value& a, const Value& b);

}  // namespace kg::sparql
