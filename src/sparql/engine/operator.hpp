// Physical operators. An Operator is an immutable node of the plan the optimizer builds: it
// knows its estimated result size and cost, which variables its results bind, and how to open
// a Cursor that streams those results in batches. Opening is cheap and may happen many times
// (a bind join opens its right side once per left row), so per-execution state lives in the
// cursor only.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sparql/engine/context.hpp"
#include "sparql/engine/row.hpp"

namespace kg::sparql::engine {

struct Estimate {
  double rows = 1;  // expected result rows
  double cost = 0;  // expected work, in units of "one row read from an index"
};

class Cursor {
 public:
  virtual ~Cursor() = default;
  // Appends result rows until the batch is full or the results end. Returns false, having
  // appended nothing, once there are no more rows.
  virtual bool next(RowBatch& batch) = 0;
};
using CursorPtr = std::unique_ptr<Cursor>;

class Operator {
 public:
  virtual ~Operator() = default;

  // Every result row extends frame.seed (is compatible with it and binds what it binds).
  virtual CursorPtr open(ExecContext& context, const Frame& frame) const = 0;

  // For explain(): the operator's name and its parameters, e.g. "HashJoin on ?s".
  virtual std::string describe(const Query& query) const = 0;
  virtual std::vector<const Operator*> children() const { return {}; }

  // True when opening with a seed yields exactly the join of the seed with the results of
  // opening without one, so that a bind join may push its left rows in. Triple scans have
  // this property; OPTIONAL, MINUS, sub-selects and filters on unbound variables do not.
  virtual bool accepts_bindings() const { return false; }

  const Estimate& estimate() const { return estimate_; }
  // Variables bound in every result row, and in at least one.
  const VariableSet& certain() const { return certain_; }
  const VariableSet& possible() const { return possible_; }

 protected:
  Estimate estimate_;
  VariableSet certain_, possible_;
};
using OperatorPtr = std::shared_ptr<const Operator>;

// Helpers for cursors that map each input row to at most one output row.
class RowwiseCursor : public Cursor {
 public:
  RowwiseCursor(CursorPtr input, size_t width) : input_(std::move(input)), buffer_(width) {}

  bool next(RowBatch& out) final;

 protected:
  // Appends zero or one rows derived from row to out.
  virtual void process(const NodeRef* row, RowBatch& out) = 0;
  // For cursors that can open their input only once their own members exist.
  void reset_input(CursorPtr input) { input_ = std::move(input); }

 private:
  CursorPtr input_;
  RowBatch buffer_;
  size_t position_ = 0;
  bool exhausted_ = false;
};

// Drains a cursor into a table.
RowTable materialize(Cursor& cursor, size_t width);

// "?name" for a variable, for describe().
std::string variable_name(const Query& query, Variable variable);
std::string variable_list(const Query& query, const std::vector<Variable>& variables);
// A node as explain() shows it: a prefixed name where the query declares the prefix.
std::string node_text(const Query& query, NodeRef node);

}  // namespace kg::sparql::engine
