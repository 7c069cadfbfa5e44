// §17.4.2 functions on RDF terms: isIRI ... STR, LANG, DATATYPE, IRI, BNODE, STRDT, STRLANG,
// UUID, STRUUID.
#include <cstdio>

#include "rdf/datatypes.hpp"
#include "rdf/iri.hpp"
#include "rdf/vocabulary.hpp"
#include "sparql/func_library.hpp"
#include "sparql/func_xsd.hpp"

namespace kg::sparql {

namespace {

// A version 4 (random) UUID in its lower-case hexadecimal form.
std::string random_uuid(std::mt19937_64& random) {
  uint64_t high = random(), low = random();
  high = (high & ~0xF000ULL) | 0x4000ULL;            // version 4
  low = (low & ~(0xC0ULL << 56)) | (0x80ULL << 56);  // RFC 4122 variant
  char text[40];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", unsigned(high >> 32),
                unsigned(high >> 16 & 0xFFFF), unsigned(high & 0xFFFF), unsigned(low >> 48),
                static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
  return text;
}

Value str(const Value& value) {
  switch (value.kind()) {
    case ValueKind::Error:
    case ValueKind::Blank:
      return Value::error();
    case ValueKind::String:
      return value;
    case ValueKind::Iri:
    case ValueKind::LangString:
      return Value::simple_string(std::string(value.text()));
    default:
      return Value::simple_string(value.lexical_form());
  }
}

Value iri(const Value& value, const FunctionContext& context) {
  if (value.kind() == ValueKind::Iri) return value;
  if (value.kind() != ValueKind::String) return Value::error();
  return Value::iri(rdf::resolve_iri(context.base_iri, value.text()));
}

Value bnode(Args args, FunctionContext& context) {
  if (args.empty()) return Value::blank(context.fresh_blank_label());
  if (args[0].kind() != ValueKind::String) return Value::error();
  return Value::blank(context.blank_label_for(args[0].text()));
}

// rdf:langString is refused: a literal of that type needs a language tag (STRLANG's job).
Value strdt(const Value& lexical, const Value& datatype) {
  if (lexical.kind() != ValueKind::String || datatype.kind() != ValueKind::Iri ||
      datatype.text() == rdf::vocab::kRdfLangString)
    return Value::error();
  return Value::typed_literal(std::string(lexical.text()), datatype.text());
}

Value strlang(const Value& lexical, const Value& language) {
  if (lexical.kind() != ValueKind::String || language.kind() != ValueKind::String ||
      !rdf::is_language_tag(language.text()))
    return Value::error();
  return Value::lang_string(std::string(lexical.text()), std::string(language.text()));
}

}  // namespace

Value call_term_builtin(Builtin builtin, Args args, FunctionContext& context) {
  if (builtin == Builtin::Bnode) return bnode(args, context);
  if (builtin == Builtin::Uuid) return Value::iri("urn:uuid:" + random_uuid(context.random));
  if (builtin == Builtin::StrUuid) return Value::simple_string(random_uuid(context.random));
  const Value& value = args[0];
  if (value.is_error()) return Value::error();
  switch (builtin) {
    case Builtin::IsIri:
      return Value::boolean(value.kind() == ValueKind::Iri);
    case Builtin::IsBlank:
      return Value::boolean(value.kind() == ValueKind::Blank);
    case Builtin::IsLiteral:
      return Value::boolean(value.is_literal());
    case Builtin::IsNumeric:
      return Value::boolean(value.is_numeric());
    case Builtin::Str:
      return str(value);
    case Builtin::Lang:
      if (!value.is_literal()) return Value::error();
      return Value::simple_string(std::string(value.language()));
    case Builtin::Datatype:
      if (!value.is_literal()) return Value::error();
      return Value::iri(std::string(value.datatype_iri()));
    case Builtin::Iri:
      return iri(value, context);
    case Builtin::StrDt:
      return strdt(value, args[1]);
    case Builtin::StrLang:
      return strlang(value, args[1]);
    default:
      return Value::error();
  }
}

}  // namespace kg::sparql
