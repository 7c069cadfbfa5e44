// Checking a graph against the project's ontology: every class and property declared, domains
// and ranges respected, literals well-typed, every entity labelled in English, every fact
// backed by a claim with evidence. The result is a report, not an exception: a graph with
// violations is still a graph.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/term.hpp"
#include "validate/ontology.hpp"

namespace kg::validate {

enum class ViolationKind {
  UndeclaredClass,
  UndeclaredProperty,
  UndeclaredDatatype,
  DomainViolation,
  RangeViolation,
  IllTypedLiteral,
  MissingEnglishLabel,
  MissingProvenance,
};

// "undeclared-class", "range-violation", ...
std::string_view kind_name(ViolationKind kind);

struct Violation {
  ViolationKind kind;
  rdf::Term focus;                    // the resource the violation is about
  std::optional<rdf::Term> property;  // the offending triple's predicate, where there is one
  std::optional<rdf::Term> value;     // ... and its object
  std::optional<rdf::Term> graph;     // the named graph holding the triple, where known
  std::string message;

  friend auto operator<=>(const Violation&, const Violation&) = default;
  friend bool operator==(const Violation&, const Violation&) = default;
};

class Report {
 public:
  explicit Report(std::vector<Violation> violations);

  bool conforms() const { return violations_.empty(); }
  // Sorted by kind, focus, property, value, graph.
  const std::vector<Violation>& violations() const { return violations_; }

  // One line per violation with IRIs abbreviated, then a count line.
  std::string to_text(const rdf::PrefixMap& prefixes) const;
  // {"conforms": bool, "violations": [{"kind", "focus", "property", "value", "graph",
  // "message"}]}; terms in N-Triples syntax.
  std::string to_json() const;

 private:
  std::vector<Violation> violations_;
};

// Validates every graph of the store except the ontology graph (vocab::kOntologyGraph), which
// holds the ontology rather than data.
Report validate_graph(const rdf::Store& data, const Ontology& ontology);

// A term as it reads in Turtle, IRIs abbreviated where a prefix fits.
std::string display_term(const rdf::Term& term, const rdf::PrefixMap& prefixes);

}  // namespace kg::validate
