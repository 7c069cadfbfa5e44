#include "rdf/predicate_runs.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <utility>

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

namespace {

// Each distinct object's position in store order, looked up by address.
class ObjectRanks {
 public:
  explicit ObjectRanks(const std::vector<SubjectObject>& pairs) {
    by_address_.reserve(pairs.size());
    for (const SubjectObject& pair : pairs)
      by_address_.push_back(pair.object);
    std::sort(by_address_.begin(), by_address_.end());
    by_address_.erase(std::unique(by_address_.begin(), by_address_.end()), by_address_.end());
    by_address_.shrink_to_fit();
    // The keys are read from Sord once, not on every comparison; the rare ties in text (equal
    // lexical forms of different datatypes or languages) go to the full order.
    struct Key {
      int kind;
      std::string_view text;
      uint32_t index;
    };
    std::vector<Key> keys;
    keys.reserve(by_address_.size());
    for (size_t i = 0; i < by_address_.size(); ++i)
      keys.push_back(
          {store_kind_rank(by_address_[i]), by_address_[i].value(), static_cast<uint32_t>(i)});
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
      if (a.kind != b.kind) return a.kind < b.kind;
      if (int order = a.text.compare(b.text)) return order < 0;
      return precedes_in_store(by_address_[a.index], by_address_[b.index]);
    });
    ranks_.resize(keys.size());
    for (size_t rank = 0; rank < keys.size(); ++rank)
      ranks_[keys[rank].index] = static_cast<uint32_t>(rank);
  }

  uint32_t of(NodeRef object) const {
    auto found = std::lower_bound(by_address_.begin(), by_address_.end(), object);
    return ranks_[static_cast<size_t>(found - by_address_.begin())];
  }

 private:
  std::vector<NodeRef> by_address_;
  std::vector<uint32_t> ranks_;
};

}  // namespace

PredicateRuns::PredicateRuns(std::vector<SubjectObject> pairs,
                             const std::vector<std::pair<NodeRef, size_t>>& groups)
    : pairs_(std::move(pairs)) {
  sort_by_object(groups);
  size_t begin = 0;
  for (const auto& [predicate, count] : groups) {
    if (count > 0) index_group(predicate, {begin, begin + count});
    begin += count;
  }
}

void PredicateRuns::sort_by_object(const std::vector<std::pair<NodeRef, size_t>>& groups) {
  ObjectRanks ranks(pairs_);
  std::vector<std::pair<uint32_t, SubjectObject>> keyed;
  auto group_begin = pairs_.begin();
  for (const auto& [predicate, count] : groups) {
    auto group_end = group_begin + static_cast<std::ptrdiff_t>(count);
    keyed.clear();
    for (auto pair = group_begin; pair != group_end; ++pair)
      keyed.emplace_back(ranks.of(pair->object), *pair);
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::transform(keyed.begin(), keyed.end(), group_begin,
                   [](const auto& entry) { return entry.second; });
    group_begin = group_end;
  }
}

void PredicateRuns::index_group(NodeRef predicate, Extent extent) {
  predicates_[predicate] = extent;
  size_t object_begin = extent.begin;
  for (size_t i = extent.begin + 1; i <= extent.end; ++i) {
    if (i < extent.end && pairs_[i].object == pairs_[object_begin].object) continue;
    if (i - object_begin >= kShortestIndexedRun)
      long_object_runs_[{predicate, pairs_[object_begin].object}] = {object_begin, i};
    object_begin = i;
  }
  // Now, while the run is hot, rather than in the first query that asks.
  form_of_objects(predicate);
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
