// The quad store: a Sord model (with graph indices once a named graph holds a quad), plus the
// bookkeeping Sord does not keep (which graphs exist, how many triples each predicate has)
// that query planning needs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "rdf/node.hpp"

struct SordModelImpl;
struct SordIterImpl;

namespace kg::rdf {

struct Quad {
  NodeRef subject, predicate, object, graph;
  friend bool operator==(const Quad&, const Quad&) = default;
};

// Input iterator over the quads matching a pattern; ends at a default-constructed one.
class QuadIterator {
 public:
  using value_type = Quad;
  using difference_type = std::ptrdiff_t;

  QuadIterator() = default;
  Quad operator*() const;
  QuadIterator& operator++();
  void operator++(int) { ++*this; }
  friend bool operator==(const QuadIterator& a, const QuadIterator& b) {
    return a.iter_ == b.iter_;
  }

 private:
  friend class QuadRange;
  explicit QuadIterator(SordIterImpl* iter) : iter_(iter) {}
  SordIterImpl* iter_ = nullptr;
};

// Owns the Sord iterator of one match; iterate it once.
class QuadRange {
 public:
  explicit QuadRange(SordIterImpl* iter) : iter_(iter) {}
  QuadRange(QuadRange&& other) noexcept : iter_(other.iter_) { other.iter_ = nullptr; }
  QuadRange& operator=(QuadRange&&) = delete;
  QuadRange(const QuadRange&) = delete;
  ~QuadRange();

  QuadIterator begin() const { return QuadIterator(iter_); }
  QuadIterator end() const { return QuadIterator(); }
  bool empty() const { return iter_ == nullptr; }

 private:
  SordIterImpl* iter_;
};

// How many triples a predicate has and over how many distinct subjects and objects, for
// estimating join cardinalities.
struct PredicateStats {
  size_t triples = 0;
  size_t distinct_subjects = 0;
  size_t distinct_objects = 0;
};

class Store {
 public:
  Store();
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  World& world() { return *world_; }
  const World& world() const { return *world_; }

  // The node that names the default graph inside the store (an IRI no file can contain).
  NodeRef default_graph() const { return default_graph_; }

  // graph null means the default graph. Returns false if the quad was already there.
  bool insert(NodeRef subject, NodeRef predicate, NodeRef object, NodeRef graph = {});
  bool insert(const Term& subject, const Term& predicate, const Term& object,
              const Term* graph = nullptr);
  bool erase(NodeRef subject, NodeRef predicate, NodeRef object, NodeRef graph = {});

  // Null positions are wildcards. A null graph matches every graph, the default one included,
  // and yields each distinct triple once (its graph is then one of those holding it): the
  // union of all graphs. Pass default_graph() to match the default graph alone.
  QuadRange match(NodeRef subject, NodeRef predicate, NodeRef object, NodeRef graph) const;
  bool contains(NodeRef subject, NodeRef predicate, NodeRef object, NodeRef graph) const;

  size_t size() const;  // quads, across all graphs
  // A number that changes whenever the store's quads do, and that no other store in the
  // process ever shares: caches of derived views key on it.
  uint64_t version() const { return version_; }
  size_t graph_size(NodeRef graph) const;
  // Named graphs holding at least one quad, in IRI order; the default graph is not listed.
  std::vector<NodeRef> named_graphs() const;

  // Counted over all graphs; cached until the next change.
  const PredicateStats& predicate_stats(NodeRef predicate) const;
  // Distinct predicates, with their quad counts.
  const std::map<NodeRef, size_t>& predicate_counts() const { return predicate_counts_; }

 private:
  std::unique_ptr<World> world_;
  void add_graph_indices();

  SordModelImpl* model_;
  bool graph_indices_ = false;  // on once a named graph holds a quad
  NodeRef default_graph_;
  uint64_t version_;
  std::map<NodeRef, size_t> graph_sizes_;
  std::map<NodeRef, size_t> predicate_counts_;
  mutable std::map<NodeRef, PredicateStats> predicate_stats_cache_;
};

}  // namespace kg::rdf
