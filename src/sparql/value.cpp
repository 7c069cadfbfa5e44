#include "sparql/value.hpp"

#include "rdf/vocabulary.hpp"
#include "sparql/func_xsd.hpp"

namespace kg::sparql {

namespace {

using rdf::vocab::kRdfLangString;
using rdf::vocab::kXsdString;

}  // namespace

Value::Value() = default;

template <typename T>
Value Value::with_payload(ValueKind kind, XsdType xsd, T Payload::*slot, const T& value) {
  Value result(kind, xsd);
  result.payload_.*slot = value;
  return result;
}

template <typename T>
void Value::parse_number_as(ValueKind kind, const std::optional<T>& parsed, T& slot) {
  if (!parsed) return;
  kind_ = kind;
  slot = *parsed;
}

Value Value::with_text(ValueKind kind, std::string lexical, std::string tag) {
  Value value(kind, kind == ValueKind::String ? XsdType::String : XsdType::None);
  value.text_ = std::make_shared<const Text>(Text{std::move(lexical), std::move(tag)});
  return value;
}

Value Value::from_node(rdf::NodeRef node) {
  Value value;
  if (node.is_null()) return value;
  value.node_ = node;
  switch (node.kind()) {
    case rdf::TermKind::Iri:
      value.kind_ = ValueKind::Iri;
      return value;
    case rdf::TermKind::Blank:
      value.kind_ = ValueKind::Blank;
      return value;
    case rdf::TermKind::Literal:
      break;
  }
  rdf::NodeRef datatype = node.explicit_datatype();
  if (datatype.is_null()) {
    bool tagged = !node.language().empty();
    value.kind_ = tagged ? ValueKind::LangString : ValueKind::String;
    value.xsd_ = tagged ? XsdType::None : XsdType::String;
    return value;
  }
  value.parse_literal(node.value(), datatype.value());
  return value;
}

Value Value::from_term(const rdf::Term& term) {
  switch (term.kind) {
    case rdf::TermKind::Iri:
      return iri(term.value);
    case rdf::TermKind::Blank:
      return blank(term.value);
    case rdf::TermKind::Literal:
      break;
  }
  if (!term.language.empty()) return lang_string(term.value, term.language);
  return typed_literal(term.value, term.datatype);
}

Value Value::boolean(bool value) {
  return with_payload(ValueKind::Boolean, XsdType::Boolean, &Payload::boolean, value);
}

Value Value::integer(int64_t value) {
  return integer(value, XsdType::Integer);
}

Value Value::integer(int64_t value, XsdType type) {
  return with_payload(ValueKind::Integer, type, &Payload::integer, value);
}

Value Value::decimal(Decimal value) {
  return with_payload(ValueKind::Decimal, XsdType::Decimal, &Payload::decimal, value);
}

Value Value::float_number(float value) {
  return with_payload(ValueKind::Float, XsdType::Float, &Payload::float_number, value);
}

Value Value::double_number(double value) {
  return with_payload(ValueKind::Double, XsdType::Double, &Payload::double_number, value);
}

Value Value::temporal(TemporalType type, const DateTimeValue& value) {
  return with_payload(value_kind_of(type), xsd_type_of(type), &Payload::temporal, value);
}

Value Value::duration(DurationType type, const DurationValue& value) {
  return with_payload(value_kind_of(type), xsd_type_of(type), &Payload::duration, value);
}

Value Value::simple_string(std::string text) {
  return with_text(ValueKind::String, std::move(text), {});
}

Value Value::iri(std::string iri) {
  return with_text(ValueKind::Iri, std::move(iri), {});
}

Value Value::blank(std::string label) {
  return with_text(ValueKind::Blank, std::move(label), {});
}

Value Value::lang_string(std::string text, std::string language) {
  if (language.empty()) return simple_string(std::move(text));
  return with_text(ValueKind::LangString, std::move(text), rdf::lowercase_ascii(language));
}

Value Value::typed_literal(std::string lexical, std::string_view datatype) {
  if (datatype.empty() || datatype == kXsdString) return simple_string(std::move(lexical));
  Value value = with_text(ValueKind::OtherLiteral, std::move(lexical), std::string(datatype));
  value.parse_literal(value.text_->lexical, datatype);
  return value;
}

void Value::parse_literal(std::string_view lexical, std::string_view datatype) {
  kind_ = ValueKind::OtherLiteral;
  xsd_ = xsd_type_of(datatype);
  if (auto temporal = temporal_type_of(xsd_)) {
    auto parsed = parse_temporal(*temporal, trim_xml_whitespace(lexical));
    if (!parsed || (xsd_ == XsdType::DateTimeStamp && !parsed->has_timezone)) return;
    kind_ = value_kind_of(*temporal);
    payload_.temporal = *parsed;
  } else if (auto duration = duration_type_of(xsd_)) {
    auto parsed = parse_duration(*duration, trim_xml_whitespace(lexical));
    if (!parsed) return;
    kind_ = value_kind_of(*duration);
    payload_.duration = *parsed;
  } else if (xsd_ == XsdType::String) {
    kind_ = ValueKind::String;
  } else if (xsd_ == XsdType::Boolean) {
    parse_number_as(ValueKind::Boolean, parse_boolean_lexical(lexical), payload_.boolean);
  } else if (xsd_ == XsdType::Decimal) {
    parse_number_as(ValueKind::Decimal, Decimal::parse(trim_xml_whitespace(lexical)),
                    payload_.decimal);
  } else if (xsd_ == XsdType::Float) {
    parse_number_as(ValueKind::Float, parse_float_lexical(lexical), payload_.float_number);
  } else if (xsd_ == XsdType::Double) {
    parse_number_as(ValueKind::Double, parse_double_lexical(lexical), payload_.double_number);
  } else if (is_integer_type(xsd_)) {
    auto parsed = parse_integer_lexical(lexical);
    if (parsed && !integer_in_range(xsd_, *parsed)) parsed.reset();
    parse_number_as(ValueKind::Integer, parsed, payload_.integer);
  }
}

bool Value::is_error() const {
  return kind_ == ValueKind::Error;
}

bool Value::has_text() const {
  return !node_.is_null() || text_;
}

std::string_view Value::text() const {
  if (!node_.is_null()) return node_.value();
  if (text_) return text_->lexical;
  return {};
}

std::string Value::lexical_form() const {
  if (has_text()) return std::string(text());
  switch (kind_) {
    case ValueKind::Boolean:
      return payload_.boolean ? "true" : "false";
    case ValueKind::Integer:
      return std::to_string(payload_.integer);
    case ValueKind::Decimal:
      return payload_.decimal.to_canonical();
    case ValueKind::Float:
      return format_float(payload_.float_number);
    case ValueKind::Double:
      return format_double(payload_.double_number);
    case ValueKind::DateTime:
    case ValueKind::Date:
    case ValueKind::Time:
      return format_temporal(temporal_type_of(kind_), payload_.temporal);
    case ValueKind::Duration:
    case ValueKind::DayTimeDuration:
    case ValueKind::YearMonthDuration:
      return format_duration(duration_type_of(kind_), payload_.duration);
    default:
      return {};
  }
}

std::string_view Value::language() const {
  if (kind_ != ValueKind::LangString) return {};
  if (!node_.is_null()) return node_.language();
  return text_->tag;
}

std::string_view Value::datatype_iri() const {
  if (!is_literal()) return {};
  if (!node_.is_null()) return node_.datatype_iri();
  if (kind_ == ValueKind::LangString) return kRdfLangString;
  if (text_ && !text_->tag.empty()) return text_->tag;
  return xsd_type_iri(xsd_);
}

std::optional<rdf::Term> Value::to_term() const {
  switch (kind_) {
    case ValueKind::Error:
      return std::nullopt;
    case ValueKind::Iri:
      return rdf::Term::iri(std::string(text()));
    case ValueKind::Blank:
      return rdf::Term::blank(std::string(text()));
    case ValueKind::LangString:
      return rdf::Term::lang_literal(std::string(text()), std::string(language()));
    default:
      return rdf::Term::typed_literal(lexical_form(), std::string(datatype_iri()));
  }
}

rdf::NodeRef Value::to_node(rdf::World& world) const {
  if (!node_.is_null()) return node_;
  switch (kind_) {
    case ValueKind::Error:
      return {};
    case ValueKind::Iri:
      return world.iri(text());
    case ValueKind::Blank:
      return world.blank(text());
    case ValueKind::LangString:
      return world.literal(text(), {}, language());
    default:
      return world.literal(lexical_form(), datatype_iri());
  }
}

Value Value::canonical() const {
  switch (kind_) {
    case ValueKind::Boolean:
    case ValueKind::Integer:
    case ValueKind::Decimal:
    case ValueKind::Float:
    case ValueKind::Double:
    case ValueKind::DateTime:
    case ValueKind::Date:
    case ValueKind::Time:
    case ValueKind::Duration:
    case ValueKind::DayTimeDuration:
    case ValueKind::YearMonthDuration: {
      Value copy(kind_, xsd_);
      copy.payload_ = payload_;
      return copy;
    }
    default:
      return *this;
  }
}

bool Value::same_term(const Value& other) const {
  if (!node_.is_null() && !other.node_.is_null()) return node_ == other.node_;
  bool literal = is_literal();
  if (kind_ == ValueKind::Error || other.kind_ == ValueKind::Error) return false;
  if (literal != other.is_literal()) return false;
  if (!literal) return kind_ == other.kind_ && text() == other.text();
  if ((kind_ == ValueKind::LangString) != (other.kind_ == ValueKind::LangString)) return false;
  if (datatype_iri() != other.datatype_iri() || language() != other.language()) return false;
  if (has_text() && other.has_text()) return text() == other.text();
  return lexical_form() == other.lexical_form();
}

}  // namespace kg::sparql
