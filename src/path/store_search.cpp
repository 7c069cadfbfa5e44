#include "path/store_search.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "path/link_filter.hpp"

namespace kg::path {

namespace {

using rdf::NodeRef;

// A link as walked from one node: to whom, by which predicate, and whether the triple reads
// from that node (forward) or into it.
struct Link {
  NodeRef subject, predicate, other;
  bool forward;
};

constexpr uint32_t kUnreached = std::numeric_limits<uint32_t>::max();

// One step in walking order (from is nearer the path's start), labelled as the triple reads
// from `from`.
struct Hop {
  NodeRef from, to, predicate;
  bool forward = true;
};

struct Reach {
  std::unordered_map<NodeRef, std::pair<uint32_t, Hop>> reached;  // depth, arrival
  std::vector<NodeRef> frontier;

  uint32_t depth(NodeRef node) const {
    auto found = reached.find(node);
    return found == reached.end() ? kUnreached : found->second.first;
  }
};

class StoreSearcher {
 public:
  StoreSearcher(const rdf::Store& store, const PathOptions& options, const ViewOptions& view)
      : store_(store),
        filter_(store, view),
        directed_(options.directed),
        via_(options.via.begin(), options.via.end()) {}

  std::optional<Path> shortest(NodeRef from, NodeRef to, size_t max_hops) {
    start(forward_, from);
    start(backward_, to);
    for (size_t level = 0; level < max_hops && meeting_length_ == kUnreached; ++level) {
      if (forward_.frontier.empty() || backward_.frontier.empty()) break;
      if (backward_.frontier.size() < forward_.frontier.size())
        expand(backward_, forward_, true);
      else
        expand(forward_, backward_, false);
    }
    if (meeting_length_ > max_hops) return std::nullopt;
    return stitch();
  }

 private:
  static void start(Reach& reach, NodeRef root) {
    reach.reached.emplace(root, std::pair(0u, Hop{}));
    reach.frontier.assign(1, root);
  }

  // The node's links in the order the snapshot stores them: a full scan of the SPO index
  // meets the links into the node (by their subjects) and its own links (as one block, SPO
  // order) where the node falls among those subjects.
  std::vector<Link> links_of(NodeRef node) const {
    std::vector<Link> into, out;
    for (const rdf::Quad& quad : store_.match(node, {}, {}, {}))
      if (filter_.is_link(quad)) out.push_back({node, quad.predicate, quad.object, true});
    for (const rdf::Quad& quad : store_.match({}, {}, node, {}))
      if (filter_.is_link(quad))
        into.push_back({quad.subject, quad.predicate, quad.subject, false});
    std::stable_sort(into.begin(), into.end(), [](const Link& a, const Link& b) {
      if (a.subject != b.subject) return rdf::precedes_in_store(a.subject, b.subject);
      return a.predicate != b.predicate && rdf::precedes_in_store(a.predicate, b.predicate);
    });
    auto split = std::partition_point(into.begin(), into.end(), [&](const Link& link) {
      return rdf::precedes_in_store(link.subject, node);
    });
    std::vector<Link> links(into.begin(), split);
    links.insert(links.end(), out.begin(), out.end());
    links.insert(links.end(), split, into.end());
    return links;
  }

  bool allows(const Link& link, bool from_end) const {
    if (!via_.empty() && !via_.count(link.predicate)) return false;
    return !directed_ || link.forward != from_end;
  }

  void expand(Reach& self, const Reach& other, bool from_end) {
    std::vector<NodeRef> next;
    for (NodeRef u : self.frontier) {
      uint32_t depth = self.depth(u);
      for (const Link& link : links_of(u)) {
        if (!allows(link, from_end)) continue;
        NodeRef v = link.other;
        Hop hop = from_end ? Hop{v, u, link.predicate, !link.forward}
                           : Hop{u, v, link.predicate, link.forward};
        if (uint32_t there = other.depth(v); there != kUnreached) {
          uint32_t length = depth + 1 + there;
          if (length < meeting_length_) {
            meeting_length_ = length;
            meeting_ = hop;
          }
        }
        if (self.reached.emplace(v, std::pair(depth + 1, hop)).second) next.push_back(v);
      }
    }
    self.frontier.swap(next);
  }

  Path stitch() const {
    std::vector<Hop> hops;
    for (NodeRef v = meeting_.from; forward_.depth(v) != 0;) {
      const Hop& arrival = forward_.reached.at(v).second;
      hops.push_back(arrival);
      v = arrival.from;
    }
    std::reverse(hops.begin(), hops.end());
    hops.push_back(meeting_);
    for (NodeRef v = meeting_.to; backward_.depth(v) != 0;) {
      const Hop& arrival = backward_.reached.at(v).second;
      hops.push_back(arrival);
      v = arrival.to;
    }
    Path path;
    for (const Hop& hop : hops)
      path.steps.push_back({hop.forward ? hop.from : hop.to, hop.predicate,
                            hop.forward ? hop.to : hop.from, hop.forward});
    return path;
  }

  const rdf::Store& store_;
  detail::LinkFilter filter_;
  bool directed_;
  std::unordered_set<NodeRef> via_;
  Reach forward_, backward_;
  uint32_t meeting_length_ = kUnreached;
  Hop meeting_;
};

}  // namespace

std::optional<Path> shortest_path_in_store(const rdf::Store& store, NodeRef from, NodeRef to,
                                           const PathOptions& options, const ViewOptions& view) {
  if (from == to) return Path{};
  return StoreSearcher(store, options, view).shortest(from, to, options.max_hops);
}

}  // namespace kg::path
