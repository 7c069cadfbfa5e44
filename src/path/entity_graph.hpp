// The entity graph: a read-only adjacency snapshot of the resources in a store and the
// triples that link them, for path finding and graph statistics.
//
// It is a compressed sparse row (CSR) graph rather than an adjacency_list: the snapshot never
// changes after it is built, and CSR keeps all out-edges of all vertices in two flat arrays
// (4-byte targets, 4-byte labels) with no per-vertex allocation, which is about a third of the
// memory of a vecS adjacency_list and walks the edges of a vertex in one cache-friendly run.
//
// Each triple (s p o) between two resources is stored twice, as s→o marked forward and o→s
// marked backward, so a search can walk links either way and still print each step in its
// true direction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>

#include "path/node_index.hpp"
#include "rdf/node.hpp"
#include "rdf/store.hpp"

namespace kg::path {

// The graphs the converter writes besides one graph per source article.
inline constexpr std::string_view kOntologyGraph = "https://kg.example.org/graph/ontology";
inline constexpr std::string_view kEntitiesGraph = "https://kg.example.org/graph/entities";

struct ViewOptions {
  // Keep rdf:type links, making classes vertices (they are hubs that join unrelated entities,
  // so paths through them are rarely what anyone asks for).
  bool include_types = false;
  friend bool operator==(const ViewOptions&, const ViewOptions&) = default;
};

using Vertex = uint32_t;
using PredicateId = uint32_t;

// What an edge of the snapshot stands for: the triple's predicate and whether walking the edge
// reads the triple subject-to-object. Packed into 32 bits because there are two per triple.
class EdgeLabel {
 public:
  EdgeLabel() = default;
  EdgeLabel(PredicateId predicate, bool forward) : bits_(predicate << 1 | (forward ? 1 : 0)) {}
  PredicateId predicate() const { return bits_ >> 1; }
  bool forward() const { return (bits_ & 1) != 0; }

 private:
  uint32_t bits_ = 0;
};

using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeLabel,
                                               boost::no_property, Vertex, uint32_t>;

class EntityGraph {
 public:
  // Reads every triple of the store once. Left out: literals, the ontology graph, claim nodes
  // and the provenance links that describe them (rdf:subject/predicate/object, kg:statedIn,
  // kg:conflictsWith), source documents (the names of named graphs and whatever kg:statedIn
  // points at), self-links, and rdf:type links unless options.include_types.
  static EntityGraph build(const rdf::Store& store, const ViewOptions& options = {});

  const Csr& csr() const { return csr_; }
  size_t vertex_count() const { return nodes_.size(); }
  size_t triple_count() const { return boost::num_edges(csr_) / 2; }

  rdf::NodeRef node(Vertex vertex) const { return nodes_[vertex]; }
  std::optional<Vertex> vertex(rdf::NodeRef node) const;

  rdf::NodeRef predicate(PredicateId id) const { return predicates_[id]; }
  std::optional<PredicateId> predicate_id(rdf::NodeRef predicate) const;
  size_t predicate_count() const { return predicates_.size(); }

  // Bytes held by the snapshot (its arrays, not the store's nodes they point at).
  size_t memory_bytes() const;

 private:
  Csr csr_;
  std::vector<rdf::NodeRef> nodes_;       // by vertex, in the store's iteration order
  detail::NodeIndex index_;               // vertex by node
  std::vector<rdf::NodeRef> predicates_;  // by PredicateId
};

// Hands out the entity graph of a store, building it again only when the store has changed
// since (Store::version) or other options are asked for. Safe to share between threads.
class GraphCache {
 public:
  std::shared_ptr<const EntityGraph> get(const rdf::Store& store, const ViewOptions& options = {});

 private:
  std::mutex mutex_;
  const rdf::Store* store_ = nullptr;
  uint64_t version_ = 0;
  ViewOptions options_;
  std::shared_ptr<const EntityGraph> graph_;
};

}  // namespace kg::path
