// Binary operators combining solutions by compatibility (§18.5): joins, left joins (OPTIONAL)
// and MINUS, each as a bind (index nested-loop) variant that pushes left rows into the right
// side, and a hash variant that materialises one side.
#pragma once

#include "sparql/engine/expression.hpp"
#include "sparql/engine/operator.hpp"

namespace kg::sparql::engine {

// How two inputs are matched: the key (variables bound in every row of both) is hashed, and
// the other variables both may bind are checked for compatibility. With no key every pair is
// compared (a nested loop).
struct JoinSlots {
  std::vector<uint32_t> key;
  std::vector<uint32_t> checked;

  // keyed false: no key, everything checked (the unoptimised reference).
  static JoinSlots of(const Operator& left, const Operator& right, bool keyed);
};

// Hash index over a materialised table, on variables bound in every row of it.
class RowHashIndex {
 public:
  static constexpr uint32_t kEnd = UINT32_MAX;

  RowHashIndex(const RowTable& table, const JoinSlots& slots);

  struct Probe {
    const NodeRef* row;
    uint32_t hash;
  };
  Probe probe(const NodeRef* row) const {
    return {row, static_cast<uint32_t>(hash_cells(row, slots_.key))};
  }
  // The first row whose key may equal the probe's; follow with next().
  uint32_t first(const Probe& probe) const { return heads_[probe.hash & mask_]; }
  uint32_t next(uint32_t row) const { return next_[row]; }
  // True if the row joins with the probe: equal keys, compatible elsewhere.
  bool matches(uint32_t row, const Probe& probe) const;
  const NodeRef* row(uint32_t index) const { return table_.row(index); }

 private:
  const RowTable& table_;
  const JoinSlots& slots_;
  std::vector<uint32_t> heads_;
  std::vector<uint32_t> next_;
  std::vector<uint32_t> hashes_;  // compared before the rows, which are rarely in cache
  size_t mask_ = 0;
};

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
  JoinSlots slots_;
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
  JoinSlots slots_;
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
  JoinSlots slots_;
};

}  // namespace kg::sparql::engine
