// Pre-binding on the parsed algebra (the SHACL appendix on pre-binding): its restrictions, and
// values insertion.
#include <algorithm>
#include <optional>

#include "validate/shacl/sparql_query.hpp"

namespace kg::validate::shacl {

using sparql::Expr;
using sparql::Op;
using sparql::OpPtr;
using sparql::PatternTerm;
using sparql::Variable;

namespace {

std::optional<Variable> named_variable(const sparql::Query& query, std::string_view name) {
  for (uint32_t id = 0; id < query.variables.size(); ++id)
    if (!query.variables[id].hidden && query.variables[id].name == name) return Variable{id};
  return std::nullopt;
}

// The query's own projection, below its solution modifiers; any other projection is a
// sub-select.
const Op* top_projection(const sparql::Query& query) {
  if (query.form != sparql::QueryForm::Select || !query.pattern) return nullptr;
  const Op* op = query.pattern.get();
  while (op->kind == Op::Kind::Slice || op->kind == Op::Kind::Distinct ||
         op->kind == Op::Kind::Reduced)
    op = op->children[0].get();
  return op->kind == Op::Kind::Project ? op : nullptr;
}

class SupportCheck {
 public:
  SupportCheck(const sparql::Query& query, const std::vector<std::string>& prebound)
      : query_(query), top_projection_(top_projection(query)) {
    for (const std::string& name : prebound) {
      std::optional<Variable> variable = named_variable(query, name);
      if (!variable) continue;
      prebound_.push_back(*variable);
      // Their values are the same for the whole validation, so a sub-select may drop them.
      if (name != kShapesGraph && name != kCurrentShape) must_project_.push_back(*variable);
    }
  }

  void check(const Op& op) {
    switch (op.kind) {
      case Op::Kind::Minus:
        unsupported("uses MINUS");
      case Op::Kind::Table:
        unsupported("uses VALUES");
      case Op::Kind::Service:
        unsupported("uses SERVICE");
      case Op::Kind::Extend:
        check_not_assigned(op.variable);
        break;
      case Op::Kind::Group:
        for (const auto& [variable, key] : op.group_keys)
          if (key.kind != Expr::Kind::Variable || key.variable != variable)
            check_not_assigned(variable);
        break;
      case Op::Kind::Project:
        if (&op != top_projection_) check_sub_select(op);
        break;
      default:
        break;
    }
    check_expressions(op);
    for (const OpPtr& child : op.children)
      check(*child);
  }

 private:
  void check_expressions(const Op& op) {
    for (const Expr& expr : op.exprs)
      check(expr);
    check(op.expr);
    for (const auto& [variable, key] : op.group_keys)
      check(key);
    for (const auto& [variable, aggregate] : op.aggregates)
      if (aggregate.arg) check(*aggregate.arg);
    for (const sparql::OrderCondition& condition : op.order)
      check(condition.expr);
  }

  void check(const Expr& expr) {
    if (expr.pattern) check(*expr.pattern);
    for (const Expr& arg : expr.args)
      check(arg);
  }

  void check_not_assigned(Variable variable) {
    if (std::find(prebound_.begin(), prebound_.end(), variable) != prebound_.end())
      unsupported("assigns the pre-bound variable ?" + query_.name(variable));
  }

  void check_sub_select(const Op& project) {
    for (Variable variable : must_project_)
      if (std::find(project.projection.begin(), project.projection.end(), variable) ==
          project.projection.end())
        unsupported("has a sub-select that does not return the pre-bound variable ?" +
                    query_.name(variable));
  }

  [[noreturn]] void unsupported(const std::string& problem) const {
    throw ValidationFailure("unsupported SPARQL query: it " + problem +
                            ", which pre-binding does not allow (SHACL, pre-binding of variables)");
  }

  const sparql::Query& query_;
  const Op* top_projection_;
  std::vector<Variable> prebound_, must_project_;
};

class ValuesInsertion {
 public:
  explicit ValuesInsertion(std::vector<std::pair<Variable, rdf::Term>> values)
      : values_(std::move(values)), table_(sparql::make_op(Op::Kind::Table)) {
    table_->table_rows.emplace_back();
    for (const auto& [variable, term] : values_) {
      table_->table_variables.push_back(variable);
      table_->table_rows.back().emplace_back(term);
    }
  }

  OpPtr rewrite(OpPtr op) {
    rewrite_expressions(*op);
    for (OpPtr& child : op->children)
      child = rewrite(std::move(child));
    switch (op->kind) {
      case Op::Kind::Bgp:
        for (sparql::TriplePattern& triple : op->triples) {
          replace(triple.subject);
          replace(triple.predicate);
          replace(triple.object);
        }
        return with_table(std::move(op));
      case Op::Kind::Path:
        replace(op->path->subject);
        replace(op->path->object);
        return with_table(std::move(op));
      case Op::Kind::Graph:
        replace(op->graph);
        return with_table(std::move(op));
      default:
        return op;
    }
  }

 private:
  void rewrite_expressions(Op& op) {
    for (Expr& expr : op.exprs)
      rewrite(expr);
    rewrite(op.expr);
    for (auto& [variable, key] : op.group_keys)
      rewrite(key);
    for (auto& [variable, aggregate] : op.aggregates)
      if (aggregate.arg) rewrite(*aggregate.arg);
    for (sparql::OrderCondition& condition : op.order)
      rewrite(condition.expr);
  }

  // EXISTS patterns are shared between copies of the algebra, so each gets a rewritten copy.
  void rewrite(Expr& expr) {
    if (expr.pattern) expr.pattern = rewrite(sparql::clone(*expr.pattern));
    for (Expr& arg : expr.args)
      rewrite(arg);
  }

  void replace(PatternTerm& position) const {
    if (!position.is_variable()) return;
    for (const auto& [variable, term] : values_) {
      if (position.variable() == variable) {
        position.value = term;
        return;
      }
    }
  }

  OpPtr with_table(OpPtr op) const {
    return sparql::make_op(Op::Kind::Join, std::move(op), sparql::clone(*table_));
  }

  std::vector<std::pair<Variable, rdf::Term>> values_;
  OpPtr table_;
};

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

}  // namespace

void check_prebinding_support(const sparql::Query& query,
                              const std::vector<std::string>& prebound_names) {
  if (query.pattern) SupportCheck(query, prebound_names).check(*query.pattern);
}

sparql::Query prebind(const sparql::Query& query, const PreBindings& bindings) {
  sparql::Query bound = copy_query(query);
  std::vector<std::pair<Variable, rdf::Term>> values;
  for (const PreBinding& binding : bindings)
    if (std::optional<Variable> variable = named_variable(query, binding.name); variable)
      if (binding.value) values.emplace_back(*variable, binding.value.to_term());
  if (values.empty() || !bound.pattern) return bound;
  bound.pattern = ValuesInsertion(std::move(values)).rewrite(std::move(bound.pattern));
  return bound;
}

}  // namespace kg::validate::shacl
