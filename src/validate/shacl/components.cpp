#include "validate/shacl/components.hpp"

namespace kg::validate::shacl {

namespace {

const std::vector<ComponentParameter>& component_table() {
  static const std::vector<ComponentParameter> table = [] {
    std::vector<ComponentParameter> entries;
    add_value_components(entries);
    add_count_components(entries);
    add_pair_components(entries);
    add_logical_components(entries);
    add_sparql_components(entries);
    return entries;
  }();
  return table;
}

}  // namespace

void EachValueConstraint::check(const FocusContext& context, Validator& validator) const {
  for (rdf::NodeRef value : context.values) {
    if (passes_(value, validator)) continue;
    context.report(component_, value);
    if (context.sink.saturated()) return;
  }
}

std::vector<ConstraintPtr> read_constraints(const ShapesGraph& shapes, const Shape& shape) {
  std::vector<ConstraintPtr> constraints;
  for (const ComponentParameter& parameter : component_table())
    for (rdf::NodeRef value :
         shapes.graph().objects(shape.node, shapes.vocab().sh(parameter.local_name)))
      if (auto constraint = parameter.make(shapes, shape, value))
        constraints.push_back(std::move(constraint));
  add_sparql_component_constraints(shapes, shape, constraints);
  return constraints;
}

}  // namespace kg::validate::shacl
