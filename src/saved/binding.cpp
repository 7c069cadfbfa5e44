#include "saved/binding.hpp"

#include <algorithm>

#include "rdf/datatypes.hpp"
#include "rdf/prefixes.hpp"
#include "rdf/vocabulary.hpp"
#include "util/error.hpp"

namespace kg::saved {

using sparql::Op;
using sparql::OpPtr;
using sparql::PatternTerm;
using sparql::Variable;

namespace {

[[noreturn]] void parameter_error(std::string_view name, const std::string& message) {
  throw Error("parameter '" + std::string(name) + "': " + message);
}

void check_lexical_form(std::string_view name, const rdf::Term& term) {
  if (!term.is_literal() || !rdf::is_checked_datatype(term.datatype)) return;
  if (!rdf::is_valid_lexical_form(term.datatype, term.value))
    parameter_error(name, "\"" + term.value + "\" is not a valid <" + term.datatype + ">");
}

Variable parameter_variable(const sparql::Query& query, std::string_view name) {
  for (uint32_t id = 0; id < query.variables.size(); ++id)
    if (!query.variables[id].hidden && query.variables[id].name == name) return Variable{id};
  throw Error("parameter '" + std::string(name) + "' is not a variable of the query");
}

sparql::Query copy_query(const sparql::Query& query) {
  sparql::Query copy;
  copy.form = query.form;
  copy.variables = query.variables;
  copy.projection = query.projection;
  copy.pattern = query.pattern ? sparql::clone(*query.pattern) : nullptr;
  copy.construct_template = query.construct_template;
  copy.describe = query.describe;
  copy.from = query.from;
  copy.from_named = query.from_named;
  copy.base_iri = query.base_iri;
  copy.prefixes = query.prefixes;
  return copy;
}

// True if op is a projection under slice, distinct and reduced: a sub-select's modifiers.
bool wraps_projection(const Op& op) {
  const Op* inner = &op;
  while (inner->kind == Op::Kind::Slice || inner->kind == Op::Kind::Distinct ||
         inner->kind == Op::Kind::Reduced)
    inner = inner->children[0].get();
  return inner->kind == Op::Kind::Project;
}

// The slot holding the first element of the query's WHERE clause: below the query's own
// solution modifiers (slice, distinct, projection, order, select expressions, HAVING,
// grouping), then down the left operand of the joins, optionals, minuses, filters and binds a
// group graph pattern folds its elements into. A sub-select met on the way is an element.
OpPtr* first_where_element(OpPtr& root, sparql::QueryForm form) {
  bool top_projection_pending = form == sparql::QueryForm::Select;
  bool inside_group = false;
  OpPtr* slot = &root;
  for (;;) {
    Op& op = **slot;
    switch (op.kind) {
      case Op::Kind::Project:
        if (!top_projection_pending) return slot;
        top_projection_pending = false;
        break;
      case Op::Kind::Slice:
      case Op::Kind::Distinct:
      case Op::Kind::Reduced:
        if (inside_group || (!top_projection_pending && wraps_projection(op))) return slot;
        break;
      case Op::Kind::Group:
      case Op::Kind::OrderBy:
        if (inside_group) return slot;
        break;
      case Op::Kind::Extend:
      case Op::Kind::Filter:
        break;
      case Op::Kind::Join:
      case Op::Kind::LeftJoin:
      case Op::Kind::Minus:
        inside_group = true;
        break;
      default:
        return slot;
    }
    slot = &op.children[0];
  }
}

class ServiceSubstitution {
 public:
  explicit ServiceSubstitution(const std::vector<std::pair<Variable, rdf::Term>>& values)
      : values_(values) {}

  void in_tree(Op& op, bool in_service = false) {
    in_service = in_service || op.kind == Op::Kind::Service;
    if (in_service) in_patterns(op);
    for (OpPtr& child : op.children)
      in_tree(*child, in_service);
  }

 private:
  void in_patterns(Op& op) {
    for (sparql::TriplePattern& triple : op.triples) {
      replace(triple.subject);
      replace(triple.predicate);
      replace(triple.object);
    }
    if (op.path) {
      replace(op.path->subject);
      replace(op.path->object);
    }
  }

  void replace(PatternTerm& position) {
    if (!position.is_variable()) return;
    for (const auto& [variable, term] : values_) {
      if (position.variable() == variable) {
        position.value = term;
        return;
      }
    }
  }

  const std::vector<std::pair<Variable, rdf::Term>>& values_;
};

void collect_assigned(const Op& op, std::vector<Variable>& out) {
  if (op.kind == Op::Kind::Extend) out.push_back(op.variable);
  if (op.kind == Op::Kind::Group)
    for (const auto& [variable, key] : op.group_keys)
      if (key.kind != sparql::Expr::Kind::Variable || key.variable != variable)
        out.push_back(variable);
  for (const OpPtr& child : op.children)
    collect_assigned(*child, out);
}

}  // namespace

rdf::Term parse_parameter_value(const SavedQuery& saved, std::string_view name,
                                std::string_view text) {
  sparql::ParseOptions options;
  options.source_name = "value";
  rdf::Term term;
  try {
    term = sparql::parse_term(text, value_prefixes(saved.query), options);
  } catch (const Error& error) {
    parameter_error(name, "'" + std::string(text) + "' is not one IRI, prefixed name or literal (" +
                              error.message() + ")");
  }
  check_lexical_form(name, term);
  return term;
}

std::vector<Binding> resolve_parameters(const SavedQuery& saved,
                                        const std::vector<std::string>& given) {
  std::vector<Binding> bindings;
  auto is_bound = [&](std::string_view name) {
    return std::any_of(bindings.begin(), bindings.end(),
                       [&](const Binding& binding) { return binding.name == name; });
  };
  for (const std::string& assignment : given) {
    size_t equals = assignment.find('=');
    if (equals == std::string::npos || equals == 0)
      throw Error("--param '" + assignment + "': expected NAME=VALUE");
    std::string name = assignment.substr(0, equals);
    if (!saved.parameter(name))
      throw Error("saved query '" + saved.name + "' has no parameter '" + name +
                  "' ('kg run --list' shows its parameters)");
    if (is_bound(name)) throw Error("parameter '" + name + "' given twice");
    bindings.push_back({name, parse_parameter_value(saved, name, assignment.substr(equals + 1))});
  }
  for (const Parameter& parameter : saved.parameters) {
    if (is_bound(parameter.name)) continue;
    if (parameter.default_value) {
      bindings.push_back({parameter.name, *parameter.default_value});
    } else if (parameter.required()) {
      throw Error("saved query '" + saved.name + "' needs --param " + parameter.name + "=VALUE (" +
                  parameter.description + ")");
    }
  }
  return bindings;
}

std::vector<Binding> expectation_parameters(const SavedQuery& saved) {
  std::vector<Binding> bindings;
  for (const Parameter& parameter : saved.parameters) {
    if (parameter.example)
      bindings.push_back({parameter.name, *parameter.example});
    else if (parameter.default_value)
      bindings.push_back({parameter.name, *parameter.default_value});
  }
  return bindings;
}

sparql::Query bind_parameters(const SavedQuery& saved, const std::vector<Binding>& bindings) {
  sparql::Query query = copy_query(saved.query);
  if (bindings.empty()) return query;
  std::vector<std::pair<Variable, rdf::Term>> values;
  OpPtr table = sparql::make_op(Op::Kind::Table);
  table->table_rows.emplace_back();
  for (const Binding& binding : bindings) {
    Variable variable = parameter_variable(query, binding.name);
    values.emplace_back(variable, binding.value);
    table->table_variables.push_back(variable);
    table->table_rows.back().emplace_back(binding.value);
  }
  OpPtr* first = first_where_element(query.pattern, query.form);
  *first = sparql::make_op(Op::Kind::Join, std::move(table), std::move(*first));
  ServiceSubstitution(values).in_tree(*query.pattern);
  return query;
}

rdf::PrefixMap value_prefixes(const sparql::Query& query) {
  rdf::PrefixMap prefixes = rdf::PrefixMap::standard();
  for (const auto& [prefix, iri] : query.prefixes.entries())
    prefixes.set(prefix, iri);
  return prefixes;
}

std::string display_term(const rdf::Term& term, const rdf::PrefixMap& prefixes) {
  if (term.is_iri())
    if (auto abbreviated = prefixes.abbreviate(term.value)) return *abbreviated;
  if (!term.is_literal() || !term.language.empty() || term.datatype == rdf::vocab::kXsdString)
    return term.to_ntriples();
  // Integers and booleans as written bare, as a user would type them.
  bool bare_integer = term.datatype == rdf::vocab::kXsdInteger && !term.value.empty() &&
                      std::all_of(term.value.begin(), term.value.end(),
                                  [](char c) { return c >= '0' && c <= '9'; });
  bool bare_boolean =
      term.datatype == rdf::vocab::kXsdBoolean && (term.value == "true" || term.value == "false");
  if (bare_integer || bare_boolean) return term.value;
  auto datatype = prefixes.abbreviate(term.datatype);
  if (!datatype) return term.to_ntriples();
  return "\"" + rdf::escape_string_literal(term.value) + "\"^^" + *datatype;
}

std::vector<Variable> assigned_variables(const Op& op) {
  std::vector<Variable> assigned;
  collect_assigned(op, assigned);
  return assigned;
}

}  // namespace kg::saved
