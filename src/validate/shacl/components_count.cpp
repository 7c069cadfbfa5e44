// Components that count value nodes: cardinality (§4.2) and qualified value shapes (§4.7.3).
// Each reports at most one result per focus node, without sh:value.
#include <algorithm>
#include <optional>
#include <unordered_set>

#include "validate/shacl/components.hpp"
#include "validate/shacl/validator.hpp"

namespace kg::validate::shacl {

using rdf::NodeRef;

namespace {

// Reports when the number of counted value nodes is outside [minimum, maximum].
class CountConstraint : public Constraint {
 public:
  struct Bound {
    NodeRef component;
    int64_t count;
  };

  CountConstraint(std::optional<Bound> minimum, std::optional<Bound> maximum)
      : minimum_(minimum), maximum_(maximum) {}

  void check(const FocusContext& context, Validator& validator) const override {
    int64_t count = counted(context, validator);
    if (minimum_ && count < minimum_->count) context.report(minimum_->component, {});
    if (maximum_ && count > maximum_->count) context.report(maximum_->component, {});
  }

 protected:
  virtual int64_t counted(const FocusContext& context, Validator&) const {
    return static_cast<int64_t>(context.values.size());
  }

 private:
  std::optional<Bound> minimum_, maximum_;
};

ConstraintPtr make_min_count(const ShapesGraph& shapes, const Shape& shape, NodeRef count) {
  CountConstraint::Bound bound{shapes.vocab().sh("MinCountConstraintComponent"),
                               shapes.integer(shape.node, count)};
  return std::make_unique<CountConstraint>(bound, std::nullopt);
}

ConstraintPtr make_max_count(const ShapesGraph& shapes, const Shape& shape, NodeRef count) {
  CountConstraint::Bound bound{shapes.vocab().sh("MaxCountConstraintComponent"),
                               shapes.integer(shape.node, count)};
  return std::make_unique<CountConstraint>(std::nullopt, bound);
}

// Counts the value nodes that conform to the qualified value shape and, when the shapes are
// to be disjoint, to none of its sibling shapes.
class QualifiedCountConstraint : public CountConstraint {
 public:
  QualifiedCountConstraint(std::optional<Bound> minimum, std::optional<Bound> maximum,
                           NodeRef qualified_shape, std::vector<NodeRef> siblings)
      : CountConstraint(minimum, maximum),
        qualified_shape_(qualified_shape),
        siblings_(std::move(siblings)) {}

 protected:
  int64_t counted(const FocusContext& context, Validator& validator) const override {
    int64_t count = 0;
    for (NodeRef value : context.values) {
      if (!validator.conforms(value, qualified_shape_)) continue;
      bool in_sibling = std::any_of(siblings_.begin(), siblings_.end(), [&](NodeRef sibling) {
        return validator.conforms(value, sibling);
      });
      if (!in_sibling) ++count;
    }
    return count;
  }

 private:
  NodeRef qualified_shape_;
  std::vector<NodeRef> siblings_;
};

// The qualified value shapes of the other property shapes of every shape that has this one as
// a sh:property (§4.7.3, "sibling shapes").
std::vector<NodeRef> sibling_shapes(const ShapesGraph& shapes, const Shape& shape,
                                    NodeRef qualified_shape) {
  const GraphView& graph = shapes.graph();
  NodeRef property = shapes.vocab().sh("property");
  NodeRef qualified = shapes.vocab().sh("qualifiedValueShape");
  std::vector<NodeRef> siblings;
  std::unordered_set<NodeRef> seen{qualified_shape};
  for (NodeRef parent : graph.subjects(property, shape.node))
    for (NodeRef peer : graph.objects(parent, property))
      for (NodeRef sibling : graph.objects(peer, qualified))
        if (seen.insert(sibling).second) siblings.push_back(sibling);
  return siblings;
}

ConstraintPtr make_qualified(const ShapesGraph& shapes, const Shape& shape,
                             NodeRef qualified_shape) {
  const Vocab& vocab = shapes.vocab();
  auto bound = [&](std::string_view parameter,
                   std::string_view component) -> std::optional<CountConstraint::Bound> {
    NodeRef count = shapes.single_value(shape.node, vocab.sh(parameter));
    if (!count) return std::nullopt;
    return CountConstraint::Bound{vocab.sh(component), shapes.integer(shape.node, count)};
  };
  auto minimum = bound("qualifiedMinCount", "QualifiedMinCountConstraintComponent");
  auto maximum = bound("qualifiedMaxCount", "QualifiedMaxCountConstraintComponent");
  if (!minimum && !maximum) return nullptr;
  bool disjoint =
      shapes.is_true(shapes.single_value(shape.node, vocab.sh("qualifiedValueShapesDisjoint")));
  std::vector<NodeRef> siblings =
      disjoint ? sibling_shapes(shapes, shape, qualified_shape) : std::vector<NodeRef>();
  return std::make_unique<QualifiedCountConstraint>(minimum, maximum, qualified_shape,
                                                    std::move(siblings));
}

}  // namespace

void add_count_components(std::vector<ComponentParameter>& table) {
  table.insert(table.end(), {
                                {"minCount", make_min_count},
                                {"maxCount", make_max_count},
                                {"qualifiedValueShape", make_qualified},
                            });
}

}  // namespace kg::validate::shacl
