// Property path evaluation (§18.4). Paths are walked from a bound end: a link is one index
// lookup, sequences and alternatives keep every route (so their results have the multiplicity
// of the equivalent join and union), while *, + and ? visit each reachable node once per start
// (the ALP procedure, with a visited set so cycles end). With neither end bound every node of
// the active graph is tried as a start.
#pragma once

#include <unordered_set>

#include "sparql/engine/leaves.hpp"
#include "sparql/engine/operator.hpp"

namespace kg::sparql::engine {

// A PathExpr with its IRIs interned.
struct CompiledPath {
  PathExpr::Kind kind = PathExpr::Kind::Link;
  NodeRef iri;
  std::vector<CompiledPath> operands;
  std::vector<NodeRef> forward, inverse;  // NegatedSet

  // Whether the path can match zero steps (then every node reaches itself).
  bool matches_empty() const;
};

CompiledPath compile_path(const PathExpr& path, rdf::World& world);

// The nodes reachable from a start along a path, with multiplicity.
class PathWalker {
 public:
  PathWalker(const rdf::Store& store, const ActiveGraph& graph) : store_(store), graph_(graph) {}

  // Appends to out each end of a path from `start` (forward) or each start of a path ending
  // at `start` (backward).
  void step(const CompiledPath& path, NodeRef start, bool forward, std::vector<NodeRef>& out);

 private:
  void closure(const CompiledPath& operand, NodeRef start, bool forward, bool include_start,
               std::vector<NodeRef>& out);
  void negated(const CompiledPath& path, NodeRef start, bool forward, std::vector<NodeRef>& out);

  const rdf::Store& store_;
  const ActiveGraph& graph_;
};

class PathScan final : public Operator {
 public:
  PathScan(PatternSlot subject, CompiledPath path, PatternSlot object, Estimate estimate);
  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  bool accepts_bindings() const override { return true; }

 private:
  PatternSlot subject_;
  CompiledPath path_;
  PatternSlot object_;
};

std::string path_text(const Query& query, const CompiledPath& path);

}  // namespace kg::sparql::engine
