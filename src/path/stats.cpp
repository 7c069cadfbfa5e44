#include "path/stats.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <random>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>

#include "path/labels.hpp"
#include "rdf/vocabulary.hpp"

namespace kg::path {

namespace {

using rdf::NodeRef;

// The entity graph with parallel links merged and both directions kept: an undirected simple
// graph in the form Boost's CSR stores (each edge as two arcs).
using SimpleGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, Vertex, uint32_t>;

SimpleGraph simple_undirected(const EntityGraph& graph) {
  const Csr& csr = graph.csr();
  std::vector<std::pair<Vertex, Vertex>> arcs;
  std::vector<Vertex> neighbours;
  for (Vertex v = 0; v < graph.vertex_count(); ++v) {
    neighbours.clear();
    for (auto edge : boost::make_iterator_range(boost::out_edges(v, csr)))
      neighbours.push_back(boost::target(edge, csr));
    std::sort(neighbours.begin(), neighbours.end());
    neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
    for (Vertex neighbour : neighbours)
      arcs.emplace_back(v, neighbour);
  }
  return SimpleGraph(boost::edges_are_sorted, arcs.begin(), arcs.end(), graph.vertex_count());
}

// Brandes' accumulation from a subset of sources (Brandes and Pich's estimator): each source
// adds its exact dependencies, and the sum is scaled to what all sources would give.
std::vector<double> sampled_betweenness(const SimpleGraph& graph, size_t sources) {
  size_t n = boost::num_vertices(graph);
  std::vector<Vertex> order(n);
  std::iota(order.begin(), order.end(), Vertex{0});
  std::shuffle(order.begin(), order.end(), std::mt19937(20240513));
  order.resize(std::min(sources, n));
  std::vector<double> centrality(n, 0.0), paths(n), dependency(n);
  std::vector<int64_t> distance(n);
  std::vector<Vertex> visited;
  for (Vertex source : order) {
    std::fill(distance.begin(), distance.end(), -1);
    std::fill(paths.begin(), paths.end(), 0.0);
    visited.assign(1, source);
    distance[source] = 0;
    paths[source] = 1;
    for (size_t next = 0; next < visited.size(); ++next) {
      Vertex v = visited[next];
      for (Vertex w : boost::make_iterator_range(boost::adjacent_vertices(v, graph))) {
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          visited.push_back(w);
        }
        if (distance[w] == distance[v] + 1) paths[w] += paths[v];
      }
    }
    for (Vertex v : visited)
      dependency[v] = 0;
    for (auto w = visited.rbegin(); w != visited.rend(); ++w) {
      for (Vertex v : boost::make_iterator_range(boost::adjacent_vertices(*w, graph)))
        if (distance[v] == distance[*w] - 1)
          dependency[v] += paths[v] / paths[*w] * (1 + dependency[*w]);
      if (*w != source) centrality[*w] += dependency[*w];
    }
  }
  // Summing over every source would count each unordered pair twice, once from either end.
  double scale = order.empty() ? 0 : static_cast<double>(n) / static_cast<double>(order.size()) / 2;
  for (double& value : centrality)
    value *= scale;
  return centrality;
}

// Counts in the map's order, stably re-sorted largest first.
template <typename Counts>
std::vector<std::pair<NodeRef, size_t>> largest_first(const Counts& counts) {
  std::vector<std::pair<NodeRef, size_t>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

// Ordered by IRI, so that equal counts list the same way every run.
struct ByValue {
  bool operator()(NodeRef a, NodeRef b) const {
    if (!a || !b) return !a && b;
    return a.value() < b.value();
  }
};

void count_triples(const rdf::Store& store, GraphStats& stats) {
  stats.quads = store.size();
  std::map<NodeRef, size_t, ByValue> predicates, classes, graphs;
  for (const auto& [predicate, quads] : store.predicate_counts()) {
    size_t triples = store.predicate_stats(predicate).triples;
    predicates[predicate] = triples;
    stats.triples += triples;
  }
  if (NodeRef type = find_predicate(store, rdf::vocab::kRdfType))
    for (const rdf::Quad& quad : store.match({}, type, {}, {}))
      ++classes[quad.object];
  for (NodeRef graph : store.named_graphs())
    graphs[graph] = store.graph_size(graph);
  if (size_t in_default = store.graph_size(store.default_graph())) graphs[NodeRef()] = in_default;
  stats.predicates = largest_first(predicates);
  stats.classes = largest_first(classes);
  stats.graphs = largest_first(graphs);
}

// Each vertex's connected component, and each component's size.
struct Components {
  std::vector<Vertex> of;
  std::vector<size_t> sizes;
};

Components components_of(const SimpleGraph& graph) {
  Components components;
  components.of.resize(boost::num_vertices(graph));
  size_t count = boost::connected_components(
      graph, boost::make_iterator_property_map(components.of.begin(),
                                               boost::get(boost::vertex_index, graph)));
  components.sizes.assign(count, 0);
  for (Vertex c : components.of)
    ++components.sizes[c];
  return components;
}

void count_components(const Components& components, size_t top, GraphStats& stats) {
  stats.components = components.sizes.size();
  std::vector<size_t> sizes = components.sizes;
  std::sort(sizes.rbegin(), sizes.rend());
  sizes.resize(std::min(sizes.size(), top));
  stats.largest_components = std::move(sizes);
}

// The vertex farthest from `source` (breadth first) and its distance in hops; ties go to the
// lowest vertex, so that the answer does not depend on adjacency order.
std::pair<Vertex, size_t> farthest_from(const SimpleGraph& graph, Vertex source) {
  constexpr size_t unreached = static_cast<size_t>(-1);
  std::vector<size_t> distance(boost::num_vertices(graph), unreached);
  std::vector<Vertex> queue{source};
  distance[source] = 0;
  std::pair<Vertex, size_t> far{source, 0};
  for (size_t next = 0; next < queue.size(); ++next) {
    Vertex v = queue[next];
    if (distance[v] > far.second || (distance[v] == far.second && v < far.first))
      far = {v, distance[v]};
    for (Vertex w : boost::make_iterator_range(boost::adjacent_vertices(v, graph)))
      if (distance[w] == unreached) {
        distance[w] = distance[v] + 1;
        queue.push_back(w);
      }
  }
  return far;
}

// The double sweep starts in the largest component, from its best-linked entity (lowest
// vertex among equals): a hub is central, so the first sweep ends on the rim.
std::optional<GraphStats::FarPair> double_sweep(const SimpleGraph& graph,
                                                const Components& components,
                                                const EntityGraph& entities) {
  const auto& sizes = components.sizes;
  if (sizes.empty()) return std::nullopt;
  auto largest = static_cast<Vertex>(std::max_element(sizes.begin(), sizes.end()) - sizes.begin());
  if (sizes[largest] < 2) return std::nullopt;
  Vertex start = 0;
  size_t best_degree = 0;
  for (Vertex v = 0; v < boost::num_vertices(graph); ++v)
    if (components.of[v] == largest && boost::out_degree(v, graph) > best_degree) {
      start = v;
      best_degree = boost::out_degree(v, graph);
    }
  Vertex rim = farthest_from(graph, start).first;
  auto [other, hops] = farthest_from(graph, rim);
  return GraphStats::FarPair{entities.node(rim), entities.node(other), hops};
}

std::vector<double> betweenness_of(const SimpleGraph& simple, std::optional<size_t> sources) {
  if (sources) return sampled_betweenness(simple, *sources);
  std::vector<double> centrality(boost::num_vertices(simple), 0.0);
  boost::brandes_betweenness_centrality(
      simple, boost::make_iterator_property_map(centrality.begin(),
                                                boost::get(boost::vertex_index, simple)));
  // Boost counts the ordered pairs of a directed graph; the arcs come in pairs, so each
  // unordered pair of entities was counted twice.
  for (double& value : centrality)
    value /= 2;
  return centrality;
}

}  // namespace

std::vector<double> betweenness(const EntityGraph& graph, std::optional<size_t> sources) {
  return betweenness_of(simple_undirected(graph), sources);
}

GraphStats compute_stats(const rdf::Store& store, const EntityGraph& graph,
                         const StatsOptions& options) {
  GraphStats stats;
  count_triples(store, stats);
  stats.vertices = graph.vertex_count();
  stats.links = graph.triple_count();
  SimpleGraph simple = simple_undirected(graph);
  Components components = components_of(simple);
  count_components(components, options.top, stats);
  stats.farthest = double_sweep(simple, components, graph);

  double vertices = static_cast<double>(boost::num_vertices(simple));
  double cost = vertices * (vertices + static_cast<double>(boost::num_edges(simple)));
  std::vector<double> centrality;
  if (options.sampled_sources) {
    stats.centrality_method = CentralityMethod::Sampled;
    stats.centrality_sources = std::min(*options.sampled_sources, graph.vertex_count());
    centrality = betweenness_of(simple, options.sampled_sources);
  } else if (cost <= options.exact_betweenness_limit) {
    stats.centrality_method = CentralityMethod::Exact;
    stats.centrality_sources = graph.vertex_count();
    centrality = betweenness_of(simple, std::nullopt);
  } else {
    stats.centrality_method = CentralityMethod::Skipped;
    return stats;
  }
  std::vector<Vertex> ranked;
  for (Vertex v = 0; v < centrality.size(); ++v)
    if (centrality[v] > 0) ranked.push_back(v);
  std::sort(ranked.begin(), ranked.end(), [&](Vertex a, Vertex b) {
    if (centrality[a] != centrality[b]) return centrality[a] > centrality[b];
    return graph.node(a).value() < graph.node(b).value();
  });
  ranked.resize(std::min(ranked.size(), options.top));
  for (Vertex v : ranked)
    stats.central.emplace_back(graph.node(v), centrality[v]);
  return stats;
}

}  // namespace kg::path
