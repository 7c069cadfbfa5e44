// Solution modifiers (§18.2.5) and grouping: project, distinct, reduced, slice, order by,
// group with aggregates.
#pragma once

#include "sparql/engine/expression.hpp"
#include "sparql/engine/operator.hpp"

namespace kg::sparql::engine {

// A set of rows compared on some slots, for DISTINCT and COUNT(DISTINCT *).
class RowSet {
 public:
  RowSet(size_t width, std::vector<uint32_t> slots);
  // True if no equal row was inserted before.
  bool insert(const NodeRef* row) { return find_or_insert(row).second; }
  // The index of the equal row inserted before, or of this one, now inserted (true).
  std::pair<uint32_t, bool> find_or_insert(const NodeRef* row);
  size_t size() const { return rows_.size(); }
  const NodeRef* row(uint32_t index) const { return rows_.row(index); }

 private:
  void grow();

  std::vector<uint32_t> slots_;
  RowTable rows_;
  std::vector<uint32_t> table_;  // row index + 1; 0 is an empty slot
};

std::vector<uint32_t> slots_of(const VariableSet& variables);

// Keeps the projected variables of each row. A seed reaches the input only through the
// projected variables: the others are local to a sub-select (§18.2.1).
class Project final : public Operator {
 public:
  Project(OperatorPtr input, std::vector<Variable> variables);
  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 private:
  OperatorPtr input_;
  std::vector<Variable> variables_;
};

// DISTINCT (every duplicate removed) or REDUCED (adjacent duplicates removed, which the
// specification permits).
class Distinct final : public Operator {
 public:
  Distinct(OperatorPtr input, bool reduced);
  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 private:
  OperatorPtr input_;
  bool reduced_;
};

class Slice final : public Operator {
 public:
  Slice(OperatorPtr input, uint64_t offset, std::optional<uint64_t> limit);
  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 private:
  OperatorPtr input_;
  uint64_t offset_;
  std::optional<uint64_t> limit_;
};

// ORDER BY: a stable sort by order_compare. With a row limit (a slice right above), only the
// first rows are fully ordered.
class OrderBy final : public Operator {
 public:
  struct Key {
    OrderCondition condition;
    std::shared_ptr<const CompiledExpr> compiled;
  };
  OrderBy(OperatorPtr input, std::vector<Key> keys, std::optional<uint64_t> limit);
  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 private:
  OperatorPtr input_;
  std::vector<Key> keys_;
  std::optional<uint64_t> limit_;
};

// GROUP BY with aggregates (§18.5.1). Without group keys there is exactly one group, even
// over no rows.
class Group final : public Operator {
 public:
  struct Key {
    Variable variable;
    Expr expr;
    std::shared_ptr<const CompiledExpr> compiled;
  };
  struct Aggregation {
    Variable variable;
    Aggregate aggregate;
    std::shared_ptr<const CompiledExpr> argument;  // null for COUNT(*)
  };
  Group(OperatorPtr input, std::vector<Key> keys, std::vector<Aggregation> aggregations);
  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 private:
  OperatorPtr input_;
  std::vector<Key> keys_;
  std::vector<Aggregation> aggregations_;
};

}  // namespace kg::sparql::engine
