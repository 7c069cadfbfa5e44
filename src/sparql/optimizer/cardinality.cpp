#include "sparql/optimizer/cardinality.hpp"

#include <algorithm>

namespace kg::sparql::optimizer {

namespace {

// Counting stops here: past it the statistics are good enough and counting gets slow.
constexpr size_t kCountCap = 1000;

bool is_bound(const PatternSlot& slot, const VariableSet& bound) {
  return !slot.variable || bound.contains(*slot.variable);
}

}  // namespace

Cardinality::Cardinality(const rdf::Store& store) : store_(store) {}

Cardinality::PredicateShape Cardinality::shape(NodeRef predicate) const {
  const rdf::PredicateStats& stats = store_.predicate_stats(predicate);
  return {static_cast<double>(stats.triples),
          std::max<double>(1, static_cast<double>(stats.distinct_subjects)),
          std::max<double>(1, static_cast<double>(stats.distinct_objects))};
}

// Without a predicate: all triples, over roughly as many subjects (objects) as the predicate
// with the most of them has. That underestimates the distinct nodes, which errs towards
// expecting more matches per bound node, the safe side for join ordering.
Cardinality::PredicateShape Cardinality::any_predicate_shape() const {
  if (any_predicate_) return *any_predicate_;
  PredicateShape result{static_cast<double>(store_.size()), 1, 1};
  for (const auto& [predicate, count] : store_.predicate_counts()) {
    // Only the largest predicates are worth computing statistics for.
    if (static_cast<double>(count) * 20 < result.triples) continue;
    PredicateShape one = shape(predicate);
    result.subjects = std::max(result.subjects, one.subjects);
    result.objects = std::max(result.objects, one.objects);
  }
  any_predicate_ = result;
  return result;
}

std::optional<double> Cardinality::count_constant(NodeRef subject, NodeRef predicate,
                                                  NodeRef object) {
  auto key = std::make_tuple(subject, predicate, object);
  auto found = counted_.find(key);
  if (found != counted_.end()) return found->second;
  size_t count = 0;
  for (const rdf::Quad& quad : store_.match(subject, predicate, object, {})) {
    (void)quad;
    if (++count > kCountCap) break;
  }
  std::optional<double> result;
  if (count <= kCountCap) result = static_cast<double>(count);
  return counted_.emplace(key, result).first->second;
}

double Cardinality::triple_pattern(const std::array<PatternSlot, 3>& pattern,
                                   const VariableSet& bound) {
  bool subject_bound = is_bound(pattern[0], bound);
  bool object_bound = is_bound(pattern[2], bound);
  bool constant_predicate = !pattern[1].variable;
  PredicateShape stats = constant_predicate ? shape(pattern[1].constant) : any_predicate_shape();
  if (!constant_predicate && is_bound(pattern[1], bound)) {
    // A predicate bound by a join: an average predicate.
    double predicates = std::max<double>(1, static_cast<double>(store_.predicate_counts().size()));
    stats.triples /= predicates;
  }
  double rows = stats.triples;
  if (subject_bound && object_bound)
    rows = std::min(1.0, stats.triples / (stats.subjects * stats.objects) * 10);
  else if (subject_bound)
    rows = stats.triples / stats.subjects;
  else if (object_bound)
    rows = stats.triples / stats.objects;

  // The constants alone, counted exactly, bound the estimate from above.
  bool has_constant_end = !pattern[0].variable || !pattern[2].variable;
  if (has_constant_end || constant_predicate) {
    NodeRef s = pattern[0].variable ? NodeRef() : pattern[0].constant;
    NodeRef p = pattern[1].variable ? NodeRef() : pattern[1].constant;
    NodeRef o = pattern[2].variable ? NodeRef() : pattern[2].constant;
    if (std::optional<double> exact = count_constant(s, p, o)) rows = std::min(rows, *exact);
  }
  return rows;
}

double Cardinality::path_rows(const CompiledPath& path, bool subject_bound,
                              bool object_bound) const {
  using Kind = PathExpr::Kind;
  switch (path.kind) {
    case Kind::Link: {
      PredicateShape stats = shape(path.iri);
      if (subject_bound && object_bound) return 1;
      if (subject_bound) return stats.triples / stats.subjects;
      if (object_bound) return stats.triples / stats.objects;
      return stats.triples;
    }
    case Kind::Inverse:
      return path_rows(path.operands[0], object_bound, subject_bound);
    case Kind::Sequence:
      return path_rows(path.operands[0], subject_bound, false) *
             std::max(1.0, path_rows(path.operands[1], true, object_bound));
    case Kind::Alternative:
      return path_rows(path.operands[0], subject_bound, object_bound) +
             path_rows(path.operands[1], subject_bound, object_bound);
    case Kind::ZeroOrOne:
    case Kind::ZeroOrMore:
    case Kind::OneOrMore: {
      double step = path_rows(path.operands[0], subject_bound, object_bound);
      if (subject_bound && object_bound) return 1;
      // A closure reaches a few steps' worth of nodes from a bound end; from every node
      // otherwise.
      if (subject_bound || object_bound) return std::max(1.0, step * 5);
      return std::max(step, static_cast<double>(store_.size())) * 2;
    }
    case Kind::NegatedSet: {
      PredicateShape all = any_predicate_shape();
      if (subject_bound) return all.triples / all.subjects;
      if (object_bound) return all.triples / all.objects;
      return all.triples;
    }
  }
  return static_cast<double>(store_.size());
}

double Cardinality::path(const PatternSlot& subject, const CompiledPath& compiled,
                         const PatternSlot& object, const VariableSet& bound) {
  return std::max(0.1, path_rows(compiled, is_bound(subject, bound), is_bound(object, bound)));
}

}  // namespace kg::sparql::optimizer
