// Expression values: what SPARQL expressions compute on (§17). A Value is an RDF term, or the
// expression error. Values read from the store keep their node, so binding them back costs
// nothing; computed values are interned only when the evaluator binds them to a variable.
//
// The representation is private to the function library (src/sparql/functions*); the
// evaluator uses only this interface.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "rdf/node.hpp"
#include "rdf/term.hpp"
#include "sparql/func_datetime.hpp"
#include "sparql/func_decimal.hpp"

namespace kg::sparql {

// What a value is, as far as the operators and functions care.
enum class ValueKind : uint8_t {
  Error,
  Iri,
  Blank,
  String,      // simple literal (xsd:string)
  LangString,  // rdf:langString
  Boolean,
  Integer,  // xsd:integer and the types derived from it
  Decimal,
  Float,
  Double,
  DateTime,
  Date,
  Time,
  Duration,
  DayTimeDuration,
  YearMonthDuration,
  // A literal of any other datatype, or one whose lexical form its XSD datatype rejects
  // ("x"^^xsd:integer): compared by term only.
  OtherLiteral,
};

// The XSD datatypes the library knows; None for every other datatype (and non-literals).
enum class XsdType : uint8_t {
  None,
  String,
  Boolean,
  Decimal,
  Integer,
  NonPositiveInteger,
  NegativeInteger,
  Long,
  Int,
  Short,
  Byte,
  NonNegativeInteger,
  UnsignedLong,
  UnsignedInt,
  UnsignedShort,
  UnsignedByte,
  PositiveInteger,
  Float,
  Double,
  DateTime,
  DateTimeStamp,
  Date,
  Time,
  Duration,
  DayTimeDuration,
  YearMonthDuration,
};

class Value {
 public:
  Value();  // the error value
  static Value error() { return Value(); }
  static Value from_node(rdf::NodeRef node);
  static Value from_term(const rdf::Term& term);
  static Value boolean(bool value);
  static Value integer(int64_t value);
  static Value simple_string(std::string text);

  bool is_error() const;
  // The term this value stands for; an error value has none.
  std::optional<rdf::Term> to_term() const;
  // Interns the value in world (returning the original node when the value came from one);
  // null for the error value.
  rdf::NodeRef to_node(rdf::World& world) const;

  // ----- Added by the function library: building values of every kind, and reading them.

  static Value iri(std::string iri);
  static Value blank(std::string label);
  static Value lang_string(std::string text, std::string language);
  // A literal of any datatype. Known XSD datatypes are parsed, so "1"^^xsd:int is a number
  // and "x"^^xsd:int an OtherLiteral; xsd:string and "" give a simple literal.
  static Value typed_literal(std::string lexical, std::string_view datatype);
  // An integer of xsd:integer or a derived type; nothing checks the derived type's range.
  static Value integer(int64_t value, XsdType type);
  static Value decimal(Decimal value);
  static Value float_number(float value);
  static Value double_number(double value);
  static Value temporal(TemporalType type, const DateTimeValue& value);
  static Value duration(DurationType type, const DurationValue& value);

  ValueKind kind() const { return kind_; }
  // The literal's datatype when the library knows it (for OtherLiteral, the datatype whose
  // lexical space the literal violates, or None).
  XsdType xsd_type() const { return xsd_; }
  bool is_literal() const { return kind_ >= ValueKind::String; }
  bool is_numeric() const { return kind_ >= ValueKind::Integer && kind_ <= ValueKind::Double; }
  bool is_string_literal() const {
    return kind_ == ValueKind::String || kind_ == ValueKind::LangString;
  }

  // The IRI, blank node label or lexical form as stored: valid for IRIs, blank nodes,
  // strings, OtherLiterals and any value read from a node. Computed numbers, booleans and
  // dates have no stored text; lexical_form() works for every value.
  std::string_view text() const;
  std::string lexical_form() const;
  // "" unless the value is a language-tagged string.
  std::string_view language() const;
  // Literals only: rdf:langString for language-tagged strings, xsd:string for simple ones.
  std::string_view datatype_iri() const;

  bool boolean_value() const { return payload_.boolean; }
  int64_t integer_value() const { return payload_.integer; }
  Decimal decimal_value() const { return payload_.decimal; }
  float float_value() const { return payload_.float_number; }
  double double_value() const { return payload_.double_number; }
  const DateTimeValue& temporal_value() const { return payload_.temporal; }
  const DurationValue& duration_value() const { return payload_.duration; }

  // The same value in canonical lexical form ("01"^^xsd:integer becomes "1", "1E0"^^xsd:double
  // "1.0E0"), as casts return it; also what comparing results by value needs. Values other
  // than numbers, booleans, dates and durations are returned unchanged.
  Value canonical() const;

  // RDF term identity (sameTerm); the error value is the same as nothing.
  bool same_term(const Value& other) const;

  // Values are created for every row a FILTER looks at, so: no heap allocation for values
  // read from the store, nor for numbers, booleans and dates; a string only for computed
  // strings, IRIs and blank nodes (shared between copies).
 private:
  // The text of a value not read from a node; tag is the language of a language-tagged
  // string, or the datatype IRI of a typed literal that came from a Term.
  struct Text {
    std::string lexical;
    std::string tag;
  };
  union Payload {
    Payload() : integer(0) {}
    bool boolean;
    int64_t integer;
    Decimal decimal;
    float float_number;
    double double_number;
    DateTimeValue temporal;
    DurationValue duration;
  };

  Value(ValueKind kind, XsdType xsd) : kind_(kind), xsd_(xsd) {}
  template <typename T>
  static Value with_payload(ValueKind kind, XsdType xsd, T Payload::*slot, const T& value);
  static Value with_text(ValueKind kind, std::string lexical, std::string tag);
  bool has_text() const;
  // Sets kind_, xsd_ and payload_ from a typed literal's lexical form and datatype.
  void parse_literal(std::string_view lexical, std::string_view datatype);
  // Sets kind_ and the payload slot when the lexical form parsed.
  template <typename T>
  void parse_number_as(ValueKind kind, const std::optional<T>& parsed, T& slot);

  Payload payload_;
  rdf::NodeRef node_;
  std::shared_ptr<const Text> text_;
  ValueKind kind_ = ValueKind::Error;
  XsdType xsd_ = XsdType::None;
};

}  // namespace kg::sparql
