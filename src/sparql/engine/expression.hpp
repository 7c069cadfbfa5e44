// Expressions compiled for evaluation: each algebra Expr becomes a tree of evaluator objects
// that read row slots directly. The special forms whose arguments must not all be evaluated
// (BOUND, IF, COALESCE, &&, ||, NOT, IN, EXISTS) are implemented here; every other builtin and
// cast goes to the function library.
#pragma once

#include <memory>

#include "sparql/engine/operator.hpp"
#include "sparql/value.hpp"

namespace kg::sparql::engine {

class CompiledExpr {
 public:
  virtual ~CompiledExpr() = default;
  // The error value stands for both expression errors and unbound variables.
  virtual Value evaluate(const NodeRef* row, ExecContext& context,
                         const ActiveGraph& graph) const = 0;
  // The value, when it depends on no row and was computed at compile time.
  virtual const Value* constant_value() const { return nullptr; }
  // The row slot, when the expression is a plain variable: its value is then the node in the
  // slot (an unbound slot being the error), which callers may copy without making a value.
  virtual std::optional<uint32_t> variable_slot() const { return std::nullopt; }

  // §17.2.2 applied to the value; nullopt is the error.
  std::optional<bool> test(const NodeRef* row, ExecContext& context,
                           const ActiveGraph& graph) const;
};
using CompiledExprPtr = std::unique_ptr<const CompiledExpr>;

// What compiling EXISTS needs: a plan for its pattern.
class PatternPlanner {
 public:
  virtual ~PatternPlanner() = default;
  virtual OperatorPtr plan_pattern(const Op& pattern) = 0;
  virtual ExecContext& context() = 0;
  // False for the unoptimised reference evaluation, which compiles every expression the
  // general way.
  virtual bool optimizing() const = 0;
};

CompiledExprPtr compile_expression(const Expr& expr, PatternPlanner& planner);

class VerdictMemo;

// A conjunction of filter expressions: true only if each is true (errors count as false).
class CompiledFilter {
 public:
  CompiledFilter(const std::vector<Expr>& conjuncts, PatternPlanner& planner);
  ~CompiledFilter();
  bool passes(const NodeRef* row, ExecContext& context, const ActiveGraph& graph) const;
  bool empty() const { return conjuncts_.empty(); }
  // A conjunct that is constantly false or an error makes the whole filter reject every row.
  bool rejects_everything() const { return rejects_everything_; }

 private:
  bool evaluate(const NodeRef* row, ExecContext& context, const ActiveGraph& graph) const;

  std::vector<CompiledExprPtr> conjuncts_;
  bool rejects_everything_ = false;
  // Per-execution state, like the plan itself: the filter is compiled for one execution.
  mutable std::unique_ptr<VerdictMemo> memo_;
};

}  // namespace kg::sparql::engine
