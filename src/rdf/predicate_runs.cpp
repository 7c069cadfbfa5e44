#include "rdf/predicate_runs.hpp"

#include <algorithm>
#include <cctype>

#include "rdf/vocabulary.hpp"

namespace kg::rdf {

namespace {

// True if text has a digit wherever pattern has 'D' and pattern's character elsewhere.
bool has_shape(std::string_view text, std::string_view pattern) {
  if (text.size() != pattern.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool digit = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
    if (pattern[i] == 'D' ? !digit : text[i] != pattern[i]) return false;
  }
  return true;
}

}  // namespace

// Fixed widths make string order the value order. Hour 24 is left out: "T24:00:00" equals
// the next day's midnight but sorts before it.
PredicateRuns::OrderedForm PredicateRuns::ordered_form(std::string_view datatype,
                                                       std::string_view lexical) {
  if (datatype == vocab::kXsdDate)
    return has_shape(lexical, "DDDD-DD-DD") ? OrderedForm::Date : OrderedForm::None;
  if (datatype != vocab::kXsdDateTime) return OrderedForm::None;
  OrderedForm form = has_shape(lexical, "DDDD-DD-DDTDD:DD:DD")    ? OrderedForm::LocalDateTime
                     : has_shape(lexical, "DDDD-DD-DDTDD:DD:DDZ") ? OrderedForm::UtcDateTime
                                                                  : OrderedForm::None;
  return form != OrderedForm::None && lexical.substr(11, 2) == "24" ? OrderedForm::None : form;
}

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
  // Now, while the run is hot, rather than in the first query that asks.
  form_of_objects(predicate_);
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

PredicateRuns::OrderedForm PredicateRuns::form_of_objects(NodeRef predicate) const {
  auto known = object_forms_.find(predicate);
  if (known != object_forms_.end()) return known->second;
  std::span<const SubjectObject> run = of(predicate);
  OrderedForm form = run.empty()
                         ? OrderedForm::None
                         : ordered_form(run[0].object.datatype_iri(), run[0].object.value());
  NodeRef previous;
  for (const SubjectObject& pair : run) {
    if (form == OrderedForm::None) break;
    if (pair.object == previous) continue;
    if (!pair.object.is_literal() ||
        ordered_form(pair.object.datatype_iri(), pair.object.value()) != form ||
        (previous && pair.object.value() < previous.value()))
      form = OrderedForm::None;
    previous = pair.object;
  }
  return object_forms_[predicate] = form;
}

std::optional<std::span<const SubjectObject>> PredicateRuns::within(
    NodeRef predicate, const ObjectBounds& bounds) const {
  OrderedForm form = form_of_objects(predicate);
  if (form == OrderedForm::None) return std::nullopt;
  for (const std::optional<std::string>& bound : {bounds.lower, bounds.upper})
    if (bound && ordered_form(bounds.datatype, *bound) != form) return std::nullopt;
  std::span<const SubjectObject> run = of(predicate);
  auto first = run.begin(), last = run.end();
  if (bounds.lower)
    first = std::partition_point(first, last, [&](const SubjectObject& pair) {
      std::string_view value = pair.object.value();
      return bounds.lower_inclusive ? value < *bounds.lower : value <= *bounds.lower;
    });
  if (bounds.upper)
    last = std::partition_point(first, last, [&](const SubjectObject& pair) {
      std::string_view value = pair.object.value();
      return bounds.upper_inclusive ? value <= *bounds.upper : value < *bounds.upper;
    });
  return std::span<const SubjectObject>(first, last);
}

}  // namespace kg::rdf
