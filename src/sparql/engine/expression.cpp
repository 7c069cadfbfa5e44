#include "sparql/engine/expression.hpp"

#include <array>

#include "sparql/engine/specialised.hpp"
#include "sparql/functions.hpp"
#include "util/error.hpp"

namespace kg::sparql::engine {

std::optional<bool> CompiledExpr::test(const NodeRef* row, ExecContext& context,
                                       const ActiveGraph& graph) const {
  return effective_boolean_value(evaluate(row, context, graph));
}

namespace {

class ConstantExpr final : public CompiledExpr {
 public:
  explicit ConstantExpr(Value value) : value_(std::move(value)) {}
  Value evaluate(const NodeRef*, ExecContext&, const ActiveGraph&) const override { return value_; }
  const Value* constant_value() const override { return &value_; }

 private:
  Value value_;
};

class VariableExpr final : public CompiledExpr {
 public:
  explicit VariableExpr(Variable variable) : slot_(variable.id) {}
  Value evaluate(const NodeRef* row, ExecContext&, const ActiveGraph&) const override {
    return row[slot_] ? Value::from_node(row[slot_]) : Value::error();
  }
  std::optional<uint32_t> variable_slot() const override { return slot_; }

 private:
  uint32_t slot_;
};

class BoundExpr final : public CompiledExpr {
 public:
  explicit BoundExpr(Variable variable) : slot_(variable.id) {}
  Value evaluate(const NodeRef* row, ExecContext&, const ActiveGraph&) const override {
    return Value::boolean(!row[slot_].is_null());
  }

 private:
  uint32_t slot_;
};

// sameTerm, = and != between a variable and a constant IRI (or between two variables for
// sameTerm) reduce to comparing interned nodes: an IRI equals only itself, and comparing it
// with any other term is false rather than an error.
class NodeIdentityExpr final : public CompiledExpr {
 public:
  NodeIdentityExpr(uint32_t slot, NodeRef constant, bool negated)
      : slot_(slot), constant_(constant), negated_(negated) {}
  NodeIdentityExpr(uint32_t slot, uint32_t other_slot)
      : slot_(slot), other_slot_(other_slot), negated_(false) {}
  Value evaluate(const NodeRef* row, ExecContext&, const ActiveGraph&) const override {
    NodeRef left = row[slot_];
    NodeRef right = other_slot_ ? row[*other_slot_] : constant_;
    if (!left || !right) return Value::error();
    return Value::boolean((left == right) != negated_);
  }

 private:
  uint32_t slot_;
  std::optional<uint32_t> other_slot_;
  NodeRef constant_;
  bool negated_;
};

using ExprList = std::vector<CompiledExprPtr>;

class IfExpr final : public CompiledExpr {
 public:
  explicit IfExpr(ExprList args) : args_(std::move(args)) {}
  Value evaluate(const NodeRef* row, ExecContext& context,
                 const ActiveGraph& graph) const override {
    std::optional<bool> condition = args_[0]->test(row, context, graph);
    if (!condition) return Value::error();
    return args_[*condition ? 1 : 2]->evaluate(row, context, graph);
  }

 private:
  ExprList args_;
};

class CoalesceExpr final : public CompiledExpr {
 public:
  explicit CoalesceExpr(ExprList args) : args_(std::move(args)) {}
  Value evaluate(const NodeRef* row, ExecContext& context,
                 const ActiveGraph& graph) const override {
    for (const CompiledExprPtr& arg : args_) {
      Value value = arg->evaluate(row, context, graph);
      if (!value.is_error()) return value;
    }
    return Value::error();
  }

 private:
  ExprList args_;
};

// && and || with the three-valued logic of §17.2: an error on one side is overridden by a
// deciding value (false for &&, true for ||) on the other.
class LogicalExpr final : public CompiledExpr {
 public:
  LogicalExpr(ExprList args, bool is_and) : args_(std::move(args)), deciding_(!is_and) {}
  Value evaluate(const NodeRef* row, ExecContext& context,
                 const ActiveGraph& graph) const override {
    std::optional<bool> left = args_[0]->test(row, context, graph);
    if (left == deciding_) return Value::boolean(deciding_);
    std::optional<bool> right = args_[1]->test(row, context, graph);
    if (right == deciding_) return Value::boolean(deciding_);
    if (!left || !right) return Value::error();
    return Value::boolean(!deciding_);
  }

 private:
  ExprList args_;
  bool deciding_;
};

class NotExpr final : public CompiledExpr {
 public:
  explicit NotExpr(ExprList args) : args_(std::move(args)) {}
  Value evaluate(const NodeRef* row, ExecContext& context,
                 const ActiveGraph& graph) const override {
    std::optional<bool> truth = args_[0]->test(row, context, graph);
    return truth ? Value::boolean(!*truth) : Value::error();
  }

 private:
  ExprList args_;
};

// IN is a disjunction of equalities and NOT IN a conjunction of inequalities (§17.4.1.9-10):
// a match decides, otherwise any error makes the result an error.
class InExpr final : public CompiledExpr {
 public:
  InExpr(ExprList args, bool negated) : args_(std::move(args)), negated_(negated) {}
  Value evaluate(const NodeRef* row, ExecContext& context,
                 const ActiveGraph& graph) const override {
    Value needle = args_[0]->evaluate(row, context, graph);
    if (needle.is_error()) return Value::error();
    bool saw_error = false;
    for (size_t i = 1; i < args_.size(); ++i) {
      std::optional<bool> same = equal(needle, args_[i]->evaluate(row, context, graph));
      if (same == true) return Value::boolean(!negated_);
      if (!same) saw_error = true;
    }
    return saw_error ? Value::error() : Value::boolean(negated_);
  }

 private:
  ExprList args_;
  bool negated_;
};

// EXISTS substitutes the current solution into its pattern (§18.6): the pattern is opened
// with the row as its seed, in the active graph of the enclosing pattern.
class ExistsExpr final : public CompiledExpr {
 public:
  ExistsExpr(OperatorPtr plan, bool negated) : plan_(std::move(plan)), negated_(negated) {}
  Value evaluate(const NodeRef* row, ExecContext& context,
                 const ActiveGraph& graph) const override {
    CursorPtr cursor = plan_->open(context, Frame{row, &graph});
    RowBatch first(context.width, 1);
    return Value::boolean(cursor->next(first) != negated_);
  }

 private:
  OperatorPtr plan_;
  bool negated_;
};

template <typename Function>
Value call_with_arguments(const ExprList& args, const NodeRef* row, ExecContext& context,
                          const ActiveGraph& graph, Function&& function) {
  constexpr size_t kInline = 4;
  if (args.size() <= kInline) {
    std::array<Value, kInline> values;
    for (size_t i = 0; i < args.size(); ++i)
      values[i] = args[i]->evaluate(row, context, graph);
    return function(std::span<const Value>(values.data(), args.size()));
  }
  std::vector<Value> values;
  values.reserve(args.size());
  for (const CompiledExprPtr& arg : args)
    values.push_back(arg->evaluate(row, context, graph));
  return function(std::span<const Value>(values));
}

class BuiltinExpr final : public CompiledExpr {
 public:
  BuiltinExpr(Builtin builtin, ExprList args) : builtin_(builtin), args_(std::move(args)) {}
  Value evaluate(const NodeRef* row, ExecContext& context,
                 const ActiveGraph& graph) const override {
    return call_with_arguments(args_, row, context, graph, [&](std::span<const Value> values) {
      return call_builtin(builtin_, values, context.functions);
    });
  }

 private:
  Builtin builtin_;
  ExprList args_;
};

class FunctionCallExpr final : public CompiledExpr {
 public:
  FunctionCallExpr(std::string iri, ExprList args) : iri_(std::move(iri)), args_(std::move(args)) {}
  Value evaluate(const NodeRef* row, ExecContext& context,
                 const ActiveGraph& graph) const override {
    return call_with_arguments(args_, row, context, graph, [&](std::span<const Value> values) {
      return call_function(iri_, values, context.functions);
    });
  }

 private:
  std::string iri_;
  ExprList args_;
};

bool is_deterministic(Builtin builtin) {
  switch (builtin) {
    case Builtin::Rand:
    case Builtin::Uuid:
    case Builtin::StrUuid:
    case Builtin::Bnode:
    case Builtin::Now:
      return false;
    default:
      return true;
  }
}

bool all_constant(const ExprList& args) {
  for (const CompiledExprPtr& arg : args)
    if (!arg->constant_value()) return false;
  return true;
}

// Constant folding: a deterministic call on constants is evaluated once, here.
CompiledExprPtr fold_if_constant(CompiledExprPtr compiled, bool deterministic,
                                 ExecContext& context) {
  if (!deterministic) return compiled;
  Value value = compiled->evaluate(context.empty_row(), context, context.default_graph());
  return std::make_unique<ConstantExpr>(std::move(value));
}

CompiledExprPtr compile_node_identity(const Expr& expr, PatternPlanner& planner) {
  bool same_term = expr.builtin == Builtin::SameTerm;
  bool negated = expr.builtin == Builtin::NotEqual;
  if (!same_term && !negated && expr.builtin != Builtin::Equal) return nullptr;
  const Expr* variable = nullptr;
  const Expr* other = nullptr;
  for (size_t i = 0; i < 2; ++i) {
    if (expr.args[i].kind == Expr::Kind::Variable && !variable) {
      variable = &expr.args[i];
      other = &expr.args[1 - i];
    }
  }
  if (!variable) return nullptr;
  if (other->kind == Expr::Kind::Variable && same_term)
    return std::make_unique<NodeIdentityExpr>(variable->variable.id, other->variable.id);
  if (other->kind != Expr::Kind::Constant) return nullptr;
  // Literals compare by value under = (1 = 1.0), so only IRIs, or any term under sameTerm,
  // may be compared as nodes.
  if (!same_term && !other->constant.is_iri()) return nullptr;
  NodeRef constant = planner.context().store.world().intern(other->constant);
  return std::make_unique<NodeIdentityExpr>(variable->variable.id, constant, negated);
}

ExprList compile_arguments(const Expr& expr, PatternPlanner& planner) {
  ExprList args;
  args.reserve(expr.args.size());
  for (const Expr& arg : expr.args)
    args.push_back(compile_expression(arg, planner));
  return args;
}

void require_arity(const Expr& expr, size_t arity) {
  if (expr.args.size() != arity)
    throw Error(std::string("SPARQL ") + builtin_name(expr.builtin) + " takes " +
                std::to_string(arity) + " arguments");
}

CompiledExprPtr compile_builtin(const Expr& expr, PatternPlanner& planner) {
  switch (expr.builtin) {
    case Builtin::Bound:
      require_arity(expr, 1);
      if (expr.args[0].kind != Expr::Kind::Variable) throw Error("BOUND takes a variable");
      return std::make_unique<BoundExpr>(expr.args[0].variable);
    case Builtin::If:
      require_arity(expr, 3);
      break;
    case Builtin::LogicalAnd:
    case Builtin::LogicalOr:
      require_arity(expr, 2);
      break;
    case Builtin::LogicalNot:
      require_arity(expr, 1);
      break;
    case Builtin::Equal:
    case Builtin::NotEqual:
    case Builtin::SameTerm:
      if (expr.args.size() == 2)
        if (CompiledExprPtr identity = compile_node_identity(expr, planner)) return identity;
      break;
    default:
      break;
  }
  ExprList args = compile_arguments(expr, planner);
  bool constant_args = all_constant(args);
  CompiledExprPtr compiled;
  switch (expr.builtin) {
    case Builtin::If:
      compiled = std::make_unique<IfExpr>(std::move(args));
      break;
    case Builtin::Coalesce:
      compiled = std::make_unique<CoalesceExpr>(std::move(args));
      break;
    case Builtin::LogicalAnd:
      compiled = std::make_unique<LogicalExpr>(std::move(args), true);
      break;
    case Builtin::LogicalOr:
      compiled = std::make_unique<LogicalExpr>(std::move(args), false);
      break;
    case Builtin::LogicalNot:
      compiled = std::make_unique<NotExpr>(std::move(args));
      break;
    case Builtin::In:
    case Builtin::NotIn:
      if (args.empty()) throw Error("IN needs a left-hand side");
      compiled = std::make_unique<InExpr>(std::move(args), expr.builtin == Builtin::NotIn);
      break;
    default:
      compiled = std::make_unique<BuiltinExpr>(expr.builtin, std::move(args));
      break;
  }
  if (!constant_args) return compiled;
  return fold_if_constant(std::move(compiled), is_deterministic(expr.builtin), planner.context());
}

}  // namespace

CompiledExprPtr compile_expression(const Expr& expr, PatternPlanner& planner) {
  switch (expr.kind) {
    case Expr::Kind::Constant: {
      NodeRef node = planner.context().store.world().intern(expr.constant);
      return std::make_unique<ConstantExpr>(Value::from_node(node));
    }
    case Expr::Kind::Variable:
      return std::make_unique<VariableExpr>(expr.variable);
    case Expr::Kind::Builtin:
      if (planner.optimizing())
        if (CompiledExprPtr specialised = compile_specialised(expr, planner)) return specialised;
      return compile_builtin(expr, planner);
    case Expr::Kind::Call: {
      ExprList args = compile_arguments(expr, planner);
      bool constant_args = all_constant(args);
      CompiledExprPtr call = std::make_unique<FunctionCallExpr>(expr.function, std::move(args));
      if (!constant_args) return call;
      return fold_if_constant(std::move(call), true, planner.context());
    }
    case Expr::Kind::Exists:
    case Expr::Kind::NotExists:
      return std::make_unique<ExistsExpr>(planner.plan_pattern(*expr.pattern),
                                          expr.kind == Expr::Kind::NotExists);
  }
  throw Error("unknown expression kind");
}

CompiledFilter::CompiledFilter(const std::vector<Expr>& conjuncts, PatternPlanner& planner) {
  for (const Expr& conjunct : conjuncts) {
    CompiledExprPtr compiled = compile_expression(conjunct, planner);
    if (const Value* constant = compiled->constant_value()) {
      std::optional<bool> truth = effective_boolean_value(*constant);
      if (truth == true) continue;  // a constantly true conjunct filters nothing
      rejects_everything_ = true;
    }
    conjuncts_.push_back(std::move(compiled));
  }
  if (planner.optimizing() && !conjuncts_.empty())
    if (std::optional<Variable> variable = VerdictMemo::single_variable(conjuncts))
      memo_ = std::make_unique<VerdictMemo>(*variable);
}

CompiledFilter::~CompiledFilter() = default;

bool CompiledFilter::passes(const NodeRef* row, ExecContext& context,
                            const ActiveGraph& graph) const {
  if (!memo_) return evaluate(row, context, graph);
  if (std::optional<bool> known = memo_->recall(row)) return *known;
  bool verdict = evaluate(row, context, graph);
  memo_->remember(row, verdict);
  return verdict;
}

bool CompiledFilter::evaluate(const NodeRef* row, ExecContext& context,
                              const ActiveGraph& graph) const {
  for (const CompiledExprPtr& conjunct : conjuncts_)
    if (conjunct->test(row, context, graph) != true) return false;
  return true;
}

}  // namespace kg::sparql::engine
