// Read access to the data graph or the shapes graph: some graphs of a store taken together.
#pragma once

#include <optional>
#include <vector>

#include "rdf/store.hpp"
#include "validate/shacl/shacl.hpp"

namespace kg::validate::shacl {

struct Vocab;

class GraphView {
 public:
  GraphView(const rdf::Store& store, const GraphSelection& selection);

  // Distinct values, in the store's order. Null arguments are not wildcards here.
  std::vector<rdf::NodeRef> objects(rdf::NodeRef subject, rdf::NodeRef predicate) const;
  std::vector<rdf::NodeRef> subjects(rdf::NodeRef predicate, rdf::NodeRef object) const;
  // The first value, or null.
  rdf::NodeRef object(rdf::NodeRef subject, rdf::NodeRef predicate) const;
  bool contains(rdf::NodeRef subject, rdf::NodeRef predicate, rdf::NodeRef object) const;

  // Distinct triples matching a pattern (null = wildcard), as quads with a null graph.
  std::vector<rdf::Quad> triples(rdf::NodeRef subject, rdf::NodeRef predicate,
                                 rdf::NodeRef object) const;

  // The members of the RDF list starting at head; nothing if it is not a well-formed list
  // (a node without exactly one rdf:first and one rdf:rest, or a cycle).
  std::optional<std::vector<rdf::NodeRef>> list(rdf::NodeRef head, const Vocab& vocab) const;

  // rdfs:subClassOf* read backwards: the class itself and every class below it.
  std::vector<rdf::NodeRef> subclasses(rdf::NodeRef cls, const Vocab& vocab) const;
  // A SHACL instance (§1.5): rdf:type/rdfs:subClassOf* reaches cls.
  bool is_instance_of(rdf::NodeRef node, rdf::NodeRef cls, const Vocab& vocab) const;

 private:
  const rdf::Store& store_;
  // Null alone: the union of every graph, which the store deduplicates itself.
  std::vector<rdf::NodeRef> graphs_;
};

}  // namespace kg::validate::shacl
