// The constraint components of SHACL Core (§4), by the parameter that declares them. Each family
// lives in its own file (components_*.cpp) and lists its parameters here.
#pragma once

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "rdf/node.hpp"
#include "validate/shacl/shapes.hpp"

namespace kg::validate::shacl {

// Makes the constraint for one value of a parameter at a shape. Components with several
// parameters (sh:pattern with sh:flags, ...) are keyed by their main one and read the others
// from the shape. Null when the value switches the component off (sh:uniqueLang false).
using ConstraintPtr = std::unique_ptr<const Constraint>;
using ConstraintFactory = ConstraintPtr (*)(const ShapesGraph& shapes, const Shape& shape,
                                            rdf::NodeRef value);

struct ComponentParameter {
  std::string_view local_name;  // of the parameter in the sh: namespace
  ConstraintFactory make;
};

// A constraint that judges each value node on its own and reports every failing one as the
// result's sh:value: most components work this way.
class EachValueConstraint : public Constraint {
 public:
  using Test = std::function<bool(rdf::NodeRef value, Validator& validator)>;
  EachValueConstraint(rdf::NodeRef component, Test passes)
      : component_(component), passes_(std::move(passes)) {}

  void check(const FocusContext& context, Validator& validator) const override;

 private:
  rdf::NodeRef component_;
  Test passes_;
};

inline ConstraintPtr each_value(rdf::NodeRef component, EachValueConstraint::Test passes) {
  return std::make_unique<EachValueConstraint>(component, std::move(passes));
}

// §4.1 value type, §4.3 value range, §4.4 string-based, §4.8 other (sh:in, sh:hasValue).
void add_value_components(std::vector<ComponentParameter>& table);
// §4.2 cardinality and §4.7.3 qualified value shapes.
void add_count_components(std::vector<ComponentParameter>& table);
// §4.5 property pairs and §4.8.1 sh:closed.
void add_pair_components(std::vector<ComponentParameter>& table);
// §4.6 logical and §4.7 shape-based (sh:node, sh:property).
void add_logical_components(std::vector<ComponentParameter>& table);

// §5 SPARQL-based constraints (sh:sparql).
void add_sparql_components(std::vector<ComponentParameter>& table);
// §6 SPARQL-based constraint components the shapes graph declares, which no sh: parameter
// names: the constraints of those whose mandatory parameters the shape gives values for.
void add_sparql_component_constraints(const ShapesGraph& shapes, const Shape& shape,
                                      std::vector<ConstraintPtr>& constraints);

// Every constraint a shape declares, for every parameter value.
std::vector<ConstraintPtr> read_constraints(const ShapesGraph& shapes, const Shape& shape);

}  // namespace kg::validate::shacl
