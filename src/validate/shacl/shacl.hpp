// SHACL validation (W3C Recommendation, https://www.w3.org/TR/shacl/): checks a data graph
// against the shapes of a shapes graph and describes every violation in a validation report.
//
// Both graphs are read from one store, so that the shapes may share nodes with the data (the
// W3C tests often keep both in one file). The report is a plain value made of rdf::Terms: it
// outlives the store it was computed from, and can be written back as RDF, text or JSON.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "rdf/node.hpp"
#include "rdf/term.hpp"
#include "util/error.hpp"

namespace kg::rdf {
class Store;
class PrefixMap;
}  // namespace kg::rdf

namespace kg::validate::shacl {

// Some graphs of a store, read together as one RDF graph (their merge). No graphs: every graph
// of the store, the default graph included.
struct GraphSelection {
  std::vector<rdf::NodeRef> graphs;

  static GraphSelection every_graph() { return {}; }
  static GraphSelection only(rdf::NodeRef graph) { return {{graph}}; }
};

enum class PathKind { Predicate, Inverse, Sequence, Alternative, ZeroOrMore, OneOrMore, ZeroOrOne };

// A SHACL property path (§2.3.1), detached from the shapes graph it was read from.
struct PropertyPath {
  PathKind kind = PathKind::Predicate;
  rdf::Term iri;                       // Predicate
  std::vector<PropertyPath> operands;  // one for the unary kinds, two or more for the others

  // SPARQL property path syntax, e.g. "^ex:parent/ex:name"; IRIs abbreviated where a prefix
  // fits.
  std::string to_sparql(const rdf::PrefixMap& prefixes) const;

  friend bool operator==(const PropertyPath&, const PropertyPath&) = default;
};

// One sh:ValidationResult (§3.6.2).
struct ValidationResult {
  rdf::Term focus_node;
  std::optional<PropertyPath> result_path;
  std::optional<rdf::Term> value;
  rdf::Term source_shape;
  rdf::Term source_constraint_component;
  std::optional<rdf::Term> source_constraint;  // SHACL-SPARQL constraints only
  rdf::Term severity;                          // sh:Violation unless the shape says otherwise
  std::vector<rdf::Term> messages;             // the shape's (or constraint's) sh:message
};

struct ValidationReport {
  bool conforms = true;  // no results at all, whatever their severity
  std::vector<ValidationResult> results;
};

// A SHACL "failure" (§3.6.1 and §5.2): validation could not be carried out, e.g. because the
// shapes graph is ill-formed, a shape recurses into itself on the same focus node, or a
// SPARQL-based constraint is not valid SPARQL. No report is produced then.
class ValidationFailure : public Error {
 public:
  using Error::Error;
};

// Validates the data graph against every shape of the shapes graph that has a target.
// Non-const because the vocabulary the validator looks up is interned into the store's world;
// no quad is added or removed. Throws ValidationFailure.
ValidationReport validate(rdf::Store& store, const GraphSelection& data,
                          const GraphSelection& shapes);

// For `kg validate --shapes FILE`: validates the given graphs of store against the shapes in a
// Turtle (or other RDF) file. The store is left untouched; both graphs are copied into a
// scratch store. Throws kg::Error for an unreadable shapes file and ValidationFailure.
ValidationReport validate_with_shapes_file(const rdf::Store& store, const GraphSelection& data,
                                           const std::filesystem::path& shapes_file);

// The report as RDF (§3.6): a fresh blank node of type sh:ValidationReport with its sh:result
// nodes and their paths, written into graph (null: the default graph). Returns the report node.
rdf::NodeRef write_report(const ValidationReport& report, rdf::Store& store,
                          rdf::NodeRef graph = {});

// Renderings, in a deterministic order (results sorted by focus node, path, shape, component,
// value): Turtle of write_report's triples, one line per result for people, and JSON
// {"conforms": bool, "results": [{"focusNode", "resultPath", "value", "sourceShape",
// "sourceConstraintComponent", "severity", "messages"}]} with terms in N-Triples syntax, paths
// in SPARQL syntax and messages as plain strings. The text ends with "conforms" or
// "does not conform: N results".
std::string report_to_turtle(const ValidationReport& report, const rdf::PrefixMap& prefixes);
std::string report_to_text(const ValidationReport& report, const rdf::PrefixMap& prefixes);
std::string report_to_json(const ValidationReport& report);

}  // namespace kg::validate::shacl
