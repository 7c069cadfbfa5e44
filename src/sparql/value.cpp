#include "sparql/value.hpp"

#include "rdf/vocabulary.hpp"
#include "sparql/func_xsd.hpp"

namespace kg::sparql {

namespace {

using rdf::vocab::kRdfLangString;
using rdf::vocab::kXsdString;

ValueKind temporal_kind(TemporalType type) {
  switch (type) {
    case TemporalType::DateTime:
      return ValueKind::DateTime;
    case TemporalType::Date:
      return ValueKind::Date;
    case TemporalType::Time:
      return ValueKind::Time;
  }
  return ValueKind::DateTime;
}

XsdType temporal_xsd(TemporalType type) {
  switch (type) {
    case TemporalType::DateTime:
      return XsdType::DateTime;
    case TemporalType::Date:
      return XsdType::Date;
    case TemporalType::Time:
      return XsdType::Time;
  }
  return XsdType::DateTime;
}

ValueKind duration_kind(DurationType type) {
  switch (type) {
    case DurationType::Duration:
      return ValueKind::Duration;
    case DurationType::DayTime:
      return ValueKind::DayTimeDuration;
    case DurationType::YearMonth:
      return ValueKind::YearMonthDuration;
  }
  return ValueKind::Duration;
}

XsdType duration_xsd(DurationType type) {
  switch (type) {
    case DurationType::Duration:
      return XsdType::Duration;
    case DurationType::DayTime:
      return XsdType::DayTimeDuration;
    case DurationType::YearMonth:
      return XsdType::YearMonthDuration;
  }
  return XsdType::Duration;
}

TemporalType temporal_type(ValueKind kind) {
  return kind == ValueKind::Date   ? TemporalType::Date
         : kind == ValueKind::Time ? TemporalType::Time
                                   : TemporalType::DateTime;
}

DurationType duration_type(ValueKind kind) {
  return kind == ValueKind::DayTimeDuration     ? DurationType::DayTime
         : kind == ValueKind::YearMonthDuration ? DurationType::YearMonth
                                                : DurationType::Duration;
}

}  // namespace

Value::Value() = default;

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
  if (node.explicit_datatype().is_null()) {
    bool tagged = !node.language().empty();
    value.kind_ = tagged ? ValueKind::LangString : ValueKind::String;
    value.xsd_ = tagged ? XsdType::None : XsdType::String;
    return value;
  }
  value.parse_literal(node.value(), node.datatype_iri());
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
  Value result(ValueKind::Boolean, XsdType::Boolean);
  result.payload_.boolean = value;
  return result;
}

Value Value::integer(int64_t value) {
  return integer(value, XsdType::Integer);
}

Value Value::integer(int64_t value, XsdType type) {
  Value result(ValueKind::Integer, type);
  result.payload_.integer = value;
  return result;
}

Value Value::decimal(Decimal value) {
  Value result(ValueKind::Decimal, XsdType::Decimal);
  result.payload_.decimal = value;
  return result;
}

Value Value::float_number(float value) {
  Value result(ValueKind::Float, XsdType::Float);
  result.payload_.float_number = value;
  return result;
}

Value Value::double_number(double value) {
  Value result(ValueKind::Double, XsdType::Double);
  result.payload_.double_number = value;
  return result;
}

Value Value::temporal(TemporalType type, const DateTimeValue& value) {
  Value result(temporal_kind(type), temporal_xsd(type));
  result.payload_.temporal = value;
  return result;
}

Value Value::duration(DurationType type, const DurationValue& value) {
  Value result(duration_kind(type), duration_xsd(type));
  result.payload_.duration = value;
  return result;
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
  auto parse_temporal_as = [&](TemporalType type) {
    if (auto parsed = parse_temporal(type, trim_xml_whitespace(lexical))) {
      if (xsd_ == XsdType::DateTimeStamp && !parsed->has_timezone) return;
      kind_ = temporal_kind(type);
      payload_.temporal = *parsed;
    }
  };
  auto parse_duration_as = [&](DurationType type) {
    if (auto parsed = parse_duration(type, trim_xml_whitespace(lexical))) {
      kind_ = duration_kind(type);
      payload_.duration = *parsed;
    }
  };
  switch (xsd_) {
    case XsdType::None:
      return;
    case XsdType::String:
      kind_ = ValueKind::String;
      return;
    case XsdType::Boolean:
      if (auto parsed = parse_boolean_lexical(lexical)) {
        kind_ = ValueKind::Boolean;
        payload_.boolean = *parsed;
      }
      return;
    case XsdType::Decimal:
      if (auto parsed = Decimal::parse(trim_xml_whitespace(lexical))) {
        kind_ = ValueKind::Decimal;
        payload_.decimal = *parsed;
      }
      return;
    case XsdType::Float:
      if (auto parsed = parse_float_lexical(lexical)) {
        kind_ = ValueKind::Float;
        payload_.float_number = *parsed;
      }
      return;
    case XsdType::Double:
      if (auto parsed = parse_double_lexical(lexical)) {
        kind_ = ValueKind::Double;
        payload_.double_number = *parsed;
      }
      return;
    case XsdType::DateTime:
    case XsdType::DateTimeStamp:
      parse_temporal_as(TemporalType::DateTime);
      return;
    case XsdType::Date:
      parse_temporal_as(TemporalType::Date);
      return;
    case XsdType::Time:
      parse_temporal_as(TemporalType::Time);
      return;
    case XsdType::Duration:
      parse_duration_as(DurationType::Duration);
      return;
    case XsdType::DayTimeDuration:
      parse_duration_as(DurationType::DayTime);
      return;
    case XsdType::YearMonthDuration:
      parse_duration_as(DurationType::YearMonth);
      return;
    default:
      break;
  }
  auto parsed = parse_integer_lexical(lexical);
  if (parsed && integer_in_range(xsd_, *parsed)) {
    kind_ = ValueKind::Integer;
    payload_.integer = *parsed;
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
      return format_temporal(temporal_type(kind_), payload_.temporal);
    case ValueKind::Duration:
    case ValueKind::DayTimeDuration:
    case ValueKind::YearMonthDuration:
      return format_duration(duration_type(kind_), payload_.duration);
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
