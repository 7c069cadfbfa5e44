// Components built from other shapes: the logical ones (§4.6) and sh:node / sh:property
// (§4.7). All but sh:property ask whether value nodes conform to other shapes; sh:property
// validates them against a property shape and passes its results on unchanged.
#include <algorithm>

#include "validate/shacl/components.hpp"
#include "validate/shacl/validator.hpp"

namespace kg::validate::shacl {

using rdf::NodeRef;

namespace {

ConstraintPtr make_not(const ShapesGraph& shapes, const Shape&, NodeRef negated) {
  return each_value(shapes.vocab().sh("NotConstraintComponent"),
                    [negated](NodeRef value, Validator& validator) {
                      return !validator.conforms(value, negated);
                    });
}

ConstraintPtr make_node(const ShapesGraph& shapes, const Shape&, NodeRef node_shape) {
  return each_value(shapes.vocab().sh("NodeConstraintComponent"),
                    [node_shape](NodeRef value, Validator& validator) {
                      return validator.conforms(value, node_shape);
                    });
}

// How many members of a shape list a value node must conform to.
enum class Quantifier { All, Any, ExactlyOne };

template <Quantifier quantifier>
ConstraintPtr make_shape_list(const ShapesGraph& shapes, const Shape& shape, NodeRef list) {
  static constexpr std::string_view kComponents[] = {
      "AndConstraintComponent", "OrConstraintComponent", "XoneConstraintComponent"};
  std::vector<NodeRef> members = shapes.list(shape.node, list);
  return each_value(shapes.vocab().sh(kComponents[static_cast<int>(quantifier)]),
                    [members](NodeRef value, Validator& validator) {
                      auto conforms = [&](NodeRef member) {
                        return validator.conforms(value, member);
                      };
                      switch (quantifier) {
                        case Quantifier::All:
                          return std::all_of(members.begin(), members.end(), conforms);
                        case Quantifier::Any:
                          return std::any_of(members.begin(), members.end(), conforms);
                        case Quantifier::ExactlyOne:
                          return std::count_if(members.begin(), members.end(), conforms) == 1;
                      }
                      return false;
                    });
}

class PropertyConstraint : public Constraint {
 public:
  explicit PropertyConstraint(NodeRef property_shape) : property_shape_(property_shape) {}

  void check(const FocusContext& context, Validator& validator) const override {
    const Shape& property_shape = validator.shapes().shape(property_shape_);
    if (property_shape.deactivated) return;
    if (!property_shape.is_property_shape())
      validator.shapes().ill_formed(context.shape.node, "has a sh:property without sh:path");
    for (NodeRef value : context.values) {
      validator.validate(property_shape_, value, context.sink);
      if (context.sink.saturated()) return;
    }
  }

 private:
  NodeRef property_shape_;
};

ConstraintPtr make_property(const ShapesGraph&, const Shape&, NodeRef property_shape) {
  return std::make_unique<PropertyConstraint>(property_shape);
}

}  // namespace

void add_logical_components(std::vector<ComponentParameter>& table) {
  table.insert(table.end(), {
                                {"not", make_not},
                                {"and", make_shape_list<Quantifier::All>},
                                {"or", make_shape_list<Quantifier::Any>},
                                {"xone", make_shape_list<Quantifier::ExactlyOne>},
                                {"node", make_node},
                                {"property", make_property},
                            });
}

}  // namespace kg::validate::shacl
