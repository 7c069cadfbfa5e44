#include "path/entity_graph.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "rdf/vocabulary.hpp"

namespace kg::path {

namespace {

using rdf::NodeRef;
namespace vocab = rdf::vocab;

std::string kg_term(std::string_view local) {
  return std::string(vocab::kKg) + std::string(local);
}
std::string rdf_term(std::string_view local) {
  return std::string(vocab::kRdf) + std::string(local);
}

enum class PredicateRole { Link, Type, Provenance, SourcePointer };

PredicateRole role_of(std::string_view iri) {
  if (iri == vocab::kRdfType) return PredicateRole::Type;
  if (iri == kg_term("statedIn")) return PredicateRole::SourcePointer;
  if (iri == rdf_term("subject") || iri == rdf_term("predicate") || iri == rdf_term("object") ||
      iri == kg_term("conflictsWith"))
    return PredicateRole::Provenance;
  return PredicateRole::Link;
}

// Collects what the view leaves out and numbers the rest as it reads the store.
class Builder {
 public:
  Builder(const rdf::Store& store, const ViewOptions& options) : store_(store), options_(options) {
    for (const auto& [predicate, count] : store.predicate_counts())
      predicates_seen_.emplace(predicate, PredicateSeen{role_of(predicate.value())});
    for (NodeRef graph : store.named_graphs()) {
      excluded_.insert(graph);
      if (graph.value() == kOntologyGraph) ontology_graph_ = graph;
    }
    exclude_claims_and_sources();
  }

  void read_triples() {
    endpoints_.reserve(2 * store_.size());
    labels_.reserve(2 * store_.size());
    for (const rdf::Quad& quad : store_.match({}, {}, {}, {})) {
      PredicateSeen& seen = predicates_seen_.at(quad.predicate);
      if (!is_link(quad, seen.role)) continue;
      Vertex subject = index_.insert(quad.subject, nodes_);
      Vertex object = index_.insert(quad.object, nodes_);
      if (seen.id == kNoPredicate) {
        seen.id = static_cast<PredicateId>(predicates_.size());
        predicates_.push_back(quad.predicate);
      }
      PredicateId predicate = seen.id;
      endpoints_.emplace_back(subject, object);
      labels_.emplace_back(predicate, true);
      endpoints_.emplace_back(object, subject);
      labels_.emplace_back(predicate, false);
    }
  }

  std::vector<std::pair<Vertex, Vertex>> endpoints_;
  std::vector<EdgeLabel> labels_;
  std::vector<NodeRef> nodes_;
  detail::NodeIndex index_;
  std::vector<NodeRef> predicates_;

 private:
  static constexpr PredicateId kNoPredicate = std::numeric_limits<PredicateId>::max();
  struct PredicateSeen {
    PredicateRole role;
    PredicateId id = kNoPredicate;  // numbered when its first link is kept
  };

  NodeRef predicate_with_role(PredicateRole role) const {
    for (const auto& [predicate, seen] : predicates_seen_)
      if (seen.role == role) return predicate;
    return {};
  }

  void exclude_claims_and_sources() {
    if (NodeRef type = predicate_with_role(PredicateRole::Type)) {
      const std::string claim_class = kg_term("Claim");
      for (const rdf::Quad& quad : store_.match({}, type, {}, {}))
        if (quad.object.value() == claim_class) excluded_.insert(quad.subject);
    }
    if (NodeRef stated_in = predicate_with_role(PredicateRole::SourcePointer))
      for (const rdf::Quad& quad : store_.match({}, stated_in, {}, {}))
        excluded_.insert(quad.object);
  }

  bool is_link(const rdf::Quad& quad, PredicateRole role) const {
    if (role == PredicateRole::Provenance || role == PredicateRole::SourcePointer) return false;
    if (role == PredicateRole::Type && !options_.include_types) return false;
    if (quad.subject == quad.object || quad.object.is_literal()) return false;
    if (excluded_.count(quad.subject) || excluded_.count(quad.object)) return false;
    return !(ontology_graph_ && quad.graph == ontology_graph_ && only_in_ontology(quad));
  }

  // A union match reports one of the graphs holding a triple; the ontology's triples are left
  // out only when no other graph states them too.
  bool only_in_ontology(const rdf::Quad& quad) const {
    if (store_.contains(quad.subject, quad.predicate, quad.object, store_.default_graph()))
      return false;
    for (NodeRef graph : store_.named_graphs())
      if (graph != ontology_graph_ &&
          store_.contains(quad.subject, quad.predicate, quad.object, graph))
        return false;
    return true;
  }

  const rdf::Store& store_;
  ViewOptions options_;
  NodeRef ontology_graph_;
  std::unordered_map<NodeRef, PredicateSeen> predicates_seen_;
  std::unordered_set<NodeRef> excluded_;
};

}  // namespace

EntityGraph EntityGraph::build(const rdf::Store& store, const ViewOptions& options) {
  EntityGraph graph;
  {
    Builder builder(store, options);
    builder.read_triples();
    graph.csr_ = Csr(boost::edges_are_unsorted_multi_pass, builder.endpoints_.begin(),
                     builder.endpoints_.end(), builder.labels_.begin(), builder.nodes_.size());
    graph.nodes_ = std::move(builder.nodes_);
    graph.index_ = std::move(builder.index_);
    graph.predicates_ = std::move(builder.predicates_);
  }
  return graph;
}

std::optional<Vertex> EntityGraph::vertex(NodeRef node) const {
  return index_.find(node, nodes_);
}

std::optional<PredicateId> EntityGraph::predicate_id(NodeRef predicate) const {
  auto found = std::find(predicates_.begin(), predicates_.end(), predicate);
  if (found == predicates_.end()) return std::nullopt;
  return static_cast<PredicateId>(found - predicates_.begin());
}

size_t EntityGraph::memory_bytes() const {
  const auto& rows = csr_.m_forward;
  return rows.m_rowstart.capacity() * sizeof(uint32_t) + rows.m_column.capacity() * sizeof(Vertex) +
         boost::num_edges(csr_) * sizeof(EdgeLabel) + nodes_.capacity() * sizeof(NodeRef) +
         index_.memory_bytes() + predicates_.capacity() * sizeof(NodeRef);
}

std::shared_ptr<const EntityGraph> GraphCache::get(const rdf::Store& store,
                                                   const ViewOptions& options) {
  std::lock_guard lock(mutex_);
  if (!graph_ || store_ != &store || version_ != store.version() || !(options_ == options)) {
    graph_ = std::make_shared<const EntityGraph>(EntityGraph::build(store, options));
    store_ = &store;
    version_ = store.version();
    options_ = options;
  }
  return graph_;
}

}  // namespace kg::path
