// Components that compare the value nodes with the values of another property of the focus
// node (§4.5), and sh:closed (§4.8.1), which compares them with the properties the shape
// declares.
#include <algorithm>
#include <unordered_set>

#include "validate/shacl/components.hpp"
#include "validate/shacl/literals.hpp"
#include "validate/shacl/validator.hpp"

namespace kg::validate::shacl {

using rdf::NodeRef;

namespace {

enum class PairRule { Equals, Disjoint, LessThan, LessThanOrEquals };

class PropertyPairConstraint : public Constraint {
 public:
  PropertyPairConstraint(NodeRef component, PairRule rule, NodeRef property)
      : component_(component), rule_(rule), property_(property) {}

  void check(const FocusContext& context, Validator& validator) const override {
    std::vector<NodeRef> others = validator.data().objects(context.focus, property_);
    switch (rule_) {
      case PairRule::Equals:
        report_missing(context, context.values, others);
        report_missing(context, others, context.values);
        break;
      case PairRule::Disjoint:
        for (NodeRef value : context.values)
          if (contains(others, value)) context.report(component_, value);
        break;
      case PairRule::LessThan:
      case PairRule::LessThanOrEquals: {
        Comparison comparison =
            rule_ == PairRule::LessThan ? Comparison::Less : Comparison::LessOrEqual;
        for (NodeRef value : context.values)
          for (NodeRef other : others)
            if (!comparison_holds(value, comparison, other)) context.report(component_, value);
        break;
      }
    }
  }

 private:
  static bool contains(const std::vector<NodeRef>& nodes, NodeRef node) {
    return std::find(nodes.begin(), nodes.end(), node) != nodes.end();
  }

  // Reports each node of `from` that `in` lacks.
  void report_missing(const FocusContext& context, const std::vector<NodeRef>& from,
                      const std::vector<NodeRef>& in) const {
    for (NodeRef node : from)
      if (!contains(in, node)) context.report(component_, node);
  }

  NodeRef component_;
  PairRule rule_;
  NodeRef property_;
};

template <PairRule rule>
ConstraintPtr make_pair_constraint(const ShapesGraph& shapes, const Shape& shape,
                                   NodeRef property) {
  static constexpr std::string_view kComponents[] = {
      "EqualsConstraintComponent", "DisjointConstraintComponent", "LessThanConstraintComponent",
      "LessThanOrEqualsConstraintComponent"};
  if (!property.is_iri()) shapes.ill_formed(shape.node, "compares with a property that is no IRI");
  NodeRef component = shapes.vocab().sh(kComponents[static_cast<int>(rule)]);
  return std::make_unique<PropertyPairConstraint>(component, rule, property);
}

// Reports every triple of a value node whose predicate the shape does not allow, with the
// predicate as result path and the object as value.
class ClosedConstraint : public Constraint {
 public:
  ClosedConstraint(NodeRef component, std::unordered_set<NodeRef> allowed)
      : component_(component), allowed_(std::move(allowed)) {}

  void check(const FocusContext& context, Validator& validator) const override {
    for (NodeRef value : context.values) {
      if (value.is_literal()) continue;
      for (const rdf::Quad& triple : validator.data().triples(value, {}, {}))
        if (!allowed_.contains(triple.predicate))
          context.sink.add(context.shape, context.focus,
                           Violation{component_, triple.object, triple.predicate, {}, {}});
    }
  }

 private:
  NodeRef component_;
  std::unordered_set<NodeRef> allowed_;
};

ConstraintPtr make_closed(const ShapesGraph& shapes, const Shape& shape, NodeRef flag) {
  if (!shapes.is_true(flag)) return nullptr;
  const Vocab& vocab = shapes.vocab();
  std::unordered_set<NodeRef> allowed;
  for (NodeRef property_shape : shapes.graph().objects(shape.node, vocab.sh("property")))
    for (NodeRef path : shapes.graph().objects(property_shape, vocab.path))
      if (path.is_iri()) allowed.insert(path);
  if (NodeRef ignored = shapes.single_value(shape.node, vocab.sh("ignoredProperties")))
    for (NodeRef property : shapes.list(shape.node, ignored))
      allowed.insert(property);
  return std::make_unique<ClosedConstraint>(vocab.sh("ClosedConstraintComponent"),
                                            std::move(allowed));
}

}  // namespace

void add_pair_components(std::vector<ComponentParameter>& table) {
  table.insert(table.end(),
               {
                   {"equals", make_pair_constraint<PairRule::Equals>},
                   {"disjoint", make_pair_constraint<PairRule::Disjoint>},
                   {"lessThan", make_pair_constraint<PairRule::LessThan>},
                   {"lessThanOrEquals", make_pair_constraint<PairRule::LessThanOrEquals>},
                   {"closed", make_closed},
               });
}

}  // namespace kg::validate::shacl
