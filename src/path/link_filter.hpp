// Internal to the path layer: which triples of a store are links of the entity graph (see
// EntityGraph::build for what is left out), decided the same way for the snapshot and for the
// search that walks the store's indices directly.
#pragma once

#include <unordered_map>
#include <unordered_set>

#include "path/entity_graph.hpp"
#include "rdf/store.hpp"

namespace kg::path::detail {

enum class PredicateRole { Link, Type, Provenance, SourcePointer };

class LinkFilter {
 public:
  LinkFilter(const rdf::Store& store, const ViewOptions& options);

  PredicateRole role(rdf::NodeRef predicate) const;
  // `role` is role(quad.predicate), passed in by callers that keep it per predicate.
  bool is_link(const rdf::Quad& quad, PredicateRole role) const;
  bool is_link(const rdf::Quad& quad) const { return is_link(quad, role(quad.predicate)); }

 private:
  rdf::NodeRef predicate_with_role(PredicateRole role) const;
  void exclude_claims_and_sources();
  bool only_in_ontology(const rdf::Quad& quad) const;

  const rdf::Store& store_;
  ViewOptions options_;
  rdf::NodeRef ontology_graph_;
  std::unordered_map<rdf::NodeRef, PredicateRole> roles_;
  std::unordered_set<rdf::NodeRef> excluded_;
};

}  // namespace kg::path::detail
