// Cardinality estimates for triple patterns and property paths, from the store's real counts:
// Sord keeps no statistics, so the store's per-predicate counts (triples, distinct subjects,
// distinct objects) stand in, and patterns with constants are counted exactly up to a cap.
#pragma once

#include <map>
#include <tuple>

#include "sparql/engine/leaves.hpp"
#include "sparql/engine/path.hpp"

namespace kg::sparql::optimizer {

using engine::CompiledPath;
using engine::PatternSlot;
using engine::VariableSet;
using rdf::NodeRef;

// What one index lookup costs relative to reading one row of a scan: a Sord lookup descends a
// B-tree comparing node strings and allocates an iterator. Measured on a 1M-triple store:
// about 2.6 us per lookup against 0.25 us per scanned row.
inline constexpr double kLookupCost = 10.0;

class Cardinality {
 public:
  explicit Cardinality(const rdf::Store& store);

  // Expected matches of a pattern when the variables in `bound` are already bound (by a
  // seed or an earlier join step); constants count as bound.
  double triple_pattern(const std::array<PatternSlot, 3>& pattern, const VariableSet& bound);
  double path(const PatternSlot& subject, const CompiledPath& path, const PatternSlot& object,
              const VariableSet& bound);

 private:
  struct PredicateShape {
    double triples, subjects, objects;
  };
  PredicateShape shape(NodeRef predicate) const;
  PredicateShape any_predicate_shape() const;
  double path_rows(const CompiledPath& path, bool subject_bound, bool object_bound) const;
  // The exact number of matches of a constant pattern, or nullopt past the cap.
  std::optional<double> count_constant(NodeRef subject, NodeRef predicate, NodeRef object);

  const rdf::Store& store_;
  std::map<std::tuple<NodeRef, NodeRef, NodeRef>, std::optional<double>> counted_;
  mutable std::optional<PredicateShape> any_predicate_;
};

}  // namespace kg::sparql::optimizer
