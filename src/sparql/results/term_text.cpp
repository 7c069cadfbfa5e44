#include <cctype>

#include "rdf/vocabulary.hpp"
#include "sparql/results/writer_base.hpp"

namespace kg::sparql::results_detail {

namespace {

// Consumes [0-9]* from text at pos; returns how many digits it took.
size_t skip_digits(std::string_view text, size_t& pos) {
  size_t start = pos;
  while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])))
    ++pos;
  return pos - start;
}

void skip_sign(std::string_view text, size_t& pos) {
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
}

bool is_turtle_integer(std::string_view text) {
  size_t pos = 0;
  skip_sign(text, pos);
  return skip_digits(text, pos) > 0 && pos == text.size();
}

bool is_turtle_decimal(std::string_view text) {
  size_t pos = 0;
  skip_sign(text, pos);
  skip_digits(text, pos);
  if (pos >= text.size() || text[pos] != '.') return false;
  ++pos;
  return skip_digits(text, pos) > 0 && pos == text.size();
}

// [+-]? (digits '.' digits? | '.' digits | digits) [eE] [+-]? digits
bool is_turtle_double(std::string_view text) {
  size_t pos = 0;
  skip_sign(text, pos);
  size_t mantissa_digits = skip_digits(text, pos);
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    mantissa_digits += skip_digits(text, pos);
  }
  if (mantissa_digits == 0 || pos >= text.size() || (text[pos] != 'e' && text[pos] != 'E'))
    return false;
  ++pos;
  skip_sign(text, pos);
  return skip_digits(text, pos) > 0 && pos == text.size();
}

std::string iri_text(std::string_view iri, const rdf::PrefixMap* prefixes) {
  if (prefixes)
    if (auto name = prefixes->abbreviate(iri)) return *name;
  return '<' + rdf::escape_iri(iri) + '>';
}

}  // namespace

bool has_bare_turtle_form(std::string_view lexical, std::string_view datatype) {
  if (datatype == rdf::vocab::kXsdInteger) return is_turtle_integer(lexical);
  if (datatype == rdf::vocab::kXsdDecimal) return is_turtle_decimal(lexical);
  if (datatype == rdf::vocab::kXsdDouble) return is_turtle_double(lexical);
  if (datatype == rdf::vocab::kXsdBoolean) return lexical == "true" || lexical == "false";
  return false;
}

std::string turtle_term(rdf::NodeRef node, const rdf::PrefixMap* prefixes) {
  if (node.is_iri()) return iri_text(node.value(), prefixes);
  if (node.is_blank()) return "_:" + std::string(node.value());
  std::string_view datatype = node.datatype_iri();
  if (has_bare_turtle_form(node.value(), datatype)) return std::string(node.value());
  std::string text = '"' + rdf::escape_string_literal(node.value()) + '"';
  if (!node.language().empty()) return text + '@' + std::string(node.language());
  if (datatype == rdf::vocab::kXsdString) return text;
  return text + "^^" + iri_text(datatype, prefixes);
}

}  // namespace kg::sparql::results_detail
