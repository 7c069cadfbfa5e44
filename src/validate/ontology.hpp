// What an ontology declares, read once from its RDF: classes, properties, datatypes, the
// subclass and sub-property hierarchies, and property domains and ranges. IRIs are kept as
// strings so that one ontology can judge graphs held in any store.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/node.hpp"

namespace kg::rdf {
class Store;
class PrefixMap;
}  // namespace kg::rdf

namespace kg::validate {

// The values one rdfs:domain or rdfs:range statement allows: any of these classes or
// datatypes (more than one where the ontology states an owl:unionOf).
struct TypeConstraint {
  std::vector<std::string> any_of;

  // "schema:Person or schema:Organization"
  std::string describe(const rdf::PrefixMap& prefixes) const;
};

class Ontology {
 public:
  // Reads the declarations held in one graph of a store (null: in every graph).
  static Ontology read(const rdf::Store& store, rdf::NodeRef graph);
  // Parses an RDF file (Turtle unless its extension says otherwise). Throws kg::Error naming
  // file, line and column on a syntax error.
  static Ontology load(const std::filesystem::path& file);

  // Declared with rdf:type owl:Class or rdfs:Class (owl:Thing and rdfs:Resource are built in).
  bool declares_class(std::string_view iri) const;
  // Declared as an RDF or OWL property; RDF's own properties and OWL's built-in annotation
  // properties (rdfs:label, rdfs:comment, ...) need no declaration.
  bool declares_property(std::string_view iri) const;
  // The XSD and RDF datatypes are built in; others need rdf:type rdfs:Datatype.
  bool knows_datatype(std::string_view iri) const;
  // Whether a domain or range names literals (a datatype, rdfs:Literal) rather than a class.
  bool is_datatype(std::string_view iri) const;

  // The types the ontology itself gives a term: rdf:Property for the properties it declares,
  // rdfs:Class for its classes. Data graphs do not repeat these, but ranges such as
  // rdf:predicate's rdf:Property rely on them.
  std::vector<std::string> declared_types(std::string_view iri) const;

  // Reflexive and transitive over rdfs:subClassOf.
  bool is_subclass_of(std::string_view subclass, std::string_view superclass) const;

  // The domains and ranges of a property and of every property it is a sub-property of.
  std::vector<TypeConstraint> domains(std::string_view property) const;
  std::vector<TypeConstraint> ranges(std::string_view property) const;

  // Whether a resource with these rdf:types meets a constraint.
  bool admits_resource(const TypeConstraint& constraint,
                       const std::vector<std::string>& types) const;
  // Whether a literal meets a constraint. A datatype admits its derived datatypes, and
  // xsd:dateTimeStamp admits an xsd:dateTime literal that carries a time zone.
  bool admits_literal(const TypeConstraint& constraint, std::string_view datatype,
                      std::string_view lexical) const;

  const std::set<std::string, std::less<>>& classes() const { return classes_; }
  const std::set<std::string, std::less<>>& properties() const { return properties_; }

 private:
  using Hierarchy = std::map<std::string, std::vector<std::string>, std::less<>>;
  using Constraints = std::map<std::string, std::vector<TypeConstraint>, std::less<>>;

  // The term and everything above it in the hierarchy, the term first.
  static std::vector<std::string> ancestors(const Hierarchy& hierarchy, std::string_view term);
  std::vector<TypeConstraint> inherited(const Constraints& constraints,
                                        std::string_view property) const;

  std::set<std::string, std::less<>> classes_, properties_, datatypes_;
  Hierarchy superclasses_, superproperties_;
  Constraints domains_, ranges_;
};

}  // namespace kg::validate
