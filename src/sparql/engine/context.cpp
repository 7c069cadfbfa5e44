#include "sparql/engine/context.hpp"

#include <ctime>

namespace kg::sparql::engine {

// ---------------------------------------------------------------------------------------------
// TripleMatches

TripleMatches::TripleMatches(const rdf::Store& store, const ActiveGraph& graph, NodeRef subject,
                             NodeRef predicate, NodeRef object, const rdf::ObjectBounds* bounds)
    : store_(store),
      graph_(graph),
      subject_(subject),
      predicate_(predicate),
      object_(object),
      bounds_(bounds) {
  open_graph(0);
}

bool TripleMatches::open_graph(size_t index) {
  graph_index_ = index;
  range_.reset();
  NodeRef graph;
  switch (graph_.kind) {
    case ActiveGraph::Kind::AllGraphs:
      if (index > 0) return false;
      break;
    case ActiveGraph::Kind::OneGraph:
      if (index > 0) return false;
      graph = graph_.graph;
      break;
    case ActiveGraph::Kind::Merge:
      if (index >= graph_.graphs.size()) return false;
      graph = graph_.graphs[index];
      break;
  }
  if (std::optional<rdf::QuadRange> bounded = bounded_range(graph))
    range_.emplace(std::move(*bounded));
  else
    range_.emplace(store_.match(subject_, predicate_, object_, graph));
  current_ = range_->begin();
  return true;
}

std::optional<rdf::QuadRange> TripleMatches::bounded_range(NodeRef graph) const {
  bool default_graph = !graph || graph == store_.default_graph();
  if (!bounds_ || subject_ || !predicate_ || object_ || !default_graph) return std::nullopt;
  return store_.match_object_range(predicate_, *bounds_);
}

bool TripleMatches::seen_in_earlier_graph(const rdf::Quad& quad) const {
  if (graph_.kind != ActiveGraph::Kind::Merge) return false;
  for (size_t i = 0; i < graph_index_; ++i)
    if (store_.contains(quad.subject, quad.predicate, quad.object, graph_.graphs[i])) return true;
  return false;
}

bool TripleMatches::next(rdf::Quad& quad) {
  while (range_) {
    if (current_ == range_->end()) {
      if (!open_graph(graph_index_ + 1)) return false;
      continue;
    }
    quad = *current_;
    ++current_;
    if (!seen_in_earlier_graph(quad)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// ExecContext

namespace {

std::string now_lexical(std::chrono::system_clock::time_point now) {
  auto seconds = std::chrono::time_point_cast<std::chrono::seconds>(now);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now - seconds).count();
  std::time_t time = std::chrono::system_clock::to_time_t(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[64];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  char fraction[8];
  std::snprintf(fraction, sizeof fraction, ".%03d", static_cast<int>(millis));
  return std::string(text) + fraction + "Z";
}

}  // namespace

ActiveGraph default_graph_of(const Dataset& dataset) {
  if (dataset.union_default_graph) return {};
  if (dataset.default_graphs.empty()) return ActiveGraph::one(dataset.store->default_graph());
  if (dataset.default_graphs.size() == 1) return ActiveGraph::one(dataset.default_graphs[0]);
  return {ActiveGraph::Kind::Merge, {}, dataset.default_graphs};
}

ExecContext::ExecContext(const Query& query_, const Dataset& dataset_, const ExecOptions& options_)
    : query(query_),
      dataset(dataset_),
      store(*dataset_.store),
      options(options_),
      width(query_.variables.size()),
      default_graph_(default_graph_of(dataset_)),
      named_graphs_(dataset_.named_graphs.begin(), dataset_.named_graphs.end()),
      empty_row_(query_.variables.size()) {
  functions.now_lexical = now_lexical(options.now.value_or(std::chrono::system_clock::now()));
  functions.base_iri = query.base_iri;
}

const std::vector<NodeRef>& ExecContext::graph_nodes(const ActiveGraph& graph) {
  std::vector<NodeRef>* cached = nullptr;
  if (graph.kind == ActiveGraph::Kind::OneGraph) {
    auto found = graph_nodes_cache_.find(graph.graph);
    if (found != graph_nodes_cache_.end()) return found->second;
    cached = &graph_nodes_cache_[graph.graph];
  } else {
    // AllGraphs and Merge only arise as the default graph.
    if (default_graph_nodes_) return *default_graph_nodes_;
    cached = &default_graph_nodes_.emplace();
  }
  std::unordered_set<NodeRef> seen;
  TripleMatches matches(store, graph, {}, {}, {});
  rdf::Quad quad;
  while (matches.next(quad)) {
    if (seen.insert(quad.subject).second) cached->push_back(quad.subject);
    if (seen.insert(quad.object).second) cached->push_back(quad.object);
  }
  return *cached;
}

}  // namespace kg::sparql::engine
