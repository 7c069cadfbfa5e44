#include "path/bfs.hpp"

#include <algorithm>

namespace kg::path::detail {

WalkRules::WalkRules(const EntityGraph& graph, const PathOptions& options)
    : directed_(options.directed) {
  if (options.via.empty()) return;
  allowed_predicates_.assign(graph.predicate_count(), false);
  // An empty mask would mean "all", so a --via list naming no predicate of the graph keeps one
  // extra, never-matching slot.
  allowed_predicates_.push_back(false);
  for (rdf::NodeRef predicate : options.via)
    if (auto id = graph.predicate_id(predicate)) allowed_predicates_[*id] = true;
}

void Reach::clear() {
  for (Vertex v : touched)
    depth[v] = kUnreached;
  touched.clear();
  frontier.clear();
}

void Reach::reach(Vertex v, uint32_t at_depth, Hop hop) {
  depth[v] = at_depth;
  arrival[v] = hop;
  touched.push_back(v);
}

void Reach::start(Vertex root) {
  clear();
  reach(root, 0, {});
  frontier.push_back(root);
}

Searcher::Searcher(const EntityGraph& graph, const PathOptions& options)
    : graph_(graph),
      rules_(graph, options),
      forward_(graph.vertex_count()),
      backward_(graph.vertex_count()),
      blocked_vertex_(graph.vertex_count(), 0) {}

void Searcher::set_barriers(const Barriers* barriers) {
  if (barriers_)
    for (Vertex v : barriers_->vertices)
      blocked_vertex_[v] = 0;
  barriers_ = barriers;
  if (barriers_)
    for (Vertex v : barriers_->vertices)
      blocked_vertex_[v] = 1;
}

bool Searcher::blocked(const Hop& hop) const {
  if (!barriers_) return false;
  if (blocked_vertex_[hop.from] || blocked_vertex_[hop.to]) return true;
  return std::find(barriers_->hops.begin(), barriers_->hops.end(), hop) != barriers_->hops.end();
}

void Searcher::expand(Reach& self, const Reach& other, bool from_end, Meeting& meeting) {
  const Csr& csr = graph_.csr();
  next_.clear();
  for (Vertex u : self.frontier) {
    for (auto edge : boost::make_iterator_range(boost::out_edges(u, csr))) {
      EdgeLabel label = csr[edge];
      if (!rules_.allows(label, from_end)) continue;
      Vertex v = boost::target(edge, csr);
      Hop hop =
          from_end ? Hop{v, u, EdgeLabel(label.predicate(), !label.forward())} : Hop{u, v, label};
      if (blocked(hop)) continue;
      if (other.reached(v)) {
        uint32_t length = self.depth[u] + 1 + other.depth[v];
        if (length < meeting.length) meeting = {length, hop};
      }
      if (!self.reached(v)) {
        self.reach(v, self.depth[u] + 1, hop);
        next_.push_back(v);
      }
    }
  }
  self.frontier.swap(next_);
}

std::optional<HopPath> Searcher::shortest(Vertex from, Vertex to, uint32_t max_hops,
                                          const Barriers* barriers) {
  if (from == to) return HopPath{};
  set_barriers(barriers);
  forward_.start(from);
  backward_.start(to);
  Meeting meeting;
  // Growing the smaller frontier keeps the two balls small; stopping after the first level
  // that meets the other side is exact because that whole level was checked.
  for (uint32_t levels = 0; levels < max_hops && meeting.length == kUnreached; ++levels) {
    if (forward_.frontier.empty() || backward_.frontier.empty()) break;
    bool from_end = backward_.frontier.size() < forward_.frontier.size();
    if (from_end)
      expand(backward_, forward_, true, meeting);
    else
      expand(forward_, backward_, false, meeting);
  }
  set_barriers(nullptr);
  if (meeting.length > max_hops) return std::nullopt;
  return stitch(meeting.hop);
}

HopPath Searcher::stitch(const Hop& middle) const {
  HopPath path;
  for (Vertex v = middle.from; forward_.depth[v] != 0; v = forward_.arrival[v].from)
    path.push_back(forward_.arrival[v]);
  std::reverse(path.begin(), path.end());
  path.push_back(middle);
  for (Vertex v = middle.to; backward_.depth[v] != 0; v = backward_.arrival[v].to)
    path.push_back(backward_.arrival[v]);
  return path;
}

std::optional<uint32_t> Searcher::layers(Vertex from, Vertex to, uint32_t max_hops) {
  forward_.start(from);
  backward_.start(to);
  Meeting unused;
  // Only the forward reach is needed to find the distance; the backward one is then grown to
  // the same depth so that "on a shortest path" is a lookup in both.
  for (uint32_t level = 0; level < max_hops && !forward_.reached(to); ++level) {
    if (forward_.frontier.empty()) return std::nullopt;
    expand(forward_, backward_, false, unused);
  }
  if (!forward_.reached(to)) return std::nullopt;
  uint32_t distance = forward_.depth[to];
  for (uint32_t level = 0; level < distance; ++level)
    expand(backward_, forward_, true, unused);
  return distance;
}

}  // namespace kg::path::detail
