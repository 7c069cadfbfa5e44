// A contiguous copy of the store's POS order, for the long scans that patterns with a bound
// predicate and a free subject make (every subject of a class, every value of a property).
// Sord keeps each quad in an allocation of its own and its B-tree points to them, so such a
// scan misses the cache once per quad, about 100 ns; over this copy it reads consecutive
// memory. The copy keeps Sord's order exactly, so a scan answers in the order Sord would.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "rdf/node.hpp"

namespace kg::rdf {

struct SubjectObject {
  NodeRef subject, object;
};

class PredicateRuns {
 public:
  // Shorter (predicate, object) runs are left to Sord: one B-tree descent finds them, and
  // indexing them all would cost a hash entry per literal.
  static constexpr size_t kShortestIndexedRun = 16;

  // Filled one predicate at a time, each in POS order.
  void reserve(size_t pairs) { pairs_.reserve(pairs); }
  void begin_predicate(NodeRef predicate);
  void add(NodeRef subject, NodeRef object);
  void finish();

  // Every (subject, object) of a predicate, in POS order; empty if it has none.
  std::span<const SubjectObject> of(NodeRef predicate) const;
  // The subjects of one (predicate, object) pair, if the run is long enough to be indexed
  // here; nullopt means "ask Sord" (the pair may have a short run or none).
  std::optional<std::span<const SubjectObject>> of(NodeRef predicate, NodeRef object) const;

  size_t size() const { return pairs_.size(); }

 private:
  struct Extent {
    size_t begin = 0, end = 0;
  };
  struct PairHash {
    size_t operator()(const std::pair<NodeRef, NodeRef>& key) const {
      return std::hash<NodeRef>{}(key.first) * 31 + std::hash<NodeRef>{}(key.second);
    }
  };

  void close_object_run();
  std::span<const SubjectObject> span(Extent extent) const {
    return {pairs_.data() + extent.begin, extent.end - extent.begin};
  }

  std::vector<SubjectObject> pairs_;
  std::unordered_map<NodeRef, Extent> predicates_;
  std::unordered_map<std::pair<NodeRef, NodeRef>, Extent, PairHash> long_object_runs_;
  NodeRef predicate_;  // being filled
  size_t predicate_begin_ = 0, object_begin_ = 0;
};

}  // namespace kg::rdf
