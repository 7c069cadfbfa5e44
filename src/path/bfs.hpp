// Internal to the path layer: breadth-first searches over an EntityGraph with reusable
// per-vertex workspaces, the building block of every path mode.
#pragma once

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <tuple>
#include <vector>

#include "path/entity_graph.hpp"
#include "path/search.hpp"

namespace kg::path::detail {

// One step in walking order (from is nearer the path's start), labelled as the triple reads
// from `from`.
struct Hop {
  Vertex from = 0, to = 0;
  EdgeLabel label;

  auto key() const { return std::tuple(from, to, label.predicate(), label.forward()); }
  friend bool operator==(const Hop& a, const Hop& b) { return a.key() == b.key(); }
  friend auto operator<=>(const Hop& a, const Hop& b) { return a.key() <=> b.key(); }
};
using HopPath = std::vector<Hop>;

// Which links a search may take.
class WalkRules {
 public:
  WalkRules(const EntityGraph& graph, const PathOptions& options);
  // from_end: the search runs from the path's end towards its start, so it walks the edge
  // against the path's direction.
  bool allows(EdgeLabel label, bool from_end) const {
    if (!allowed_predicates_.empty() && !allowed_predicates_[label.predicate()]) return false;
    return !directed_ || label.forward() != from_end;
  }

 private:
  std::vector<bool> allowed_predicates_;  // empty: all
  bool directed_;
};

// What a spur search of Yen's algorithm may not use.
struct Barriers {
  std::vector<Vertex> vertices;
  std::vector<Hop> hops;
};

inline constexpr uint32_t kUnreached = std::numeric_limits<uint32_t>::max();

// The vertices one search has reached, how far, and by which hop; reset in time proportional
// to what it touched, so repeated searches on a big graph stay cheap.
struct Reach {
  std::vector<uint32_t> depth;
  std::vector<Hop> arrival;
  std::vector<Vertex> touched, frontier;

  explicit Reach(size_t vertex_count) : depth(vertex_count, kUnreached), arrival(vertex_count) {}
  bool reached(Vertex v) const { return depth[v] != kUnreached; }
  void clear();
  void reach(Vertex v, uint32_t at_depth, Hop hop);
  void start(Vertex root);
};

class Searcher {
 public:
  Searcher(const EntityGraph& graph, const PathOptions& options);

  // A shortest path of at most max_hops, by bidirectional BFS.
  std::optional<HopPath> shortest(Vertex from, Vertex to, uint32_t max_hops,
                                  const Barriers* barriers = nullptr);
  // Fills the two reaches with distances from `from` and to `to` (up to the shortest distance
  // between them); returns that distance, if within max_hops.
  std::optional<uint32_t> layers(Vertex from, Vertex to, uint32_t max_hops);

  const Reach& from_start() const { return forward_; }
  const Reach& from_end() const { return backward_; }
  const EntityGraph& graph() const { return graph_; }
  const WalkRules& rules() const { return rules_; }

 private:
  struct Meeting {
    uint32_t length = kUnreached;
    Hop hop;
  };
  // Advances one side of the search by a whole level, noting the best place it meets the
  // other side.
  void expand(Reach& self, const Reach& other, bool from_end, Meeting& meeting);
  bool blocked(const Hop& hop) const;
  HopPath stitch(const Hop& middle) const;
  void set_barriers(const Barriers* barriers);

  const EntityGraph& graph_;
  WalkRules rules_;
  Reach forward_, backward_;
  std::vector<char> blocked_vertex_;
  const Barriers* barriers_ = nullptr;
  std::vector<Vertex> next_;
};

}  // namespace kg::path::detail
