#include "path/entity_graph.hpp"

#include <algorithm>
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
      roles_.emplace(predicate, role_of(predicate.value()));
    for (NodeRef graph : store.named_graphs()) {
      excluded_.insert(graph);
      if (graph.value() == kOntologyGraph) ontology_graph_ = graph;
    }
    exclude_claims_and_sources();
  }

  void read_triples() {
    for (const rdf::Quad& quad : store_.match({}, {}, {}, {})) {
      if (!is_link(quad)) continue;
      Vertex subject = vertex_for(quad.subject), object = vertex_for(quad.object);
      PredicateId predicate = predicate_for(quad.predicate);
      endpoints_.emplace_back(subject, object);
      labels_.emplace_back(predicate, true);
      endpoints_.emplace_back(object, subject);
      labels_.emplace_back(predicate, false);
    }
  }

  std::vector<std::pair<Vertex, Vertex>> endpoints_;
  std::vector<EdgeLabel> labels_;
  std::vector<NodeRef> nodes_;
  std::vector<NodeRef> predicates_;

 private:
  NodeRef find_predicate(PredicateRole role) const {
    for (const auto& [predicate, predicate_role] : roles_)
      if (predicate_role == role) return predicate;
    return {};
  }

  void exclude_claims_and_sources() {
    if (NodeRef type = find_predicate(PredicateRole::Type)) {
      const std::string claim_class = kg_term("Claim");
      for (const rdf::Quad& quad : store_.match({}, type, {}, {}))
        if (quad.object.value() == claim_class) excluded_.insert(quad.subject);
    }
    if (NodeRef stated_in = find_predicate(PredicateRole::SourcePointer))
      for (const rdf::Quad& quad : store_.match({}, stated_in, {}, {}))
        excluded_.insert(quad.object);
  }

  bool is_link(const rdf::Quad& quad) const {
    if (quad.object.is_literal() || quad.subject == quad.object) return false;
    PredicateRole role = roles_.at(quad.predicate);
    if (role == PredicateRole::Provenance || role == PredicateRole::SourcePointer) return false;
    if (role == PredicateRole::Type && !options_.include_types) return false;
    if (excluded_.count(quad.subject) || excluded_.count(quad.object)) return false;
    return !(quad.graph == ontology_graph_ && only_in_ontology(quad));
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

  Vertex vertex_for(NodeRef node) {
    auto [found, added] = vertex_ids_.try_emplace(node, static_cast<Vertex>(nodes_.size()));
    if (added) nodes_.push_back(node);
    return found->second;
  }

  PredicateId predicate_for(NodeRef predicate) {
    auto [found, added] =
        predicate_ids_.try_emplace(predicate, static_cast<PredicateId>(predicates_.size()));
    if (added) predicates_.push_back(predicate);
    return found->second;
  }

  const rdf::Store& store_;
  ViewOptions options_;
  NodeRef ontology_graph_;
  std::unordered_map<NodeRef, PredicateRole> roles_;
  std::unordered_set<NodeRef> excluded_;
  std::unordered_map<NodeRef, Vertex> vertex_ids_;
  std::unordered_map<NodeRef, PredicateId> predicate_ids_;
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
    graph.predicates_ = std::move(builder.predicates_);
  }
  graph.vertices_by_node_.resize(graph.nodes_.size());
  for (Vertex v = 0; v < graph.nodes_.size(); ++v)
    graph.vertices_by_node_[v] = v;
  std::sort(graph.vertices_by_node_.begin(), graph.vertices_by_node_.end(),
            [&](Vertex a, Vertex b) { return graph.nodes_[a] < graph.nodes_[b]; });
  return graph;
}

std::optional<Vertex> EntityGraph::vertex(NodeRef node) const {
  auto found = std::lower_bound(vertices_by_node_.begin(), vertices_by_node_.end(), node,
                                [&](Vertex v, NodeRef wanted) { return nodes_[v] < wanted; });
  if (found == vertices_by_node_.end() || !(nodes_[*found] == node)) return std::nullopt;
  return *found;
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
         vertices_by_node_.capacity() * sizeof(Vertex) + predicates_.capacity() * sizeof(NodeRef);
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
