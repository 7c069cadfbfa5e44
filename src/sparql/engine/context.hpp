// What one query execution shares across its operators: the dataset, the function library's
// state, and the graph that triple patterns currently match against.
#pragma once

#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rdf/store.hpp"
#include "sparql/engine/row.hpp"
#include "sparql/functions.hpp"
#include "sparql/sparql.hpp"

namespace kg::sparql::engine {

// The graph patterns match against: the union of all graphs (each triple once), one graph, or
// the RDF merge of several graphs (each triple once; their blank nodes are already distinct).
struct ActiveGraph {
  enum class Kind { AllGraphs, OneGraph, Merge };
  Kind kind = Kind::AllGraphs;
  NodeRef graph;                // OneGraph
  std::vector<NodeRef> graphs;  // Merge

  static ActiveGraph one(NodeRef graph) { return {Kind::OneGraph, graph, {}}; }
};

// Streams the triples of the active graph that match a pattern (null positions are wildcards).
// With object bounds (a range filter's constants) it may skip objects outside them, where the
// store can find the range directly; it never has to, so the filter must still be applied.
class TripleMatches {
 public:
  TripleMatches(const rdf::Store& store, const ActiveGraph& graph, NodeRef subject,
                NodeRef predicate, NodeRef object, const rdf::ObjectBounds* bounds = nullptr);
  bool next(rdf::Quad& quad);

 private:
  bool open_graph(size_t index);
  std::optional<rdf::QuadRange> bounded_range(NodeRef graph) const;
  bool seen_in_earlier_graph(const rdf::Quad& quad) const;

  const rdf::Store& store_;
  const ActiveGraph& graph_;
  NodeRef subject_, predicate_, object_;
  const rdf::ObjectBounds* bounds_;
  std::optional<rdf::QuadRange> range_;
  rdf::QuadIterator current_;
  size_t graph_index_ = 0;
};

class ExecContext {
 public:
  ExecContext(const Query& query, const Dataset& dataset, const ExecOptions& options);

  const Query& query;
  const Dataset& dataset;
  rdf::Store& store;
  const ExecOptions& options;
  FunctionContext functions;
  size_t width;  // variables per row

  const ActiveGraph& default_graph() const { return default_graph_; }
  bool is_named_graph(NodeRef graph) const { return named_graphs_.count(graph) != 0; }
  const std::vector<NodeRef>& named_graphs() const { return dataset.named_graphs; }
  // A row with every variable unbound: the seed of a top-level evaluation.
  const NodeRef* empty_row() const { return empty_row_.data(); }

  // Every subject and object of a graph (what a zero-length path ranges over when neither
  // end is bound), computed once per graph per execution.
  const std::vector<NodeRef>& graph_nodes(const ActiveGraph& graph);

 private:
  ActiveGraph default_graph_;
  std::unordered_set<NodeRef> named_graphs_;
  std::vector<NodeRef> empty_row_;
  std::unordered_map<NodeRef, std::vector<NodeRef>> graph_nodes_cache_;
  std::optional<std::vector<NodeRef>> default_graph_nodes_;
};

// The frame an operator is opened in: the bindings its output must extend (the left row of a
// bind join, or the solution an EXISTS is substituted with) and the active graph.
struct Frame {
  const NodeRef* seed;
  const ActiveGraph* graph;
};

// The default graph a dataset describes.
ActiveGraph default_graph_of(const Dataset& dataset);

}  // namespace kg::sparql::engine
