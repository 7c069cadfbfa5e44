#include "path/link_filter.hpp"

#include <string>

#include "rdf/vocabulary.hpp"

namespace kg::path::detail {

namespace {

namespace vocab = rdf::vocab;

std::string kg_term(std::string_view local) {
  return std::string(vocab::kKg) + std::string(local);
}
std::string rdf_term(std::string_view local) {
  return std::string(vocab::kRdf) + std::string(local);
}

PredicateRole role_of(std::string_view iri) {
  if (iri == vocab::kRdfType) return PredicateRole::Type;
  if (iri == kg_term("statedIn")) return PredicateRole::SourcePointer;
  if (iri == rdf_term("subject") || iri == rdf_term("predicate") || iri == rdf_term("object") ||
      iri == kg_term("conflictsWith"))
    return PredicateRole::Provenance;
  return PredicateRole::Link;
}

}  // namespace

LinkFilter::LinkFilter(const rdf::Store& store, const ViewOptions& options)
    : store_(store), options_(options) {
  for (const auto& [predicate, count] : store.predicate_counts())
    roles_.emplace(predicate, role_of(predicate.value()));
  for (rdf::NodeRef graph : store.named_graphs()) {
    excluded_.insert(graph);
    if (graph.value() == kOntologyGraph) ontology_graph_ = graph;
  }
  exclude_claims_and_sources();
}

PredicateRole LinkFilter::role(rdf::NodeRef predicate) const {
  auto found = roles_.find(predicate);
  return found == roles_.end() ? role_of(predicate.value()) : found->second;
}

rdf::NodeRef LinkFilter::predicate_with_role(PredicateRole role) const {
  for (const auto& [predicate, predicate_role] : roles_)
    if (predicate_role == role) return predicate;
  return {};
}

void LinkFilter::exclude_claims_and_sources() {
  if (rdf::NodeRef type = predicate_with_role(PredicateRole::Type)) {
    const std::string claim_class = kg_term("Claim");
    for (const rdf::Quad& quad : store_.match({}, type, {}, {}))
      if (quad.object.value() == claim_class) excluded_.insert(quad.subject);
  }
  if (rdf::NodeRef stated_in = predicate_with_role(PredicateRole::SourcePointer))
    for (const rdf::Quad& quad : store_.match({}, stated_in, {}, {}))
      excluded_.insert(quad.object);
}

bool LinkFilter::is_link(const rdf::Quad& quad, PredicateRole role) const {
  if (role == PredicateRole::Provenance || role == PredicateRole::SourcePointer) return false;
  if (role == PredicateRole::Type && !options_.include_types) return false;
  if (quad.subject == quad.object || quad.object.is_literal()) return false;
  if (excluded_.count(quad.subject) || excluded_.count(quad.object)) return false;
  return !(ontology_graph_ && quad.graph == ontology_graph_ && only_in_ontology(quad));
}

// A union match reports one of the graphs holding a triple; the ontology's triples are left
// out only when no other graph states them too.
bool LinkFilter::only_in_ontology(const rdf::Quad& quad) const {
  if (store_.contains(quad.subject, quad.predicate, quad.object, store_.default_graph()))
    return false;
  for (rdf::NodeRef graph : store_.named_graphs())
    if (graph != ontology_graph_ &&
        store_.contains(quad.subject, quad.predicate, quad.object, graph))
      return false;
  return true;
}

}  // namespace kg::path::detail
