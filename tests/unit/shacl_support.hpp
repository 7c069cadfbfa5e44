// Helpers for the SHACL unit tests: validate inline Turtle and describe each result in one
// short line, "FOCUS PATH VALUE Component", with "-" for an absent path or value and IRIs under
// http://example.org/ written ex:local.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/rdf.hpp"
#include "validate/shacl/shacl.hpp"

namespace kg::shacl_test {

namespace shacl = kg::validate::shacl;

inline constexpr std::string_view kPrefixes =
    "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
    "@prefix ex: <http://example.org/> .\n"
    "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";

// Shapes and data in two graphs of one store; both texts get the prefixes above.
inline shacl::ValidationReport validate_turtle(std::string_view shapes, std::string_view data) {
  rdf::Store store;
  rdf::ParseOptions options;
  options.graph = store.world().iri("http://example.org/graph/shapes");
  rdf::parse_string(store, std::string(kPrefixes) + std::string(shapes), "shapes.ttl", options);
  rdf::NodeRef shapes_graph = options.graph;
  options.graph = store.world().iri("http://example.org/graph/data");
  rdf::parse_string(store, std::string(kPrefixes) + std::string(data), "data.ttl", options);
  return shacl::validate(store, shacl::GraphSelection::only(options.graph),
                         shacl::GraphSelection::only(shapes_graph));
}

inline rdf::PrefixMap example_prefixes() {
  rdf::PrefixMap prefixes;
  prefixes.set("ex", "http://example.org/");
  return prefixes;
}

// Turtle's short forms: ex:local, and bare integers and decimals.
inline std::string brief(const rdf::Term& term) {
  if (auto prefixed = example_prefixes().abbreviate(term.value); prefixed && term.is_iri())
    return *prefixed;
  if (term.datatype == rdf::vocab::kXsdInteger || term.datatype == rdf::vocab::kXsdDecimal)
    return term.value;
  return term.to_ntriples();
}

// The results as sorted one-line descriptions.
inline std::vector<std::string> summary(const shacl::ValidationReport& report) {
  std::vector<std::string> lines;
  for (const shacl::ValidationResult& result : report.results) {
    std::string component = result.source_constraint_component.value;
    component = component.substr(component.find('#') + 1);
    component =
        component.substr(0, component.size() - std::string_view("ConstraintComponent").size());
    lines.push_back(brief(result.focus_node) + " " +
                    (result.result_path ? result.result_path->to_sparql(example_prefixes()) : "-") +
                    " " + (result.value ? brief(*result.value) : "-") + " " + component);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

using Lines = std::vector<std::string>;

}  // namespace kg::shacl_test
