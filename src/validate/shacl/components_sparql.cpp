// SHACL-SPARQL: SPARQL-based constraints (§5, sh:sparql) and SPARQL-based constraint components
// (§6, sh:ConstraintComponent with sh:parameter and SELECT or ASK validators).
#include <algorithm>
#include <functional>
#include <optional>

#include "validate/shacl/components.hpp"
#include "validate/shacl/sparql_query.hpp"
#include "validate/shacl/validator.hpp"

namespace kg::validate::shacl {

using rdf::NodeRef;

namespace {

// What every result of one constraint shares.
struct ResultSource {
  NodeRef component;
  NodeRef constraint;  // the sh:sparql node; null for components
  std::vector<rdf::Term> message_templates;
};

PreBindings bindings_for(const FocusContext& context, Validator& validator,
                         const PreBindings& parameters) {
  PreBindings bindings{{std::string(kThis), context.focus},
                       {std::string(kCurrentShape), context.shape.node},
                       {std::string(kShapesGraph), validator.shapes_graph_name()}};
  bindings.insert(bindings.end(), parameters.begin(), parameters.end());
  return bindings;
}

NodeRef bound_value(const PreBindings& bindings, std::string_view name) {
  for (const PreBinding& binding : bindings)
    if (binding.name == name) return binding.value;
  return {};
}

std::vector<NodeRef> messages(const ResultSource& source, rdf::World& world,
                              const std::function<NodeRef(std::string_view)>& value_of) {
  std::vector<NodeRef> filled;
  for (const rdf::Term& message : source.message_templates)
    filled.push_back(world.intern(substitute_message(message, value_of)));
  return filled;
}

// A SELECT query whose solutions are the violations (§5 and §6, mapping solutions to results):
// sh:sparql constraints and node and property validators.
class SelectConstraint : public Constraint {
 public:
  SelectConstraint(std::shared_ptr<const PreparedQuery> query, ResultSource source,
                   PreBindings parameters)
      : query_(std::move(query)), source_(std::move(source)), parameters_(std::move(parameters)) {}

  void check(const FocusContext& context, Validator& validator) const override {
    PreBindings bindings = bindings_for(context, validator, parameters_);
    Solutions solutions = query_->select(validator, bindings);
    for (size_t row = 0; row < solutions.rows.size(); ++row) {
      context.sink.add(context.shape, context.focus,
                       violation(context, validator, solutions, row, bindings));
      if (context.sink.saturated()) return;
    }
  }

 private:
  Violation violation(const FocusContext& context, Validator& validator, const Solutions& solutions,
                      size_t row, const PreBindings& bindings) const {
    auto value_of = [&](std::string_view name) {
      NodeRef value = solutions.value(row, name);
      return value ? value : bound_value(bindings, name);
    };
    if (NodeRef failure = solutions.value(row, "failure");
        failure && validator.shapes().is_true(failure))
      throw ValidationFailure("the SPARQL query of " + source_.component.to_ntriples() +
                              " at shape " + context.shape.node.to_ntriples() +
                              " reports a failure for " + context.focus.to_ntriples());
    Violation violation{
        source_.component, solutions.value(row, "value"), {}, source_.constraint, {}};
    // A node shape's value node is its focus node.
    if (!violation.value && !context.shape.is_property_shape()) violation.value = context.focus;
    if (NodeRef path = solutions.value(row, "path"); path.is_iri()) violation.predicate_path = path;
    if (NodeRef message = solutions.value(row, "message"); message.is_literal())
      violation.messages = {message};
    else
      violation.messages = messages(source_, validator.vocab().world, value_of);
    return violation;
  }

  std::shared_ptr<const PreparedQuery> query_;
  ResultSource source_;
  PreBindings parameters_;
};

// An ASK-based validator (§6): each value node for which the query answers false is a violation.
class AskConstraint : public Constraint {
 public:
  AskConstraint(std::shared_ptr<const PreparedQuery> query, ResultSource source,
                PreBindings parameters)
      : query_(std::move(query)), source_(std::move(source)), parameters_(std::move(parameters)) {}

  void check(const FocusContext& context, Validator& validator) const override {
    PreBindings bindings = bindings_for(context, validator, parameters_);
    bindings.push_back({std::string(kValue), NodeRef()});
    for (NodeRef value : context.values) {
      bindings.back().value = value;
      if (query_->ask(validator, bindings)) continue;
      auto value_of = [&](std::string_view name) { return bound_value(bindings, name); };
      context.sink.add(context.shape, context.focus,
                       Violation{source_.component,
                                 value,
                                 {},
                                 source_.constraint,
                                 messages(source_, validator.vocab().world, value_of)});
      if (context.sink.saturated()) return;
    }
  }

 private:
  std::shared_ptr<const PreparedQuery> query_;
  ResultSource source_;
  PreBindings parameters_;
};

std::vector<rdf::Term> message_templates(const ShapesGraph& shapes, NodeRef node) {
  std::vector<rdf::Term> templates;
  for (NodeRef message : shapes.graph().objects(node, shapes.vocab().message))
    templates.push_back(message.to_term());
  return templates;
}

std::optional<PropertyPath> path_of(const Shape& shape) {
  if (!shape.path) return std::nullopt;
  return shape.path->describe();
}

// sh:sparql (§5): a SELECT query at a node or property shape.
ConstraintPtr make_sparql_constraint(const ShapesGraph& shapes, const Shape& shape,
                                     NodeRef constraint) {
  const Vocab& vocab = shapes.vocab();
  if (shapes.is_true(shapes.single_value(constraint, vocab.deactivated))) return nullptr;
  std::optional<PropertyPath> path = path_of(shape);
  auto query = PreparedQuery::read(
      shapes, constraint, vocab.sh("select"), path ? &*path : nullptr,
      {std::string(kThis), std::string(kShapesGraph), std::string(kCurrentShape)});
  ResultSource source{vocab.sh("SPARQLConstraintComponent"), constraint,
                      message_templates(shapes, constraint)};
  return std::make_unique<SelectConstraint>(std::move(query), std::move(source), PreBindings{});
}

// ---------------------------------------------------------------------------------------------
// SPARQL-based constraint components (§6)

struct Parameter {
  NodeRef path;
  std::string name;  // the variable: the local name of the path IRI
  bool optional = false;
};

std::string local_name(std::string_view iri) {
  size_t cut = iri.find_last_of("#/:");
  return std::string(cut == std::string_view::npos ? iri : iri.substr(cut + 1));
}

std::vector<Parameter> parameters_of(const ShapesGraph& shapes, NodeRef component) {
  const Vocab& vocab = shapes.vocab();
  std::vector<Parameter> parameters;
  for (NodeRef declaration : shapes.graph().objects(component, vocab.sh("parameter"))) {
    NodeRef path = shapes.single_value(declaration, vocab.path);
    if (!path.is_iri()) shapes.ill_formed(declaration, "is a parameter without an IRI sh:path");
    bool optional = shapes.is_true(shapes.single_value(declaration, vocab.sh("optional")));
    parameters.push_back({path, local_name(path.value()), optional});
  }
  return parameters;
}

// The components the shapes graph declares itself. SHACL's own (sh:...) are built in, even if
// the shapes graph includes their declarations.
std::vector<NodeRef> declared_components(const ShapesGraph& shapes) {
  const GraphView& graph = shapes.graph();
  const Vocab& vocab = shapes.vocab();
  std::vector<NodeRef> components;
  for (NodeRef cls : graph.subclasses(vocab.sh("ConstraintComponent"), vocab))
    for (NodeRef component : graph.subjects(vocab.rdf_type, cls))
      if (!component.value().starts_with(kSh) &&
          std::find(components.begin(), components.end(), component) == components.end())
        components.push_back(component);
  return components;
}

// The validator for this kind of shape: sh:nodeValidator or sh:propertyValidator,
// else sh:validator; null if the component has none, and then it does not apply.
NodeRef validator_for(const ShapesGraph& shapes, const Shape& shape, NodeRef component) {
  const Vocab& vocab = shapes.vocab();
  NodeRef specific = shapes.graph().object(
      component, vocab.sh(shape.is_property_shape() ? "propertyValidator" : "nodeValidator"));
  return specific ? specific : shapes.graph().object(component, vocab.sh("validator"));
}

// Every combination of one value per parameter the shape gives a value for.
std::vector<PreBindings> parameter_combinations(const ShapesGraph& shapes, const Shape& shape,
                                                const std::vector<Parameter>& parameters) {
  std::vector<PreBindings> combinations{{}};
  for (const Parameter& parameter : parameters) {
    std::vector<NodeRef> values = shapes.graph().objects(shape.node, parameter.path);
    if (values.empty()) continue;
    std::vector<PreBindings> extended;
    for (const PreBindings& combination : combinations)
      for (NodeRef value : values) {
        extended.push_back(combination);
        extended.back().push_back({parameter.name, value});
      }
    combinations = std::move(extended);
  }
  return combinations;
}

// The component's constraints at this shape: none unless the shape has a value for each
// mandatory parameter (and for at least one parameter).
void add_component_constraints(const ShapesGraph& shapes, const Shape& shape, NodeRef component,
                               std::vector<ConstraintPtr>& constraints) {
  const Vocab& vocab = shapes.vocab();
  std::vector<Parameter> parameters = parameters_of(shapes, component);
  bool any_given = false;
  for (const Parameter& parameter : parameters) {
    bool given = !shapes.graph().object(shape.node, parameter.path).is_null();
    if (!given && !parameter.optional) return;
    any_given = any_given || given;
  }
  NodeRef validator = validator_for(shapes, shape, component);
  if (!any_given || !validator) return;

  bool is_ask = !shapes.graph().objects(validator, vocab.sh("ask")).empty();
  std::vector<std::string> prebound{std::string(kThis), std::string(kShapesGraph),
                                    std::string(kCurrentShape)};
  if (is_ask) prebound.emplace_back(kValue);
  for (const Parameter& parameter : parameters)
    prebound.push_back(parameter.name);
  std::optional<PropertyPath> path = path_of(shape);
  auto query = PreparedQuery::read(shapes, validator, vocab.sh(is_ask ? "ask" : "select"),
                                   path ? &*path : nullptr, prebound);
  std::vector<rdf::Term> templates = message_templates(shapes, validator);
  if (templates.empty()) templates = message_templates(shapes, component);
  for (PreBindings& values : parameter_combinations(shapes, shape, parameters)) {
    ResultSource source{component, NodeRef(), templates};
    if (is_ask)
      constraints.push_back(std::make_unique<AskConstraint>(query, source, std::move(values)));
    else
      constraints.push_back(std::make_unique<SelectConstraint>(query, source, std::move(values)));
  }
}

}  // namespace

void add_sparql_components(std::vector<ComponentParameter>& table) {
  table.push_back({"sparql", make_sparql_constraint});
}

void add_sparql_component_constraints(const ShapesGraph& shapes, const Shape& shape,
                                      std::vector<ConstraintPtr>& constraints) {
  for (NodeRef component : declared_components(shapes))
    add_component_constraints(shapes, shape, component, constraints);
}

}  // namespace kg::validate::shacl
