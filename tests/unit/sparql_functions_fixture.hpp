// Shared helpers for the function library tests: values built from interned nodes (the path
// the evaluator takes) or from terms, and a compact printed form of results.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/node.hpp"
#include "rdf/vocabulary.hpp"
#include "sparql/functions.hpp"
#include "sparql/value.hpp"

namespace kg::sparql::testing {

// N-Triples with the XSD namespace abbreviated: "2.0"^^xsd:decimal, "a"@en, <http://x>;
// "error" for the error value.
inline std::string show(const Value& value) {
  auto term = value.to_term();
  if (!term) return "error";
  std::string text = term->to_ntriples();
  const std::string xsd = "<" + std::string(rdf::vocab::kXsd);
  if (auto at = text.find(xsd); at != std::string::npos && text.back() == '>') {
    text.replace(at, xsd.size(), "xsd:");
    text.pop_back();
  }
  return text;
}

struct FunctionFixture {
  rdf::World world;
  FunctionContext context;

  // A literal read from the store: "1"^^xsd:integer is typed("1", "integer").
  Value typed(std::string_view lexical, std::string_view xsd_local_name) {
    return Value::from_node(
        world.literal(lexical, std::string(rdf::vocab::kXsd) + std::string(xsd_local_name)));
  }
  Value plain(std::string_view lexical) { return Value::from_node(world.literal(lexical)); }
  Value tagged(std::string_view lexical, std::string_view language) {
    return Value::from_node(world.literal(lexical, {}, language));
  }
  Value custom(std::string_view lexical, std::string_view datatype) {
    return Value::from_node(world.literal(lexical, datatype));
  }
  Value iri(std::string_view iri) { return Value::from_node(world.iri(iri)); }
  Value blank(std::string_view label) { return Value::from_node(world.blank(label)); }

  Value call(Builtin builtin, std::initializer_list<Value> args) {
    std::vector<Value> list(args);
    return call_builtin(builtin, list, context);
  }
  std::string show_call(Builtin builtin, std::initializer_list<Value> args) {
    return show(call(builtin, args));
  }
  // xsd:<local_name>(value)
  std::string show_cast(std::string_view xsd_local_name, const Value& value) {
    std::vector<Value> list{value};
    return show(
        call_function(std::string(rdf::vocab::kXsd) + std::string(xsd_local_name), list, context));
  }
};

}  // namespace kg::sparql::testing
