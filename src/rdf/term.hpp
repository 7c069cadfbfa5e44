// An RDF term as a plain value: what parsers produce, writers consume and tests compare.
// Inside a store, terms are interned nodes (see node.hpp); Term is the store-free form.
#pragma once

#include <compare>
#include <functional>
#include <string>
#include <string_view>

namespace kg::rdf {

enum class TermKind : unsigned char { Iri, Blank, Literal };

// RDF 1.1 terms. Every literal has a datatype: simple literals are xsd:string and
// language-tagged ones rdf:langString; language tags are kept lower-case, so that equal terms
// compare equal byte for byte.
struct Term {
  TermKind kind = TermKind::Iri;
  std::string value;     // IRI, blank node label (without "_:"), or lexical form
  std::string datatype;  // literals only
  std::string language;  // rdf:langString only, lower-case

  static Term iri(std::string iri);
  static Term blank(std::string label);
  static Term literal(std::string lexical);  // xsd:string
  static Term typed_literal(std::string lexical, std::string datatype);
  static Term lang_literal(std::string lexical, std::string language);

  bool is_iri() const { return kind == TermKind::Iri; }
  bool is_blank() const { return kind == TermKind::Blank; }
  bool is_literal() const { return kind == TermKind::Literal; }

  // N-Triples syntax: <iri>, _:label, "lexical"@lang, "lexical"^^<datatype>, "simple".
  std::string to_ntriples() const;

  friend auto operator<=>(const Term&, const Term&) = default;
  friend bool operator==(const Term&, const Term&) = default;
};

// Escapes a string for the inside of an N-Triples/Turtle "..." literal.
std::string escape_string_literal(std::string_view text);
// Escapes an IRI for the inside of <...>.
std::string escape_iri(std::string_view iri);

std::string lowercase_ascii(std::string_view text);

}  // namespace kg::rdf

template <>
struct std::hash<kg::rdf::Term> {
  size_t operator()(const kg::rdf::Term& term) const noexcept;
};
