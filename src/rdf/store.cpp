#include "rdf/store.hpp"

#include <algorithm>
#include <atomic>
#include <unordered_map>

#include <sord/sord.h>

namespace kg::rdf {

namespace {
constexpr const char* kDefaultGraphIri = "urn:x-kg:default-graph";

const SordNode* raw(NodeRef node) {
  return node.sord();
}

uint64_t next_store_version() {
  static std::atomic<uint64_t> counter{0};
  return ++counter;
}
}  // namespace

Quad QuadIterator::operator*() const {
  if (run_) return Quad{run_->subject, predicate_, run_->object, graph_};
  SordQuad quad;
  sord_iter_get(iter_, quad);
  return Quad{NodeRef::from_sord(quad[SORD_SUBJECT]), NodeRef::from_sord(quad[SORD_PREDICATE]),
              NodeRef::from_sord(quad[SORD_OBJECT]), NodeRef::from_sord(quad[SORD_GRAPH])};
}

QuadIterator& QuadIterator::operator++() {
  if (run_) {
    if (++run_ == run_end_) run_ = nullptr;
    return *this;
  }
  // Sord frees nothing at the end; QuadRange owns the iterator and frees it.
  if (sord_iter_next(iter_)) iter_ = nullptr;
  return *this;
}

QuadRange::~QuadRange() {
  sord_iter_free(iter_);
}

// Three orders cover every triple pattern with a range scan except (s ? o), which Sord
// answers from SPO with a filter. A store holding the default graph alone keeps its POS order
// in PredicateRuns instead of in Sord.
constexpr unsigned kDefaultGraphOrders = SORD_SPO | SORD_OPS;
constexpr unsigned kGraphOrders = SORD_SPO | SORD_POS | SORD_OPS;

Store::Store() : world_(std::make_unique<World>()), version_(next_store_version()) {
  // With graphs on, Sord gives every order a graph-first twin: twice the B-trees to fill,
  // most of the time a load takes. A store holding the default graph alone needs none of
  // them, so they are built when the first named graph arrives.
  model_ = sord_new(world_->sord(), kDefaultGraphOrders, false);
  default_graph_ = world_->iri(kDefaultGraphIri);
}

void Store::add_graph_indices() {
  SordModelImpl* indexed = sord_new(world_->sord(), kGraphOrders, true);
  if (SordIter* all = sord_begin(model_)) {
    SordQuad quad;
    for (; !sord_iter_end(all); sord_iter_next(all)) {
      sord_iter_get(all, quad);
      sord_add(indexed, quad);
    }
    sord_iter_free(all);
  }
  sord_free(model_);
  model_ = indexed;
  graph_indices_ = true;
}

Store::~Store() {
  sord_free(model_);
}

bool Store::insert(NodeRef subject, NodeRef predicate, NodeRef object, NodeRef graph) {
  if (!graph) graph = default_graph_;
  if (graph != default_graph_ && !graph_indices_) add_graph_indices();
  SordQuad quad = {raw(subject), raw(predicate), raw(object), raw(graph)};
  if (!sord_add(model_, quad)) return false;
  ++graph_sizes_[graph];
  ++predicate_counts_[predicate];
  predicate_stats_cache_.clear();
  version_ = next_store_version();
  return true;
}

bool Store::insert(const Term& subject, const Term& predicate, const Term& object,
                   const Term* graph) {
  return insert(world_->intern(subject), world_->intern(predicate), world_->intern(object),
                graph ? world_->intern(*graph) : NodeRef());
}

bool Store::erase(NodeRef subject, NodeRef predicate, NodeRef object, NodeRef graph) {
  if (!graph) graph = default_graph_;
  if (!contains(subject, predicate, object, graph)) return false;
  SordQuad quad = {raw(subject), raw(predicate), raw(object), raw(graph)};
  sord_remove(model_, quad);
  if (--graph_sizes_[graph] == 0) graph_sizes_.erase(graph);
  if (--predicate_counts_[predicate] == 0) predicate_counts_.erase(predicate);
  predicate_stats_cache_.clear();
  version_ = next_store_version();
  return true;
}

QuadRange Store::match(NodeRef subject, NodeRef predicate, NodeRef object, NodeRef graph) const {
  // Without graph indices every quad is in the default graph, and Sord cannot search by graph.
  if (!graph_indices_ && graph) {
    if (graph != default_graph_) return QuadRange(nullptr);
    graph = {};
  }
  if (!subject && predicate && !graph) {
    if (const PredicateRuns* runs = predicate_runs()) {
      if (!object) return QuadRange(runs->of(predicate), predicate, default_graph_);
      if (auto run = runs->of(predicate, object)) return QuadRange(*run, predicate, default_graph_);
    }
  }
  SordQuad pattern = {raw(subject), raw(predicate), raw(object), raw(graph)};
  return QuadRange(sord_find(model_, pattern));
}

std::optional<QuadRange> Store::match_object_range(NodeRef predicate,
                                                   const ObjectBounds& bounds) const {
  const PredicateRuns* runs = predicate_runs();
  if (!runs) return std::nullopt;
  auto run = runs->within(predicate, bounds);
  if (!run) return std::nullopt;
  return std::optional<QuadRange>(std::in_place, *run, predicate, default_graph_);
}

const PredicateRuns* Store::predicate_runs() const {
  // With graph indices a scan may span graphs and must skip repeated triples: Sord does that.
  if (graph_indices_) return nullptr;
  if (predicate_runs_ && predicate_runs_version_ == version_) return predicate_runs_.get();
  predicate_runs_.reset();  // before the new one is built: the old one's memory is reused
  std::vector<std::pair<NodeRef, size_t>> groups(predicate_counts_.begin(),
                                                 predicate_counts_.end());
  std::unordered_map<NodeRef, size_t> next_of_predicate;
  size_t begin = 0;
  for (const auto& [predicate, count] : groups) {
    next_of_predicate[predicate] = begin;
    begin += count;
  }
  // A subject-first scan, placed by predicate: each group's subjects are then in store order.
  std::vector<SubjectObject> pairs(begin);
  for (const Quad& quad : QuadRange(sord_begin(model_)))
    pairs[next_of_predicate[quad.predicate]++] = {quad.subject, quad.object};
  predicate_runs_ = std::make_unique<PredicateRuns>(std::move(pairs), groups);
  predicate_runs_version_ = version_;
  return predicate_runs_.get();
}

bool Store::contains(NodeRef subject, NodeRef predicate, NodeRef object, NodeRef graph) const {
  return !match(subject, predicate, object, graph).empty();
}

size_t Store::size() const {
  return sord_num_quads(model_);
}

size_t Store::graph_size(NodeRef graph) const {
  auto found = graph_sizes_.find(graph ? graph : default_graph_);
  return found == graph_sizes_.end() ? 0 : found->second;
}

std::vector<NodeRef> Store::named_graphs() const {
  std::vector<NodeRef> graphs;
  for (const auto& [graph, count] : graph_sizes_)
    if (graph != default_graph_ && count > 0) graphs.push_back(graph);
  std::sort(graphs.begin(), graphs.end(),
            [](NodeRef a, NodeRef b) { return a.value() < b.value(); });
  return graphs;
}

const PredicateStats& Store::predicate_stats(NodeRef predicate) const {
  auto cached = predicate_stats_cache_.find(predicate);
  if (cached != predicate_stats_cache_.end()) return cached->second;
  PredicateStats stats;
  // POS order groups equal objects together; subjects need a set.
  std::vector<NodeRef> subjects;
  NodeRef last_object;
  for (const Quad& quad : match({}, predicate, {}, {})) {
    ++stats.triples;
    if (quad.object != last_object) ++stats.distinct_objects;
    last_object = quad.object;
    subjects.push_back(quad.subject);
  }
  std::sort(subjects.begin(), subjects.end());
  stats.distinct_subjects =
      static_cast<size_t>(std::unique(subjects.begin(), subjects.end()) - subjects.begin());
  return predicate_stats_cache_.emplace(predicate, stats).first->second;
}

}  // namespace kg::rdf
