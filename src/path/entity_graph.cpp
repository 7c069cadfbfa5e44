#include "path/entity_graph.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <utility>

#include "path/link_filter.hpp"

namespace kg::path {

namespace {

using rdf::NodeRef;

// Collects what the view leaves out and numbers the rest as it reads the store.
class Builder {
 public:
  Builder(const rdf::Store& store, const ViewOptions& options)
      : store_(store), filter_(store, options) {
    for (const auto& [predicate, count] : store.predicate_counts())
      predicates_seen_.emplace(predicate, PredicateSeen{filter_.role(predicate)});
  }

  void read_triples() {
    endpoints_.reserve(2 * store_.size());
    labels_.reserve(2 * store_.size());
    for (const rdf::Quad& quad : store_.match({}, {}, {}, {})) {
      PredicateSeen& seen = predicates_seen_.at(quad.predicate);
      if (!filter_.is_link(quad, seen.role)) continue;
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
  using PredicateRole = detail::PredicateRole;
  struct PredicateSeen {
    PredicateRole role;
    PredicateId id = kNoPredicate;  // numbered when its first link is kept
  };

  const rdf::Store& store_;
  detail::LinkFilter filter_;
  std::unordered_map<NodeRef, PredicateSeen> predicates_seen_;
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
