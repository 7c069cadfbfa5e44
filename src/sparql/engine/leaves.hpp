// Operators without inputs: triple pattern scans, VALUES tables, and the one-row and no-row
// relations.
#pragma once

#include <array>
#include <optional>

#include "sparql/engine/operator.hpp"

namespace kg::sparql::engine {

// One position of a triple pattern: a constant node, or the row slot of a variable.
struct PatternSlot {
  NodeRef constant;
  std::optional<Variable> variable;
};

// Matches one triple pattern against the active graph through Store::match, binding the
// positions the seed already binds, so that a bind join turns it into an index lookup.
// Object bounds, taken from a range filter above it, let it skip objects outside them where
// the store can (the filter stays: the scan may return more than the bounds).
class IndexScan final : public Operator {
 public:
  IndexScan(std::array<PatternSlot, 3> pattern, Estimate estimate,
            std::optional<rdf::ObjectBounds> object_bounds = std::nullopt);

  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  bool accepts_bindings() const override { return true; }

  const std::array<PatternSlot, 3>& pattern() const { return pattern_; }

 private:
  std::array<PatternSlot, 3> pattern_;
  std::optional<rdf::ObjectBounds> object_bounds_;
};

// VALUES: its rows, each merged with the seed where compatible.
class ValuesTable final : public Operator {
 public:
  ValuesTable(std::vector<Variable> variables, std::vector<std::vector<NodeRef>> rows);

  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  bool accepts_bindings() const override { return true; }

 private:
  std::vector<Variable> variables_;
  std::vector<std::vector<NodeRef>> rows_;
};

// The relation with one empty solution (the empty group pattern) or none at all (what a
// pattern known to fail is replaced with).
class ConstantRelation final : public Operator {
 public:
  explicit ConstantRelation(bool has_row);

  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  bool accepts_bindings() const override { return true; }

 private:
  bool has_row_;
};

}  // namespace kg::sparql::engine
