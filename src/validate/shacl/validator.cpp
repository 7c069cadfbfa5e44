#include "validate/shacl/validator.hpp"

#include <unordered_set>

namespace kg::validate::shacl {

using rdf::NodeRef;

namespace {

std::vector<rdf::Term> terms(const std::vector<NodeRef>& nodes) {
  std::vector<rdf::Term> converted;
  for (NodeRef node : nodes)
    converted.push_back(node.to_term());
  return converted;
}

// Turns violations into the report's results.
class ReportSink : public ResultSink {
 public:
  explicit ReportSink(std::vector<ValidationResult>& results) : results_(results) {}

  void add(const Shape& shape, NodeRef focus, const Violation& violation) override {
    ValidationResult result;
    result.focus_node = focus.to_term();
    if (violation.predicate_path)
      result.result_path =
          PropertyPath{PathKind::Predicate, violation.predicate_path.to_term(), {}};
    else if (shape.path)
      result.result_path = shape.path->describe();
    if (violation.value) result.value = violation.value.to_term();
    result.source_shape = shape.node.to_term();
    result.source_constraint_component = violation.component.to_term();
    if (violation.source_constraint)
      result.source_constraint = violation.source_constraint.to_term();
    result.severity = shape.severity.to_term();
    result.messages = terms(violation.messages.empty() ? shape.messages : violation.messages);
    results_.push_back(std::move(result));
  }

 private:
  std::vector<ValidationResult>& results_;
};

// Only asks whether there is any result.
class ConformanceSink : public ResultSink {
 public:
  void add(const Shape&, NodeRef, const Violation&) override { violated_ = true; }
  bool saturated() const override { return violated_; }
  bool violated() const { return violated_; }

 private:
  bool violated_ = false;
};

void append_new(std::vector<NodeRef>& into, std::unordered_set<NodeRef>& seen,
                const std::vector<NodeRef>& more) {
  for (NodeRef node : more)
    if (seen.insert(node).second) into.push_back(node);
}

}  // namespace

Validator::Validator(rdf::Store& store, const GraphSelection& data, const GraphSelection& shapes)
    : store_(store),
      data_selection_(data),
      shapes_selection_(shapes),
      vocab_(store.world()),
      data_(store, data),
      shapes_view_(store, shapes),
      shapes_(shapes_view_, vocab_) {}

ValidationReport Validator::run() {
  ValidationReport report;
  ReportSink sink(report.results);
  for (NodeRef shape : shapes_.targeted_shapes()) {
    if (shapes_.shape(shape).deactivated) continue;
    for (NodeRef focus : focus_nodes(shape))
      validate(shape, focus, sink);
  }
  report.conforms = report.results.empty();
  return report;
}

void Validator::validate(NodeRef shape_node, NodeRef focus, ResultSink& sink) {
  const Shape& shape = shapes_.shape(shape_node);
  if (shape.deactivated) return;
  auto key = std::make_pair(shape_node, focus);
  if (!in_progress_.insert(key).second)
    throw ValidationFailure("recursive shapes: " + shape_node.to_ntriples() +
                            " is reached again while validating " + focus.to_ntriples() +
                            " against it");
  struct Release {
    std::set<std::pair<NodeRef, NodeRef>>& set;
    std::pair<NodeRef, NodeRef> key;
    ~Release() { set.erase(key); }
  } release{in_progress_, key};

  std::vector<NodeRef> values =
      shape.path ? follow_path(*shape.path, data_, focus) : std::vector<NodeRef>{focus};
  FocusContext context{shape, focus, values, sink};
  for (const auto& constraint : shape.constraints) {
    constraint->check(context, *this);
    if (sink.saturated()) break;
  }
}

bool Validator::conforms(NodeRef node, NodeRef shape) {
  auto key = std::make_pair(shape, node);
  if (auto cached = conformance_cache_.find(key); cached != conformance_cache_.end())
    return cached->second;
  ConformanceSink sink;
  validate(shape, node, sink);
  conformance_cache_.emplace(key, !sink.violated());
  return !sink.violated();
}

sparql::Dataset Validator::sparql_dataset() const {
  sparql::Dataset dataset;
  dataset.store = &store_;
  dataset.union_default_graph = data_selection_.graphs.empty();
  dataset.default_graphs = data_selection_.graphs;
  dataset.named_graphs = shapes_selection_.graphs;
  return dataset;
}

NodeRef Validator::shapes_graph_name() const {
  const std::vector<NodeRef>& graphs = shapes_selection_.graphs;
  return graphs.size() == 1 && graphs.front().is_iri() ? graphs.front() : NodeRef();
}

std::vector<NodeRef> Validator::focus_nodes(NodeRef shape) const {
  const GraphView& declared = shapes_.graph();
  std::vector<NodeRef> found;
  std::unordered_set<NodeRef> seen;
  append_new(found, seen, declared.objects(shape, vocab_.target_node));
  std::vector<NodeRef> classes = declared.objects(shape, vocab_.target_class);
  if (shapes_.has_implicit_class_target(shape)) classes.push_back(shape);
  for (NodeRef cls : classes)
    for (NodeRef subclass : data_.subclasses(cls, vocab_))
      append_new(found, seen, data_.subjects(vocab_.rdf_type, subclass));
  for (NodeRef predicate : declared.objects(shape, vocab_.target_subjects_of))
    for (const rdf::Quad& triple : data_.triples({}, predicate, {}))
      append_new(found, seen, {triple.subject});
  for (NodeRef predicate : declared.objects(shape, vocab_.target_objects_of))
    for (const rdf::Quad& triple : data_.triples({}, predicate, {}))
      append_new(found, seen, {triple.object});
  return found;
}

}  // namespace kg::validate::shacl
