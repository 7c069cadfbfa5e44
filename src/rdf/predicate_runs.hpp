// A contiguous copy of the store's POS order, for the long scans that patterns with a bound
// predicate and a free subject make (every subject of a class, every value of a property).
// Sord keeps each quad in an allocation of its own and its B-tree points to them, so such a
// scan misses the cache once per quad, about 100 ns; over this copy it reads consecutive
// memory. The copy keeps Sord's order exactly, so a scan answers in the order Sord would.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "rdf/node.hpp"

namespace kg::rdf {

struct SubjectObject {
  NodeRef subject, object;
};

// Bounds on the literal objects of a scan, as lexical forms of one datatype: the constants of
// a range filter such as ?date >= "1995-01-01"^^xsd:date.
struct ObjectBounds {
  std::string datatype;  // IRI
  std::optional<std::string> lower, upper;
  bool lower_inclusive = true, upper_inclusive = true;
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
  // Ends the filling, and learns which predicates have objects in an ordered form.
  void finish();

  // Every (subject, object) of a predicate, in POS order; empty if it has none.
  std::span<const SubjectObject> of(NodeRef predicate) const;
  // The subjects of one (predicate, object) pair, if the run is long enough to be indexed
  // here; nullopt means "ask Sord" (the pair may have a short run or none).
  std::optional<std::span<const SubjectObject>> of(NodeRef predicate, NodeRef object) const;

  // The run of a predicate narrowed to the objects within bounds, found by binary search,
  // where the lexical order of its objects is their value order: every object, and each bound,
  // is a literal of the bounds' datatype in one fixed-width form (xsd:date "YYYY-MM-DD";
  // xsd:dateTime "YYYY-MM-DDThh:mm:ss", all with "Z" or all without), and the run is sorted by
  // lexical form. nullopt when that does not hold: the caller then scans and filters.
  std::optional<std::span<const SubjectObject>> within(NodeRef predicate,
                                                       const ObjectBounds& bounds) const;

  size_t size() const { return pairs_.size(); }

  enum class OrderedForm { None, Date, LocalDateTime, UtcDateTime };
  static OrderedForm ordered_form(std::string_view datatype, std::string_view lexical);

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
  OrderedForm form_of_objects(NodeRef predicate) const;
  std::span<const SubjectObject> span(Extent extent) const {
    return {pairs_.data() + extent.begin, extent.end - extent.begin};
  }

  std::vector<SubjectObject> pairs_;
  std::unordered_map<NodeRef, Extent> predicates_;
  std::unordered_map<std::pair<NodeRef, NodeRef>, Extent, PairHash> long_object_runs_;
  mutable std::unordered_map<NodeRef, OrderedForm> object_forms_;  // per predicate, on demand
  NodeRef predicate_;                                              // being filled
  size_t predicate_begin_ = 0, object_begin_ = 0;
};

}  // namespace kg::rdf
