// The quad store: a Sord model (with graph indices once a named graph holds a quad), plus the
// bookkeeping Sord does not keep (which graphs exist, how many triples each predicate has)
// that query planning needs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "rdf/node.hpp"
#include "rdf/predicate_runs.hpp"

struct SordModelImpl;
struct SordIterImpl;

namespace kg::rdf {

struct Quad {
  NodeRef subject, predicate, object, graph;
  friend bool operator==(const Quad&, const Quad&) = default;
};

// Input iterator over the quads matching a pattern; ends at a default-constructed one. It walks
// either a Sord iterator or a run of the store's contiguous POS copy (one predicate and graph).
class QuadIterator {
 public:
  using value_type = Quad;
  using difference_type = std::ptrdiff_t;

  QuadIterator() = default;
  Quad operator*() const;
  QuadIterator& operator++();
  void operator++(int) { ++*this; }
  friend bool operator==(const QuadIterator& a, const QuadIterator& b) {
    return a.iter_ == b.iter_ && a.run_ == b.run_;
  }

 private:
  friend class QuadRange;
  explicit QuadIterator(SordIterImpl* iter) : iter_(iter) {}
  QuadIterator(std::span<const SubjectObject> run, NodeRef predicate, NodeRef graph)
      : run_(run.empty() ? nullptr : run.data()),
        run_end_(run.data() + run.size()),
        predicate_(predicate),
        graph_(graph) {}

  SordIterImpl* iter_ = nullptr;
  const SubjectObject* run_ = nullptr;
  const SubjectObject* run_end_ = nullptr;
  NodeRef predicate_, graph_;
};

// Owns the Sord iterator of one match (or views a run of the POS copy); iterate it once.
class QuadRange {
 public:
  explicit QuadRange(SordIterImpl* iter) : iter_(iter) {}
  QuadRange(std::span<const SubjectObject> run, NodeRef predicate, NodeRef graph)
      : run_(run), predicate_(predicate), graph_(graph) {}
  QuadRange(QuadRange&& other) noexcept
      : iter_(other.iter_), run_(other.run_), predicate_(other.predicate_), graph_(other.graph_) {
    other.iter_ = nullptr;
  }
  QuadRange& operator=(QuadRange&&) = delete;
  QuadRange(const QuadRange&) = delete;
  ~QuadRange();

  QuadIterator begin() const {
    return iter_ ? QuadIterator(iter_) : QuadIterator(run_, predicate_, graph_);
  }
  QuadIterator end() const { return QuadIterator(); }
  bool empty() const { return iter_ == nullptr && run_.empty(); }

 private:
  SordIterImpl* iter_ = nullptr;
  std::span<const SubjectObject> run_;
  NodeRef predicate_, graph_;
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
  // The default graph's quads (?, predicate, o) with o within bounds, found without reading
  // the others, when the contiguous POS copy can tell (see PredicateRuns::within); nullopt
  // when it cannot, and the caller must scan and filter.
  std::optional<QuadRange> match_object_range(NodeRef predicate, const ObjectBounds& bounds) const;
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

  // A store holding the default graph alone answers scans with a bound predicate and a free
  // subject from its POS order in PredicateRuns, sorted on the first such scan after a change.
  // This sorts it now instead: a loader calls it so that the time counts as loading, not as
  // the first query.
  void prepare_scans() const { predicate_runs(); }

 private:
  std::unique_ptr<World> world_;
  void add_graph_indices();
  const PredicateRuns* predicate_runs() const;

  SordModelImpl* model_;
  bool graph_indices_ = false;  // on once a named graph holds a quad
  NodeRef default_graph_;
  uint64_t version_;
  std::map<NodeRef, size_t> graph_sizes_;
  std::map<NodeRef, size_t> predicate_counts_;
  mutable std::map<NodeRef, PredicateStats> predicate_stats_cache_;
  mutable std::unique_ptr<PredicateRuns> predicate_runs_;
  mutable uint64_t predicate_runs_version_ = 0;
};

}  // namespace kg::rdf
