#include "validate/shacl/shapes.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include "rdf/vocabulary.hpp"
#include "validate/shacl/components.hpp"

namespace kg::validate::shacl {

using rdf::NodeRef;

ShapesGraph::ShapesGraph(const GraphView& graph, const Vocab& vocab)
    : graph_(graph), vocab_(vocab) {}

const Shape& ShapesGraph::shape(NodeRef node) {
  auto found = shapes_.find(node);
  if (found != shapes_.end()) return *found->second;
  std::unique_ptr<Shape> parsed = read_shape(node);
  return *shapes_.emplace(node, std::move(parsed)).first->second;
}

std::unique_ptr<Shape> ShapesGraph::read_shape(NodeRef node) {
  auto shape = std::make_unique<Shape>();
  shape->node = node;
  shape->deactivated = is_true(single_value(node, vocab_.deactivated));
  // A deactivated shape is never checked, so the rest need not even be well-formed.
  if (shape->deactivated) return shape;
  std::vector<NodeRef> paths = graph_.objects(node, vocab_.path);
  if (paths.size() > 1) ill_formed(node, "has more than one sh:path");
  if (!paths.empty()) shape->path = read_path(graph_, paths.front(), vocab_);
  shape->severity = single_value(node, vocab_.severity);
  if (!shape->severity) shape->severity = vocab_.violation;
  shape->messages = graph_.objects(node, vocab_.message);
  shape->constraints = read_constraints(*this, *shape);
  return shape;
}

std::vector<NodeRef> ShapesGraph::targeted_shapes() const {
  std::vector<NodeRef> found;
  std::unordered_set<NodeRef> seen;
  auto add = [&](NodeRef shape) {
    if (seen.insert(shape).second) found.push_back(shape);
  };
  for (NodeRef target : {vocab_.target_node, vocab_.target_class, vocab_.target_subjects_of,
                         vocab_.target_objects_of})
    for (const rdf::Quad& triple : graph_.triples({}, target, {}))
      add(triple.subject);
  for (NodeRef shape_class : {vocab_.node_shape, vocab_.property_shape})
    for (NodeRef shape : graph_.subjects(vocab_.rdf_type, shape_class))
      if (has_implicit_class_target(shape)) add(shape);
  return found;
}

bool ShapesGraph::has_implicit_class_target(NodeRef shape) const {
  return graph_.is_instance_of(shape, vocab_.rdfs_class, vocab_) &&
         (graph_.is_instance_of(shape, vocab_.node_shape, vocab_) ||
          graph_.is_instance_of(shape, vocab_.property_shape, vocab_));
}

std::vector<NodeRef> ShapesGraph::list(NodeRef shape, NodeRef head) const {
  std::optional<std::vector<NodeRef>> members = graph_.list(head, vocab_);
  if (!members) ill_formed(shape, "has " + head.to_ntriples() + " where a list is expected");
  return *members;
}

int64_t ShapesGraph::integer(NodeRef shape, NodeRef literal) const {
  std::string_view datatype = literal.datatype_iri();
  std::string_view text = literal.value();
  int64_t number = 0;
  bool integral = literal.is_literal() && datatype != rdf::vocab::kXsdString &&
                  datatype != rdf::vocab::kRdfLangString;
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (!integral || error != std::errc() || end != text.data() + text.size())
    ill_formed(shape, "has " + literal.to_ntriples() + " where an integer is expected");
  return number;
}

bool ShapesGraph::is_true(NodeRef value) const {
  return value == vocab_.world.literal("true", rdf::vocab::kXsdBoolean);
}

NodeRef ShapesGraph::single_value(NodeRef shape, NodeRef parameter) const {
  std::vector<NodeRef> values = graph_.objects(shape, parameter);
  if (values.size() > 1) ill_formed(shape, "has more than one " + parameter.to_ntriples());
  return values.empty() ? NodeRef() : values.front();
}

void ShapesGraph::ill_formed(NodeRef shape, const std::string& problem) const {
  throw ValidationFailure("ill-formed shape " + shape.to_ntriples() + ": it " + problem);
}

}  // namespace kg::validate::shacl
