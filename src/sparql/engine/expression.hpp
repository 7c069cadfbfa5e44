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
};

CompiledExprPtr compile_expression(const Expr& expr, PatternPlanner& planner);

// A conjunction of filter expressions: true only if each is true (errors count as false).
class CompiledFilter {
 public:
  CompiledFilter(const std::vector<Expr>& conjuncts, PatternPlanner& planner);
  bool passes(const NodeRef* row, ExecContext& context, const ActiveGraph& graph) const;
  bool empty() const { return conjuncts_.empty(); }
  // A conjunct that is constantly false or an error makes the whole filter reject every row.
  bool rejects_everything() const { return rejects_everything_; }

 private:
  std::vector<CompiledExprPtr> conjuncts_;
  bool rejects_everything_ = false;
};

}  // namespace kg::sparql::engine
