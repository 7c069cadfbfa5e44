#include "sparql/optimizer/rewrite.hpp"

namespace kg::sparql::optimizer {

namespace {

void insert_term(VariableSet& variables, const PatternTerm& term) {
  if (term.is_variable()) variables.insert(term.variable());
}

}  // namespace

VariableSet certain_variables(const Op& op) {
  VariableSet result;
  switch (op.kind) {
    case Op::Kind::Bgp:
      for (const TriplePattern& triple : op.triples) {
        insert_term(result, triple.subject);
        insert_term(result, triple.predicate);
        insert_term(result, triple.object);
      }
      return result;
    case Op::Kind::Path:
      insert_term(result, op.path->subject);
      insert_term(result, op.path->object);
      return result;
    case Op::Kind::Join:
      return certain_variables(*op.children[0]) | certain_variables(*op.children[1]);
    case Op::Kind::Union:
      return certain_variables(*op.children[0]) & certain_variables(*op.children[1]);
    case Op::Kind::Graph:
      result = certain_variables(*op.children[0]);
      insert_term(result, op.graph);
      return result;
    case Op::Kind::Table:
      for (size_t i = 0; i < op.table_variables.size(); ++i) {
        bool always = true;
        for (const auto& row : op.table_rows)
          always = always && row[i].has_value();
        if (always) result.insert(op.table_variables[i]);
      }
      return result;
    case Op::Kind::Project:
      return certain_variables(*op.children[0]) & VariableSet(op.projection);
    case Op::Kind::LeftJoin:
    case Op::Kind::Minus:
    case Op::Kind::Filter:
    case Op::Kind::Extend:
    case Op::Kind::OrderBy:
    case Op::Kind::Distinct:
    case Op::Kind::Reduced:
    case Op::Kind::Slice:
      return certain_variables(*op.children[0]);
    case Op::Kind::Group:  // a group key or aggregate may be an error, hence unbound
    case Op::Kind::Service:
      return result;
  }
  return result;
}

VariableSet expression_variables(const Expr& expr) {
  VariableSet result;
  if (expr.kind == Expr::Kind::Variable) result.insert(expr.variable);
  for (const Expr& arg : expr.args)
    result |= expression_variables(arg);
  return result;
}

bool contains_exists(const Expr& expr) {
  if (expr.kind == Expr::Kind::Exists || expr.kind == Expr::Kind::NotExists) return true;
  for (const Expr& arg : expr.args)
    if (contains_exists(arg)) return true;
  return false;
}

void split_conjunction(const Expr& expr, std::vector<Expr>& conjuncts) {
  if (expr.kind == Expr::Kind::Builtin && expr.builtin == Builtin::LogicalAnd &&
      expr.args.size() == 2) {
    split_conjunction(expr.args[0], conjuncts);
    split_conjunction(expr.args[1], conjuncts);
    return;
  }
  conjuncts.push_back(expr);
}

namespace {

OpPtr push_down(OpPtr op, std::vector<Expr> pending);

OpPtr wrap_in_filter(OpPtr op, std::vector<Expr> conjuncts) {
  if (conjuncts.empty()) return op;
  OpPtr filter = make_op(Op::Kind::Filter, std::move(op));
  filter->exprs = std::move(conjuncts);
  return filter;
}

// Splits pending into the conjuncts that may move below and those that stay.
template <typename MayMove>
std::vector<Expr> take_movable(std::vector<Expr>& pending, MayMove&& may_move) {
  std::vector<Expr> moving, staying;
  for (Expr& conjunct : pending)
    (may_move(conjunct) ? moving : staying).push_back(std::move(conjunct));
  pending = std::move(staying);
  return moving;
}

bool covered_by(const Expr& conjunct, const VariableSet& certain) {
  return !contains_exists(conjunct) && expression_variables(conjunct).is_subset_of(certain);
}

// Join groups (BGPs and joins of them) are ordered by the planner, which places their filters
// itself; other join operands can take a filter directly.
bool is_join_group(const Op& op) {
  return op.kind == Op::Kind::Bgp || op.kind == Op::Kind::Join || op.kind == Op::Kind::Filter;
}

OpPtr push_into_join(OpPtr op, std::vector<Expr> pending) {
  for (OpPtr& child : op->children) {
    std::vector<Expr> moving;
    if (!is_join_group(*child)) {
      VariableSet certain = certain_variables(*child);
      moving = take_movable(pending, [&](const Expr& c) { return covered_by(c, certain); });
    }
    child = push_down(std::move(child), std::move(moving));
  }
  return wrap_in_filter(std::move(op), std::move(pending));
}

OpPtr push_down(OpPtr op, std::vector<Expr> pending) {
  switch (op->kind) {
    case Op::Kind::Filter: {
      for (const Expr& expr : op->exprs)
        split_conjunction(expr, pending);
      return push_down(std::move(op->children[0]), std::move(pending));
    }
    case Op::Kind::Join:
      return push_into_join(std::move(op), std::move(pending));
    case Op::Kind::LeftJoin: {
      VariableSet certain = certain_variables(*op->children[0]);
      std::vector<Expr> moving =
          take_movable(pending, [&](const Expr& c) { return covered_by(c, certain); });
      op->children[0] = push_down(std::move(op->children[0]), std::move(moving));
      op->children[1] = push_down(std::move(op->children[1]), {});
      return wrap_in_filter(std::move(op), std::move(pending));
    }
    case Op::Kind::Union:
      // A filter looks at one solution at a time, so it distributes over a union.
      op->children[0] = push_down(std::move(op->children[0]), pending);
      op->children[1] = push_down(std::move(op->children[1]), std::move(pending));
      return op;
    case Op::Kind::Minus:
      // MINUS keeps left solutions unchanged: filtering them first is the same.
      op->children[0] = push_down(std::move(op->children[0]), std::move(pending));
      op->children[1] = push_down(std::move(op->children[1]), {});
      return op;
    case Op::Kind::Extend: {
      Variable assigned = op->variable;
      std::vector<Expr> moving = take_movable(pending, [&](const Expr& c) {
        return !contains_exists(c) && !expression_variables(c).contains(assigned);
      });
      op->children[0] = push_down(std::move(op->children[0]), std::move(moving));
      return wrap_in_filter(std::move(op), std::move(pending));
    }
    case Op::Kind::Graph: {
      VariableSet certain = certain_variables(*op->children[0]);
      std::vector<Expr> moving =
          take_movable(pending, [&](const Expr& c) { return covered_by(c, certain); });
      op->children[0] = push_down(std::move(op->children[0]), std::move(moving));
      return wrap_in_filter(std::move(op), std::move(pending));
    }
    default:
      for (OpPtr& child : op->children)
        child = push_down(std::move(child), {});
      return wrap_in_filter(std::move(op), std::move(pending));
  }
}

}  // namespace

OpPtr push_down_filters(const Op& op) {
  return push_down(clone(op), {});
}

namespace {

// Moves one end of the bounds to value if that is tighter: further in, or as far but exclusive.
void tighten_end(std::optional<std::string>& end, bool& end_inclusive, const std::string& value,
                 bool inclusive, bool lower) {
  if (end) {
    bool further_in = lower ? value > *end : value < *end;
    if (!further_in && !(value == *end && !inclusive && end_inclusive)) return;
  }
  end = value;
  end_inclusive = inclusive;
}

// For ?x OP C as written; C OP ?x is mirrored by the caller.
void tighten(rdf::ObjectBounds& bounds, Builtin comparison, const std::string& value) {
  auto raise_lower = [&](bool inclusive) {
    tighten_end(bounds.lower, bounds.lower_inclusive, value, inclusive, true);
  };
  auto lower_upper = [&](bool inclusive) {
    tighten_end(bounds.upper, bounds.upper_inclusive, value, inclusive, false);
  };
  switch (comparison) {
    case Builtin::Greater:
      raise_lower(false);
      break;
    case Builtin::GreaterOrEqual:
      raise_lower(true);
      break;
    case Builtin::Less:
      lower_upper(false);
      break;
    case Builtin::LessOrEqual:
      lower_upper(true);
      break;
    case Builtin::Equal:
      raise_lower(true);
      lower_upper(true);
      break;
    default:
      break;
  }
}

Builtin mirrored(Builtin comparison) {
  switch (comparison) {
    case Builtin::Greater:
      return Builtin::Less;
    case Builtin::GreaterOrEqual:
      return Builtin::LessOrEqual;
    case Builtin::Less:
      return Builtin::Greater;
    case Builtin::LessOrEqual:
      return Builtin::GreaterOrEqual;
    default:
      return comparison;
  }
}

bool is_comparison(Builtin builtin) {
  return builtin == Builtin::Greater || builtin == Builtin::GreaterOrEqual ||
         builtin == Builtin::Less || builtin == Builtin::LessOrEqual || builtin == Builtin::Equal;
}

}  // namespace

std::optional<rdf::ObjectBounds> comparison_bounds(Variable variable,
                                                   const std::vector<Expr>& conjuncts) {
  std::optional<rdf::ObjectBounds> bounds;
  for (const Expr& conjunct : conjuncts) {
    if (conjunct.kind != Expr::Kind::Builtin || !is_comparison(conjunct.builtin) ||
        conjunct.args.size() != 2)
      continue;
    const Expr& left = conjunct.args[0];
    const Expr& right = conjunct.args[1];
    bool variable_left = left.kind == Expr::Kind::Variable && left.variable.id == variable.id &&
                         right.kind == Expr::Kind::Constant;
    bool variable_right = right.kind == Expr::Kind::Variable && right.variable.id == variable.id &&
                          left.kind == Expr::Kind::Constant;
    if (!variable_left && !variable_right) continue;
    const rdf::Term& constant = variable_left ? right.constant : left.constant;
    if (constant.kind != rdf::TermKind::Literal || !constant.language.empty()) continue;
    if (!bounds) bounds.emplace().datatype = constant.datatype;
    if (bounds->datatype != constant.datatype) continue;
    tighten(*bounds, variable_left ? conjunct.builtin : mirrored(conjunct.builtin), constant.value);
  }
  return bounds;
}

}  // namespace kg::sparql::optimizer
