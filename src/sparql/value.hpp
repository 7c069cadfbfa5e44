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

namespace kg::sparql {

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

  // The members below are the function library's to define. Values are created for every
  // row a FILTER looks at, so: no heap allocation for values read from the store, nor for
  // numbers, booleans and dates; a string only for computed strings.
 private:
};

}  // namespace kg::sparql
