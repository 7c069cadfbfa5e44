#include "rdf/predicate_runs.hpp"

namespace kg::rdf {

void PredicateRuns::begin_predicate(NodeRef predicate) {
  finish();
  predicate_ = predicate;
  predicate_begin_ = object_begin_ = pairs_.size();
}

void PredicateRuns::add(NodeRef subject, NodeRef object) {
  if (pairs_.size() > object_begin_ && pairs_.back().object != object) close_object_run();
  pairs_.push_back({subject, object});
}

void PredicateRuns::close_object_run() {
  size_t end = pairs_.size();
  if (end - object_begin_ >= kShortestIndexedRun)
    long_object_runs_[{predicate_, pairs_[object_begin_].object}] = {object_begin_, end};
  object_begin_ = end;
}

void PredicateRuns::finish() {
  if (!predicate_) return;
  if (pairs_.size() > object_begin_) close_object_run();
  if (pairs_.size() > predicate_begin_) predicates_[predicate_] = {predicate_begin_, pairs_.size()};
  predicate_ = {};
}

std::span<const SubjectObject> PredicateRuns::of(NodeRef predicate) const {
  auto found = predicates_.find(predicate);
  return found == predicates_.end() ? std::span<const SubjectObject>() : span(found->second);
}

std::optional<std::span<const SubjectObject>> PredicateRuns::of(NodeRef predicate,
                                                                NodeRef object) const {
  auto found = long_object_runs_.find({predicate, object});
  if (found == long_object_runs_.end()) return std::nullopt;
  return span(found->second);
}

}  // namespace kg::rdf
