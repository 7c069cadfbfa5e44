// The store's POS order, for the scans that patterns with a bound predicate and a free subject
// make (every subject of a class, every value of a property). A store holding the default
// graph alone keeps no POS B-tree in Sord: filling one costs a third of a bulk load, and each
// of its scans misses the cache once per quad (Sord keeps each quad in an allocation of its
// own), about 100 ns. This is built in one sort after loading and read as consecutive memory.
// It keeps Sord's order (precedes_in_store), so scans answer in the order Sord's POS would.
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

  // Takes every (subject, object) pair of the store grouped by predicate (`groups` gives each
  // predicate and its number of pairs, in the order of `pairs`), each group with its subjects
  // in store order, as a subject-first scan meets them. Sorts each group by object in store
  // order, keeping the subjects' order within an object.
  PredicateRuns(std::vector<SubjectObject> pairs,
                const std::vector<std::pair<NodeRef, size_t>>& groups);

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

  void sort_by_object(const std::vector<std::pair<NodeRef, size_t>>& groups);
  void index_group(NodeRef predicate, Extent extent);
  OrderedForm form_of_objects(NodeRef predicate) const;
  std::span<const SubjectObject> span(Extent extent) const {
    return {pairs_.data() + extent.begin, extent.end - extent.begin};
  }

  std::vector<SubjectObject> pairs_;
  std::unordered_map<NodeRef, Extent> predicates_;
  std::unordered_map<std::pair<NodeRef, NodeRef>, Extent, PairHash> long_object_runs_;
  mutable std::unordered_map<NodeRef, OrderedForm> object_forms_;  // per predicate, on demand
};

}  // namespace kg::rdf
