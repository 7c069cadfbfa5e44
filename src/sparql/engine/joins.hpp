// Binary operators combining solutions by compatibility (§18.5): joins, left joins (OPTIONAL)
// and MINUS, each as a bind (index nested-loop) variant that pushes left rows into the right
// side, and a hash variant that materialises one side.
#pragma once

#include "sparql/engine/expression.hpp"
#include "sparql/engine/operator.hpp"

namespace kg::sparql::engine {

// Hash index over a materialised table, on variables bound in every row of it.
class RowHashIndex {
 public:
  static constexpr uint32_t kEnd = UINT32_MAX;

  RowHashIndex(const RowTable& table, std::vector<uint32_t> key_slots);

  // The first row whose key may equal the probe's; follow with next().
  uint32_t first(const NodeRef* probe) const;
  uint32_t next(uint32_t row) const { return next_[row]; }
  // True if the row's key equals the probe's.
  bool key_matches(uint32_t row, const NodeRef* probe) const;

 private:
  const RowTable& table_;
  std::vector<uint32_t> key_slots_;
  std::vector<uint32_t> heads_;
  std::vector<uint32_t> next_;
  size_t mask_ = 0;
};

// Slots of the variables bound in every row of both inputs: the hash key of a join.
std::vector<uint32_t> join_key_slots(const Operator& left, const Operator& right);

// For each left row, opens the right side with that row as seed. The right side must accept
// bindings.
class BindJoin final : public Operator {
 public:
  BindJoin(OperatorPtr left, OperatorPtr right, Estimate estimate);
  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }
  bool accepts_bindings() const override { return left_->accepts_bindings(); }

 private:
  OperatorPtr left_, right_;
};

// Materialises the build side, streams the probe side. Variables bound in some rows only are
// checked for compatibility after the key matches; with no key at all this is a nested loop.
class HashJoin final : public Operator {
 public:
  // keyed false: compare every pair (the unoptimised reference evaluation).
  HashJoin(OperatorPtr left, OperatorPtr right, bool build_left, Estimate estimate,
           bool keyed = true);
  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }
  bool accepts_bindings() const override {
    return left_->accepts_bindings() && right_->accepts_bindings();
  }

 private:
  OperatorPtr left_, right_;
  bool build_left_;
  std::vector<uint32_t> key_slots_;
};

// §18.5 LeftJoin: each left row merged with every compatible right row for which the filter
// (evaluated on the merged row) holds, or kept alone when there is none.
class LeftJoin final : public Operator {
 public:
  enum class Method { Bind, Hash, NestedLoop };
  LeftJoin(OperatorPtr left, OperatorPtr right, std::vector<Expr> filter_exprs,
           std::shared_ptr<const CompiledFilter> filter, Method method, Estimate estimate);
  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }

 private:
  OperatorPtr left_, right_;
  std::vector<Expr> filter_exprs_;
  std::shared_ptr<const CompiledFilter> filter_;
  Method method_;
  std::vector<uint32_t> key_slots_;
};

// §18.5 Minus: left rows for which no right row is compatible while sharing a bound
// variable.
class Minus final : public Operator {
 public:
  Minus(OperatorPtr left, OperatorPtr right, bool keyed = true);
  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }

 private:
  OperatorPtr left_, right_;
  std::vector<uint32_t> key_slots_;
  std::vector<uint32_t> shared_slots_;
};

}  // namespace kg::sparql::engine
