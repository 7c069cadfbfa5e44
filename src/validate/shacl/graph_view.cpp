#include "validate/shacl/graph_view.hpp"

#include <algorithm>
#include <unordered_set>

#include "validate/shacl/vocabulary.hpp"

namespace kg::validate::shacl {

using rdf::NodeRef;
using rdf::Quad;

namespace {

// Keeps the first occurrence of each element, preserving order.
template <typename T, typename Hash = std::hash<T>>
void keep_first_occurrences(std::vector<T>& items) {
  std::unordered_set<T, Hash> seen;
  std::erase_if(items, [&](const T& item) { return !seen.insert(item).second; });
}

struct TripleHash {
  size_t operator()(const Quad& quad) const noexcept {
    std::hash<NodeRef> hash;
    return hash(quad.subject) ^ (hash(quad.predicate) << 1) ^ (hash(quad.object) << 2);
  }
};

}  // namespace

GraphView::GraphView(const rdf::Store& store, const GraphSelection& selection)
    : store_(store), graphs_(selection.graphs) {
  if (graphs_.empty()) graphs_.push_back(NodeRef());
}

std::vector<Quad> GraphView::triples(NodeRef subject, NodeRef predicate, NodeRef object) const {
  std::vector<Quad> found;
  for (NodeRef graph : graphs_)
    for (const Quad& quad : store_.match(subject, predicate, object, graph))
      found.push_back({quad.subject, quad.predicate, quad.object, NodeRef()});
  if (graphs_.size() > 1) keep_first_occurrences<Quad, TripleHash>(found);
  return found;
}

std::vector<NodeRef> GraphView::objects(NodeRef subject, NodeRef predicate) const {
  std::vector<NodeRef> values;
  for (const Quad& quad : triples(subject, predicate, {}))
    values.push_back(quad.object);
  return values;
}

std::vector<NodeRef> GraphView::subjects(NodeRef predicate, NodeRef object) const {
  std::vector<NodeRef> values;
  for (const Quad& quad : triples({}, predicate, object))
    values.push_back(quad.subject);
  return values;
}

NodeRef GraphView::object(NodeRef subject, NodeRef predicate) const {
  for (NodeRef graph : graphs_)
    for (const Quad& quad : store_.match(subject, predicate, {}, graph))
      return quad.object;
  return {};
}

bool GraphView::contains(NodeRef subject, NodeRef predicate, NodeRef object) const {
  return std::any_of(graphs_.begin(), graphs_.end(), [&](NodeRef graph) {
    return store_.contains(subject, predicate, object, graph);
  });
}

std::optional<std::vector<NodeRef>> GraphView::list(NodeRef head, const Vocab& vocab) const {
  std::vector<NodeRef> members;
  std::unordered_set<NodeRef> visited;
  for (NodeRef cell = head; cell != vocab.rdf_nil;) {
    if (!cell || !visited.insert(cell).second) return std::nullopt;
    std::vector<NodeRef> firsts = objects(cell, vocab.rdf_first);
    std::vector<NodeRef> rests = objects(cell, vocab.rdf_rest);
    if (firsts.size() != 1 || rests.size() != 1) return std::nullopt;
    members.push_back(firsts.front());
    cell = rests.front();
  }
  return members;
}

std::vector<NodeRef> GraphView::subclasses(NodeRef cls, const Vocab& vocab) const {
  std::vector<NodeRef> found{cls};
  std::unordered_set<NodeRef> seen{cls};
  for (size_t next = 0; next < found.size(); ++next)
    for (NodeRef sub : subjects(vocab.rdfs_subclass_of, found[next]))
      if (seen.insert(sub).second) found.push_back(sub);
  return found;
}

bool GraphView::is_instance_of(NodeRef node, NodeRef cls, const Vocab& vocab) const {
  std::vector<NodeRef> pending = objects(node, vocab.rdf_type);
  std::unordered_set<NodeRef> seen(pending.begin(), pending.end());
  while (!pending.empty()) {
    NodeRef type = pending.back();
    pending.pop_back();
    if (type == cls) return true;
    for (NodeRef super : objects(type, vocab.rdfs_subclass_of))
      if (seen.insert(super).second) pending.push_back(super);
  }
  return false;
}

}  // namespace kg::validate::shacl
