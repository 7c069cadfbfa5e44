#include "sparql/optimizer/planner.hpp"

#include <sstream>
#include <utility>

#include "sparql/engine/joins.hpp"
#include "sparql/engine/leaves.hpp"
#include "sparql/engine/modifiers.hpp"
#include "sparql/engine/path.hpp"
#include "sparql/engine/relational.hpp"
#include "sparql/optimizer/rewrite.hpp"
#include "util/error.hpp"

namespace kg::sparql::optimizer {

using namespace engine;

Planner::Planner(ExecContext& context, bool optimize)
    : context_(context), optimize_(optimize), cardinality_(context.store) {}

OperatorPtr Planner::plan_pattern(const Op& pattern) {
  if (!optimize_) return build(pattern, expression_bound_);
  rewritten_.push_back(push_down_filters(pattern));
  return build(*rewritten_.back(), expression_bound_);
}

PatternSlot Planner::slot(const PatternTerm& term) {
  if (term.is_variable()) return PatternSlot{{}, term.variable()};
  return PatternSlot{context_.store.world().intern(term.term()), std::nullopt};
}

std::array<PatternSlot, 3> Planner::slots(const TriplePattern& triple) {
  return {slot(triple.subject), slot(triple.predicate), slot(triple.object)};
}

std::shared_ptr<const CompiledExpr> Planner::compile(const Expr& expr, const VariableSet& bound) {
  VariableSet saved = std::exchange(expression_bound_, bound);
  std::shared_ptr<const CompiledExpr> compiled = compile_expression(expr, *this);
  expression_bound_ = std::move(saved);
  return compiled;
}

OperatorPtr Planner::build(const Op& op, const VariableSet& seeded) {
  switch (op.kind) {
    case Op::Kind::Bgp:
      return optimize_ ? build_join_group(op, seeded) : build_naive_bgp(op);
    case Op::Kind::Join:
      return optimize_ ? build_join_group(op, seeded) : build_join(op, seeded);
    case Op::Kind::Filter:
      return build_filter(op, seeded);
    case Op::Kind::Path:
      return build_path(op, seeded);
    case Op::Kind::LeftJoin:
      return build_left_join(op, seeded);
    case Op::Kind::Union: {
      std::vector<OperatorPtr> branches;
      for (const OpPtr& child : op.children)
        branches.push_back(build(*child, seeded));
      return std::make_shared<Union>(std::move(branches));
    }
    case Op::Kind::Minus:
      return std::make_shared<Minus>(build(*op.children[0], seeded), build(*op.children[1], seeded),
                                     optimize_);
    case Op::Kind::Graph:
      return build_graph(op, seeded);
    case Op::Kind::Extend:
      return build_extend(op, seeded);
    case Op::Kind::Table:
      return build_table(op);
    case Op::Kind::Group:
      return build_group(op);
    case Op::Kind::OrderBy:
      return build_order_by(op, seeded, std::nullopt);
    case Op::Kind::Project: {
      VariableSet projected(op.projection);
      return std::make_shared<Project>(build(*op.children[0], seeded & projected), op.projection);
    }
    case Op::Kind::Distinct:
    case Op::Kind::Reduced:
      return std::make_shared<Distinct>(build(*op.children[0], seeded),
                                        op.kind == Op::Kind::Reduced);
    case Op::Kind::Slice:
      return build_slice(op, seeded);
    case Op::Kind::Service: {
      NodeRef endpoint = op.graph.is_variable() ? NodeRef() : slot(op.graph).constant;
      return std::make_shared<Service>(op, endpoint, op.silent, context_.width);
    }
  }
  throw Error("unknown algebra operator");
}

// ---------------------------------------------------------------------------------------------
// Unoptimised evaluation: the algebra as written

OperatorPtr Planner::build_naive_bgp(const Op& op) {
  if (op.triples.empty()) return std::make_shared<ConstantRelation>(true);
  OperatorPtr current;
  VariableSet bound;
  for (const TriplePattern& triple : op.triples) {
    std::array<PatternSlot, 3> pattern = slots(triple);
    double rows = cardinality_.triple_pattern(pattern, bound);
    auto scan = std::make_shared<IndexScan>(pattern, Estimate{rows, rows + kLookupCost});
    if (current) {
      Estimate joined{current->estimate().rows * rows,
                      current->estimate().cost + current->estimate().rows * (kLookupCost + rows)};
      current = std::make_shared<BindJoin>(current, scan, joined);
    } else {
      current = scan;
    }
    bound |= scan->certain();
  }
  return current;
}

OperatorPtr Planner::build_join(const Op& op, const VariableSet& seeded) {
  OperatorPtr left = build(*op.children[0], seeded);
  OperatorPtr right = build(*op.children[1], seeded);
  Estimate estimate{left->estimate().rows * right->estimate().rows,
                    left->estimate().cost + right->estimate().cost +
                        left->estimate().rows * right->estimate().rows};
  return std::make_shared<HashJoin>(left, right, false, estimate, false);
}

// ---------------------------------------------------------------------------------------------
// Operators other than joins

OperatorPtr Planner::add_filter(OperatorPtr input, std::vector<Expr> conjuncts) {
  if (conjuncts.empty()) return input;
  VariableSet certain = input->certain();
  bool accepts_bindings = true;
  for (const Expr& conjunct : conjuncts)
    accepts_bindings = accepts_bindings && !contains_exists(conjunct) &&
                       expression_variables(conjunct).is_subset_of(certain);
  VariableSet saved = std::exchange(expression_bound_, certain);
  auto filter = std::make_shared<const CompiledFilter>(conjuncts, *this);
  expression_bound_ = std::move(saved);
  if (filter->rejects_everything()) return std::make_shared<ConstantRelation>(false);
  return std::make_shared<Filter>(input, std::move(conjuncts), filter, accepts_bindings);
}

OperatorPtr Planner::build_filter(const Op& op, const VariableSet& seeded) {
  const Op& input = *op.children[0];
  if (optimize_ && (input.kind == Op::Kind::Bgp || input.kind == Op::Kind::Join))
    return build_join_group(op, seeded);
  std::vector<Expr> conjuncts;
  for (const Expr& expr : op.exprs)
    split_conjunction(expr, conjuncts);
  return add_filter(build(input, seeded), std::move(conjuncts));
}

OperatorPtr Planner::build_extend(const Op& op, const VariableSet& seeded) {
  // A run of BINDs (or SELECT expressions) becomes one operator, innermost first.
  std::vector<const Op*> run;
  const Op* input = &op;
  for (; input->kind == Op::Kind::Extend; input = input->children[0].get())
    run.push_back(input);
  OperatorPtr built = build(*input, seeded);
  VariableSet certain = built->certain();
  bool accepts_bindings = true;
  std::vector<Extend::Assignment> assignments;
  for (auto it = run.rbegin(); it != run.rend(); ++it) {
    const Op& extend = **it;
    accepts_bindings = accepts_bindings && !contains_exists(extend.expr) &&
                       expression_variables(extend.expr).is_subset_of(certain);
    assignments.push_back({extend.variable, extend.expr, compile(extend.expr, certain)});
  }
  return std::make_shared<Extend>(built, std::move(assignments), accepts_bindings);
}

OperatorPtr Planner::build_order_by(const Op& op, const VariableSet& seeded,
                                    std::optional<uint64_t> limit) {
  OperatorPtr input = build(*op.children[0], seeded);
  std::vector<OrderBy::Key> keys;
  for (const OrderCondition& condition : op.order)
    keys.push_back({condition, compile(condition.expr, input->certain())});
  return std::make_shared<OrderBy>(input, std::move(keys), optimize_ ? limit : std::nullopt);
}

// With a limit, ORDER BY need only order the first offset + limit rows (top-k).
OperatorPtr Planner::build_slice(const Op& op, const VariableSet& seeded) {
  const Op& input = *op.children[0];
  OperatorPtr built;
  std::optional<uint64_t> top;
  if (op.limit) top = op.offset + *op.limit;
  if (top && input.kind == Op::Kind::OrderBy) {
    built = build_order_by(input, seeded, top);
  } else if (top && input.kind == Op::Kind::Project &&
             input.children[0]->kind == Op::Kind::OrderBy) {
    VariableSet projected(input.projection);
    built = std::make_shared<Project>(build_order_by(*input.children[0], seeded & projected, top),
                                      input.projection);
  } else {
    built = build(input, seeded);
  }
  return std::make_shared<Slice>(built, op.offset, op.limit);
}

OperatorPtr Planner::build_group(const Op& op) {
  OperatorPtr input = build(*op.children[0], {});
  VariableSet certain = input->certain();
  std::vector<Group::Key> keys;
  for (const auto& [variable, expr] : op.group_keys)
    keys.push_back({variable, expr, compile(expr, certain)});
  std::vector<Group::Aggregation> aggregations;
  for (const auto& [variable, aggregate] : op.aggregates) {
    std::shared_ptr<const CompiledExpr> argument;
    if (aggregate.arg) argument = compile(*aggregate.arg, certain);
    aggregations.push_back({variable, aggregate, std::move(argument)});
  }
  return std::make_shared<Group>(input, std::move(keys), std::move(aggregations));
}

OperatorPtr Planner::build_graph(const Op& op, const VariableSet& seeded) {
  VariableSet inner = seeded;
  std::optional<Variable> variable;
  NodeRef graph;
  if (op.graph.is_variable()) {
    variable = op.graph.variable();
    inner.insert(*variable);
  } else {
    graph = slot(op.graph).constant;
  }
  return std::make_shared<GraphScope>(build(*op.children[0], inner), graph, variable,
                                      static_cast<double>(context_.named_graphs().size()));
}

OperatorPtr Planner::build_table(const Op& op) {
  std::vector<std::vector<NodeRef>> rows;
  for (const auto& row : op.table_rows) {
    std::vector<NodeRef> nodes;
    for (const std::optional<Term>& cell : row)
      nodes.push_back(cell ? context_.store.world().intern(*cell) : NodeRef());
    rows.push_back(std::move(nodes));
  }
  return std::make_shared<ValuesTable>(op.table_variables, std::move(rows));
}

OperatorPtr Planner::build_path(const Op& op, const VariableSet& seeded) {
  PatternSlot subject = slot(op.path->subject), object = slot(op.path->object);
  CompiledPath path = compile_path(op.path->path, context_.store.world());
  double rows = cardinality_.path(subject, path, object, seeded);
  return std::make_shared<PathScan>(subject, std::move(path), object,
                                    Estimate{rows, rows + kLookupCost});
}

// ---------------------------------------------------------------------------------------------
// explain()

namespace {

std::string format_number(double value) {
  std::ostringstream text;
  text.precision(value < 10 ? 2 : 0);
  text << std::fixed << value;
  return text.str();
}

void format_operator(const Operator& op, const Query& query, int depth, std::string& out) {
  out += std::string(static_cast<size_t>(depth) * 2, ' ') + op.describe(query) + "  [rows ~" +
         format_number(op.estimate().rows) + ", cost ~" + format_number(op.estimate().cost) + "]\n";
  for (const Operator* child : op.children())
    format_operator(*child, query, depth + 1, out);
}

}  // namespace

std::string format_plan(const Operator& plan, const Query& query) {
  std::string out;
  format_operator(plan, query, 0, out);
  return out;
}

}  // namespace kg::sparql::optimizer
