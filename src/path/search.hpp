// Shortest connections between two entities of an EntityGraph: one shortest path (bidirectional
// BFS), every shortest path, or the k shortest simple paths (Yen's algorithm).
#pragma once

#include <cstddef>
#include <vector>

#include "path/entity_graph.hpp"
#include "rdf/node.hpp"

namespace kg::path {

// One link of a path: the triple it follows, and whether the path walks it from subject to
// object (forward) or against it.
struct Step {
  rdf::NodeRef subject, predicate, object;
  bool forward = true;

  rdf::NodeRef from() const { return forward ? subject : object; }
  rdf::NodeRef to() const { return forward ? object : subject; }
  friend bool operator==(const Step&, const Step&) = default;
};

struct Path {
  std::vector<Step> steps;
  size_t hops() const { return steps.size(); }
};

enum class PathMode { Shortest, AllShortest, KShortest };

struct PathOptions {
  size_t max_hops = 10;
  // Only links with these predicates; empty allows every predicate.
  std::vector<rdf::NodeRef> via;
  // Only walk links from subject to object.
  bool directed = false;
  PathMode mode = PathMode::Shortest;
  size_t k = 1;             // KShortest: how many paths
  size_t max_paths = 1000;  // AllShortest: enumeration stops here
};

struct PathResult {
  // Shortest first; paths of equal length in a fixed order (the store's).
  std::vector<Path> paths;
  // AllShortest only: more shortest paths exist than max_paths.
  bool truncated = false;
};

// No paths when there is none within max_hops, or when an endpoint has no links in the graph.
// Two paths differ when any step differs, so two links between the same entities (different
// predicates or directions) give two paths.
PathResult find_paths(const EntityGraph& graph, rdf::NodeRef from, rdf::NodeRef to,
                      const PathOptions& options);

}  // namespace kg::path
