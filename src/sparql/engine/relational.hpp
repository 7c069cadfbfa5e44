// Unary and n-ary operators of the pattern algebra that neither join nor sort: filter, extend
// (BIND and SELECT expressions), union, GRAPH and SERVICE.
#pragma once

#include "sparql/engine/expression.hpp"
#include "sparql/engine/operator.hpp"

namespace kg::sparql::engine {

class Filter final : public Operator {
 public:
  // accepts_bindings: the filter reads only variables its input always binds, so a seed
  // cannot change its verdict.
  Filter(OperatorPtr input, std::vector<Expr> exprs, std::shared_ptr<const CompiledFilter> filter,
         bool accepts_bindings);
  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  std::vector<const Operator*> children() const override { return {input_.get()}; }
  bool accepts_bindings() const override { return accepts_bindings_; }

 private:
  OperatorPtr input_;
  std::vector<Expr> exprs_;
  std::shared_ptr<const CompiledFilter> filter_;
  bool accepts_bindings_;
};

// One or more assignments evaluated on the same solution, in order (a run of BINDs or SELECT
// expressions): an error leaves the variable unbound (§18.5 Extend). Evaluating them together
// lets BNODE(str) give the same node throughout one solution.
class Extend final : public Operator {
 public:
  struct Assignment {
    Variable variable;
    Expr expr;
    std::shared_ptr<const CompiledExpr> compiled;
  };
  Extend(OperatorPtr input, std::vector<Assignment> assignments, bool accepts_bindings);
  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  std::vector<const Operator*> children() const override { return {input_.get()}; }
  bool accepts_bindings() const override { return accepts_bindings_; }

 private:
  OperatorPtr input_;
  std::vector<Assignment> assignments_;
  bool accepts_bindings_;
};

class Union final : public Operator {
 public:
  explicit Union(std::vector<OperatorPtr> branches);
  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  std::vector<const Operator*> children() const override;
  bool accepts_bindings() const override;

 private:
  std::vector<OperatorPtr> branches_;
};

// GRAPH <iri> { P } and GRAPH ?g { P }: P evaluated in each named graph of the dataset.
class GraphScope final : public Operator {
 public:
  GraphScope(OperatorPtr input, NodeRef graph, std::optional<Variable> variable,
             double named_graphs);
  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;
  std::vector<const Operator*> children() const override { return {input_.get()}; }
  bool accepts_bindings() const override { return input_->accepts_bindings(); }

 private:
  OperatorPtr input_;
  NodeRef graph_;
  std::optional<Variable> variable_;
};

// SERVICE: answered by a registered local service, or one empty solution when SILENT.
class Service final : public Operator {
 public:
  Service(const Op& algebra, NodeRef endpoint, bool silent, size_t variable_count);
  CursorPtr open(ExecContext& context, const Frame& frame) const override;
  std::string describe(const Query& query) const override;

 private:
  const Op& algebra_;
  NodeRef endpoint_;
  bool silent_;
};

}  // namespace kg::sparql::engine
