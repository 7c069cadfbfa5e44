// What SHACL needs to know about literal values: SHACL defines value comparison through
// SPARQL's operators (§4.3, §4.5.3), well-formedness through the XSD lexical spaces (§4.1.2),
// and sh:pattern through SPARQL's REGEX (§4.4.3). This is the one place that decides them, so
// that the SPARQL function library and the rdf layer's datatype checks can take over here
// alone once they are available.
#pragma once

#include <memory>
#include <string_view>

#include "rdf/node.hpp"

namespace kg::validate::shacl {

enum class Comparison { Less, LessOrEqual };

// Whether `a < b` (or `a <= b`) holds as SPARQL's operator says: numbers by value across the
// numeric types, strings by code point, booleans, and xsd:dateTime / xsd:date when both or
// neither have a time zone. Where SPARQL raises an error (incomparable terms), false.
bool comparison_holds(rdf::NodeRef a, Comparison comparison, rdf::NodeRef b);

// Whether a literal's lexical form is in the lexical space of its datatype (for the integer
// types, within their value range). Datatypes not checked here count as well-formed.
bool is_well_formed(rdf::NodeRef literal);

// A compiled sh:pattern with its sh:flags (the XPath flags s, m, i, x, q).
class Pattern {
 public:
  // Throws ValidationFailure for an invalid expression or flag.
  Pattern(std::string_view expression, std::string_view flags);
  ~Pattern();
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  bool matches(std::string_view text) const;

 private:
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace kg::validate::shacl
