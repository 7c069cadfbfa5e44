// What a graph holds and how it hangs together: counts per class, predicate and source graph,
// connected components of the entity graph, and its most central entities.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "path/entity_graph.hpp"
#include "rdf/store.hpp"

namespace kg::path {

struct StatsOptions {
  size_t top = 10;  // central entities and largest components listed
  // Betweenness is exact (Boost's Brandes, O(V·E)) while V·(V+E) stays under this; above it
  // the ranking is skipped unless sampled_sources asks for an estimate.
  double exact_betweenness_limit = 2e9;
  // Estimate betweenness from this many source vertices (picked with a fixed seed, so runs
  // agree) instead of all of them.
  std::optional<size_t> sampled_sources;
};

enum class CentralityMethod { Exact, Sampled, Skipped };

struct GraphStats {
  size_t quads = 0, triples = 0;
  size_t vertices = 0, links = 0;  // of the entity graph
  // Largest first (ties by IRI).
  std::vector<std::pair<rdf::NodeRef, size_t>> classes;     // distinct instances
  std::vector<std::pair<rdf::NodeRef, size_t>> predicates;  // distinct triples
  std::vector<std::pair<rdf::NodeRef, size_t>> graphs;      // quads; the default graph is null
  size_t components = 0;
  std::vector<size_t> largest_components;  // up to `top` sizes, largest first
  // Two entities of the largest component far apart, found by a double sweep (a breadth-first
  // search from one of its entities, then another from the farthest entity reached): their
  // distance is a lower bound on the diameter, and on trees and most real graphs equals it.
  // Empty for a graph without links.
  struct FarPair {
    rdf::NodeRef from, to;
    size_t hops = 0;
  };
  std::optional<FarPair> farthest;
  // Betweenness on the entity graph taken as simple and undirected (each unordered pair of
  // entities counts once), highest first.
  CentralityMethod centrality_method = CentralityMethod::Exact;
  size_t centrality_sources = 0;  // sources the estimate used
  std::vector<std::pair<rdf::NodeRef, double>> central;
};

GraphStats compute_stats(const rdf::Store& store, const EntityGraph& graph,
                         const StatsOptions& options);

// Betweenness of every vertex of the entity graph taken as simple and undirected: exact with
// Boost's Brandes when sources is empty, else estimated from that many sampled sources and
// scaled up to all of them.
std::vector<double> betweenness(const EntityGraph& graph, std::optional<size_t> sources = {});

}  // namespace kg::path
