#include "path/search.hpp"

#include <functional>
#include <queue>
#include <set>

#include "path/bfs.hpp"

namespace kg::path {

namespace {

using detail::Barriers;
using detail::Hop;
using detail::HopPath;
using detail::Searcher;

Path to_path(const EntityGraph& graph, const HopPath& hops) {
  Path path;
  for (const Hop& hop : hops) {
    rdf::NodeRef from = graph.node(hop.from), to = graph.node(hop.to);
    bool forward = hop.label.forward();
    path.steps.push_back({forward ? from : to, graph.predicate(hop.label.predicate()),
                          forward ? to : from, forward});
  }
  return path;
}

// Every shortest path: a walk down the layers where each step gets one closer to the end.
// Depth-first with an explicit stack, since --max-hops allows paths longer than the call stack.
class ShortestPathEnumerator {
 public:
  ShortestPathEnumerator(Searcher& searcher, size_t max_paths)
      : searcher_(searcher), max_paths_(max_paths) {}

  PathResult run(Vertex from, Vertex to, uint32_t max_hops) {
    auto distance = searcher_.layers(from, to, max_hops);
    if (!distance) return {};
    distance_ = *distance;
    enter(from);
    while (!unexplored_.empty() && !result_.truncated) {
      if (current_.size() == distance_) {
        record();
        leave();
      } else if (auto hop = next_hop_closer_to_end()) {
        current_.push_back(*hop);
        enter(hop->to);
      } else {
        leave();
      }
    }
    return std::move(result_);
  }

 private:
  using OutEdges = boost::graph_traits<Csr>::out_edge_iterator;

  void enter(Vertex v) { unexplored_.push_back(boost::out_edges(v, searcher_.graph().csr())); }

  void leave() {
    unexplored_.pop_back();
    if (!current_.empty()) current_.pop_back();
  }

  void record() {
    if (result_.paths.size() == max_paths_)
      result_.truncated = true;
    else
      result_.paths.push_back(to_path(searcher_.graph(), current_));
  }

  // The next untried edge out of the deepest vertex that lies on a shortest path.
  std::optional<Hop> next_hop_closer_to_end() {
    const Csr& csr = searcher_.graph().csr();
    uint32_t next_depth = static_cast<uint32_t>(current_.size() + 1);
    auto& [next, end] = unexplored_.back();
    for (; next != end; ++next) {
      EdgeLabel label = csr[*next];
      Vertex v = boost::target(*next, csr);
      if (searcher_.rules().allows(label, false) && searcher_.from_start().depth[v] == next_depth &&
          searcher_.from_end().depth[v] == distance_ - next_depth) {
        Hop hop{boost::source(*next, csr), v, label};
        ++next;
        return hop;
      }
    }
    return std::nullopt;
  }

  Searcher& searcher_;
  size_t max_paths_;
  uint32_t distance_ = 0;
  HopPath current_;
  std::vector<std::pair<OutEdges, OutEdges>> unexplored_;  // one entry per vertex of current_
  PathResult result_;
};

// Yen's algorithm: each next path leaves a previous one at some vertex (the spur) and takes
// the shortest way on that avoids the root before it and the steps already taken from there.
class KShortestPaths {
 public:
  KShortestPaths(Searcher& searcher, uint32_t max_hops)
      : searcher_(searcher), max_hops_(max_hops) {}

  std::vector<HopPath> run(Vertex from, Vertex to, size_t k) {
    auto first = searcher_.shortest(from, to, max_hops_);
    if (!first) return {};
    accepted_.push_back(*first);
    known_.insert(*first);
    while (accepted_.size() < k) {
      add_deviations_of(accepted_.back(), from, to);
      if (candidates_.empty()) break;
      accepted_.push_back(candidates_.top().path);
      candidates_.pop();
    }
    return std::move(accepted_);
  }

 private:
  struct Candidate {
    HopPath path;
    size_t order;  // ties keep the order candidates were found in
    bool operator>(const Candidate& other) const {
      if (path.size() != other.path.size()) return path.size() > other.path.size();
      return order > other.order;
    }
  };

  void add_deviations_of(const HopPath& previous, Vertex from, Vertex to) {
    Barriers barriers;
    for (size_t spur_index = 0; spur_index < previous.size(); ++spur_index) {
      Vertex spur = spur_index == 0 ? from : previous[spur_index - 1].to;
      HopPath root(previous.begin(), previous.begin() + static_cast<long>(spur_index));
      barriers.hops.clear();
      for (const HopPath& path : accepted_)
        if (path.size() > spur_index && std::equal(root.begin(), root.end(), path.begin()))
          barriers.hops.push_back(path[spur_index]);
      if (spur_index > 0) barriers.vertices.push_back(root.back().from);
      auto spur_path =
          searcher_.shortest(spur, to, max_hops_ - static_cast<uint32_t>(spur_index), &barriers);
      if (!spur_path) continue;
      root.insert(root.end(), spur_path->begin(), spur_path->end());
      if (known_.insert(root).second) candidates_.push({std::move(root), next_order_++});
    }
  }

  Searcher& searcher_;
  uint32_t max_hops_;
  std::vector<HopPath> accepted_;
  std::set<HopPath> known_;
  std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> candidates_;
  size_t next_order_ = 0;
};

}  // namespace

PathResult find_paths(const EntityGraph& graph, rdf::NodeRef from, rdf::NodeRef to,
                      const PathOptions& options) {
  auto start = graph.vertex(from), end = graph.vertex(to);
  if (!start || !end) return {};
  Searcher searcher(graph, options);
  uint32_t max_hops = static_cast<uint32_t>(std::min<size_t>(options.max_hops, UINT32_MAX - 1));
  PathResult result;
  switch (options.mode) {
    case PathMode::AllShortest:
      return ShortestPathEnumerator(searcher, options.max_paths).run(*start, *end, max_hops);
    case PathMode::KShortest:
      for (const HopPath& hops : KShortestPaths(searcher, max_hops).run(*start, *end, options.k))
        result.paths.push_back(to_path(graph, hops));
      return result;
    case PathMode::Shortest:
      if (auto hops = searcher.shortest(*start, *end, max_hops))
        result.paths.push_back(to_path(graph, *hops));
      return result;
  }
  return result;
}

}  // namespace kg::path
