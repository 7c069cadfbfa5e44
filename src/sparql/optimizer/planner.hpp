// From algebra to a physical plan. With optimisation on, filters are pushed down first, then
// each join group (the triple patterns, paths and sub-patterns joined in one group) is
// ordered greedily by estimated intermediate result size, choosing per step between a bind
// join (index nested loop) and a hash join; OPTIONAL likewise picks a bind or hash left join.
// With it off, the algebra is evaluated as parsed with nested-loop operators: the reference
// the optimiser is tested against.
#pragma once

#include <vector>

#include "sparql/engine/expression.hpp"
#include "sparql/engine/operator.hpp"
#include "sparql/optimizer/cardinality.hpp"

namespace kg::sparql::optimizer {

using engine::OperatorPtr;

class Planner final : public engine::PatternPlanner {
 public:
  Planner(engine::ExecContext& context, bool optimize);

  // Plans a whole pattern (or an EXISTS pattern, given the variables bound where it is
  // evaluated).
  OperatorPtr plan_pattern(const Op& pattern) override;
  engine::ExecContext& context() override { return context_; }
  bool optimizing() const override { return optimize_; }

 private:
  struct Item;
  struct PendingFilter;

  OperatorPtr build(const Op& op, const VariableSet& seeded);
  OperatorPtr build_naive_bgp(const Op& op);
  OperatorPtr build_join_group(const Op& op, const VariableSet& seeded);
  void collect_group(const Op& op, std::vector<Item>& items, std::vector<PendingFilter>& filters,
                     const VariableSet& seeded);
  OperatorPtr join_step(OperatorPtr current, Item& item, const VariableSet& bound);
  void attach_object_bounds(std::vector<Item>& items, const std::vector<PendingFilter>& filters);
  std::optional<double> bounded_rows(const Item& item, const VariableSet& bound);
  Item& pick_next(std::vector<Item>& items, const std::vector<PendingFilter>& filters,
                  const engine::Operator* current, const VariableSet& bound);
  static double filter_selectivity(const std::vector<PendingFilter>& filters,
                                   const VariableSet& bound);
  OperatorPtr item_operator(Item& item, const VariableSet& bound);
  // Expected rows of a group operand given the variables bound before it.
  double item_rows(const Item& item, const VariableSet& bound);
  OperatorPtr build_join(const Op& op, const VariableSet& seeded);
  OperatorPtr build_left_join(const Op& op, const VariableSet& seeded);
  OperatorPtr build_filter(const Op& op, const VariableSet& seeded);
  OperatorPtr add_filter(OperatorPtr input, std::vector<Expr> conjuncts);
  OperatorPtr build_extend(const Op& op, const VariableSet& seeded);
  OperatorPtr build_slice(const Op& op, const VariableSet& seeded);
  OperatorPtr build_order_by(const Op& op, const VariableSet& seeded,
                             std::optional<uint64_t> limit);
  OperatorPtr build_group(const Op& op);
  OperatorPtr build_graph(const Op& op, const VariableSet& seeded);
  OperatorPtr build_table(const Op& op);
  OperatorPtr build_path(const Op& op, const VariableSet& seeded);

  std::array<engine::PatternSlot, 3> slots(const TriplePattern& triple);
  engine::PatternSlot slot(const PatternTerm& term);
  std::shared_ptr<const engine::CompiledExpr> compile(const Expr& expr, const VariableSet& bound);

  engine::ExecContext& context_;
  bool optimize_;
  Cardinality cardinality_;
  // The rewritten algebra the plan refers to (SERVICE operators keep their pattern).
  std::vector<OpPtr> rewritten_;
  // While compiling an expression: the variables bound wherever it is evaluated, which an
  // EXISTS pattern inside can count on.
  VariableSet expression_bound_;
};

// The plan as explain() prints it: one operator per line, children indented.
std::string format_plan(const engine::Operator& plan, const Query& query);

}  // namespace kg::sparql::optimizer
