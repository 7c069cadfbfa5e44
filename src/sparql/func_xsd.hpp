// The XSD datatypes the function library knows: their IRIs, the lexical spaces of booleans and
// numbers, and the canonical forms of computed numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sparql/value.hpp"

namespace kg::sparql {

std::string_view xsd_type_iri(XsdType type);
// None for IRIs outside the XSD namespace and for XSD types the library does not model.
XsdType xsd_type_of(std::string_view datatype_iri);

bool is_integer_type(XsdType type);

// How the temporal and duration value kinds, the types of func_datetime.hpp and the XSD
// datatypes correspond.
bool is_temporal(ValueKind kind);
bool is_duration(ValueKind kind);
TemporalType temporal_type_of(ValueKind kind);
DurationType duration_type_of(ValueKind kind);
ValueKind value_kind_of(TemporalType type);
ValueKind value_kind_of(DurationType type);
XsdType xsd_type_of(TemporalType type);
XsdType xsd_type_of(DurationType type);
std::optional<TemporalType> temporal_type_of(XsdType type);
std::optional<DurationType> duration_type_of(XsdType type);
// Whether value lies in the value space of an integer type (xsd:byte: -128..127, ...).
bool integer_in_range(XsdType type, int64_t value);

// XSD's whiteSpace="collapse" for non-string types: leading and trailing spaces, tabs and
// line breaks do not count.
std::string_view trim_xml_whitespace(std::string_view text);

std::optional<bool> parse_boolean_lexical(std::string_view lexical);
// [+-]?[0-9]+, within 64 bits.
std::optional<int64_t> parse_integer_lexical(std::string_view lexical);
// The xsd:double / xsd:float lexical space: decimals with an optional exponent, INF, -INF,
// +INF and NaN; magnitudes beyond the type's range become infinite.
std::optional<double> parse_double_lexical(std::string_view lexical);
std::optional<float> parse_float_lexical(std::string_view lexical);

// XSD 1.0 canonical forms, the form of computed floats and doubles: "1.0E0", "-2.5E-3",
// "0.0E0", "INF", "NaN".
std::string format_double(double value);
std::string format_float(float value);
// The XPath cast to xs:string: plain decimal notation between 1e-6 and 1e6 ("1", "0.25"),
// the canonical form otherwise.
std::string double_to_xpath_string(double value);
std::string float_to_xpath_string(float value);

}  // namespace kg::sparql
