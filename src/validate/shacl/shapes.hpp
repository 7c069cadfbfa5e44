// Shapes (§2) as read from the shapes graph, and the constraint interface every constraint
// component (§4) implements.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "rdf/node.hpp"
#include "validate/shacl/graph_view.hpp"
#include "validate/shacl/path.hpp"
#include "validate/shacl/vocabulary.hpp"

namespace kg::validate::shacl {

class Constraint;
class Validator;
struct Shape;

// A validation result as a constraint raises it; the validator adds what the shape decides
// (severity, messages, path, source shape).
struct Violation {
  rdf::NodeRef component;  // the sh:...ConstraintComponent
  rdf::NodeRef value;      // null: the result has no sh:value
  // sh:closed reports the offending predicate as the result path instead of the shape's.
  rdf::NodeRef predicate_path;
  // SHACL-SPARQL: the sh:sparql node, and messages produced by the query.
  rdf::NodeRef source_constraint;
  std::vector<rdf::NodeRef> messages;
};

// Where validation results go.
class ResultSink {
 public:
  virtual ~ResultSink() = default;
  virtual void add(const Shape& shape, rdf::NodeRef focus, const Violation& violation) = 0;
  // True once further results cannot change what the caller learns (conformance checks stop
  // at the first result).
  virtual bool saturated() const { return false; }
};

// One focus node being validated against one shape.
struct FocusContext {
  const Shape& shape;
  rdf::NodeRef focus;
  const std::vector<rdf::NodeRef>& values;  // the value nodes (§2.3.2)
  ResultSink& sink;

  void report(rdf::NodeRef component, rdf::NodeRef value) const {
    sink.add(shape, focus, Violation{component, value, {}, {}, {}});
  }
};

// One constraint: a constraint component with its parameter values at one shape.
class Constraint {
 public:
  virtual ~Constraint() = default;
  virtual void check(const FocusContext& context, Validator& validator) const = 0;
};

struct Shape {
  rdf::NodeRef node;
  std::optional<Path> path;  // property shapes only
  bool deactivated = false;
  rdf::NodeRef severity;
  std::vector<rdf::NodeRef> messages;
  std::vector<std::unique_ptr<const Constraint>> constraints;

  bool is_property_shape() const { return path.has_value(); }
};

// The shapes graph: reads shapes on first use, so that shapes referring to each other (and
// ill-formed nodes no shape uses) cost nothing until validation reaches them.
class ShapesGraph {
 public:
  ShapesGraph(const GraphView& graph, const Vocab& vocab);

  const GraphView& graph() const { return graph_; }
  const Vocab& vocab() const { return vocab_; }

  // Throws ValidationFailure if the shape is ill-formed.
  const Shape& shape(rdf::NodeRef node);

  // Every shape with a target (§2.1.3), including implicit class targets.
  std::vector<rdf::NodeRef> targeted_shapes() const;
  // A shape that is also a class targets the class's instances (§2.1.3.3).
  bool has_implicit_class_target(rdf::NodeRef shape) const;

  // Parameter readers for constraint factories; each throws ValidationFailure naming the shape
  // when the value has the wrong form.
  std::vector<rdf::NodeRef> list(rdf::NodeRef shape, rdf::NodeRef head) const;
  int64_t integer(rdf::NodeRef shape, rdf::NodeRef literal) const;
  // Boolean switches (sh:deactivated, sh:closed, ...) are on only for the literal true: the
  // spec names that value alone, so "1"^^xsd:boolean leaves them off.
  bool is_true(rdf::NodeRef value) const;
  // The single value of a parameter, or null if the shape has none.
  rdf::NodeRef single_value(rdf::NodeRef shape, rdf::NodeRef parameter) const;
  [[noreturn]] void ill_formed(rdf::NodeRef shape, const std::string& problem) const;

 private:
  std::unique_ptr<Shape> read_shape(rdf::NodeRef node);

  const GraphView& graph_;
  const Vocab& vocab_;
  std::unordered_map<rdf::NodeRef, std::unique_ptr<Shape>> shapes_;
};

}  // namespace kg::validate::shacl
