// Group graph patterns and their translation (§18.2.2.6): adjacent triples form one BGP
// (FILTERs do not break it), OPTIONAL becomes LeftJoin with the optional part's filters as
// its condition, MINUS becomes Minus, BIND extends what precedes it, everything else is
// joined, and the group's filters apply to the whole group.
#include <algorithm>

#include "sparql/parser.hpp"

namespace kg::sparql::detail {

class GroupBuilder {
 public:
  const Op* pattern() const { return pattern_.get(); }

  void add_filter(Expr filter) { filters_.push_back(std::move(filter)); }

  void add_triples(std::vector<TriplesElement> elements) {
    for (TriplesElement& element : elements) {
      if (auto* triple = std::get_if<TriplePattern>(&element)) {
        if (open_bgp_) {
          open_bgp_->triples.push_back(std::move(*triple));
          continue;
        }
        OpPtr bgp = make_op(Op::Kind::Bgp);
        bgp->triples.push_back(std::move(*triple));
        Op* raw = bgp.get();
        join(std::move(bgp));
        open_bgp_ = raw;
      } else {
        OpPtr path = make_op(Op::Kind::Path);
        path->path = std::move(std::get<PathPattern>(element));
        join(std::move(path));
      }
    }
  }

  // Join(Z, A) = A and Join(A, Z) = A for the empty BGP Z (§18.2.2.8).
  void join(OpPtr op) {
    open_bgp_ = nullptr;
    if (op->kind == Op::Kind::Bgp && op->triples.empty() && pattern_) return;
    if (!pattern_ || (pattern_->kind == Op::Kind::Bgp && pattern_->triples.empty()))
      pattern_ = std::move(op);
    else
      pattern_ = make_op(Op::Kind::Join, std::move(pattern_), std::move(op));
  }

  // OPTIONAL: the optional group's own filters become the LeftJoin's condition. Filters of
  // groups nested in it stay inside, as SPARQL 1.1 scopes them (W3C dawg-optional-filter-005).
  void left_join(GroupParts optional) {
    OpPtr left_join = make_op(Op::Kind::LeftJoin, take_pattern(), std::move(optional.pattern));
    left_join->exprs = std::move(optional.filters);
    pattern_ = std::move(left_join);
  }

  void minus(OpPtr subtrahend) {
    pattern_ = make_op(Op::Kind::Minus, take_pattern(), std::move(subtrahend));
  }

  void extend(Variable variable, Expr expr) {
    pattern_ = make_op(Op::Kind::Extend, take_pattern());
    pattern_->variable = variable;
    pattern_->expr = std::move(expr);
  }

  GroupParts finish() { return GroupParts{take_pattern(), std::move(filters_)}; }

 private:
  OpPtr take_pattern() {
    open_bgp_ = nullptr;
    return pattern_ ? std::move(pattern_) : make_op(Op::Kind::Bgp);
  }

  OpPtr pattern_;  // null: the empty BGP
  std::vector<Expr> filters_;
  Op* open_bgp_ = nullptr;  // the BGP further adjacent triples go into
};

OpPtr Parser::parse_group_graph_pattern() {
  GroupParts parts = parse_group_parts();
  if (parts.filters.empty()) return std::move(parts.pattern);
  OpPtr filter = make_op(Op::Kind::Filter, std::move(parts.pattern));
  filter->exprs = std::move(parts.filters);
  return filter;
}

GroupParts Parser::parse_group_parts() {
  expect_punct("{");
  // Blank node labels may not be shared between basic graph patterns: a group starts a new
  // one, and the enclosing group continues its own afterwards (a FILTER EXISTS in between
  // does not split it; other elements do, see parse_group_body).
  Nesting nesting(*this, Nesting::kRecursion);
  ScopedAssign<int> scope(blank_scope_, next_blank_scope_++);
  ScopedAssign<QueryLevel*> no_aggregates(aggregate_level_, nullptr);
  ScopedAssign<bool> outside_aggregates(in_aggregate_, false);
  GroupParts parts = at_keyword("SELECT") ? GroupParts{parse_sub_select(), {}} : parse_group_body();
  expect_punct("}");
  return parts;
}

bool Parser::at_triples_start() {
  const Token& token = peek();
  switch (token.kind) {
    case TokenKind::Variable:
    case TokenKind::IriRef:
    case TokenKind::PrefixedName:
    case TokenKind::BlankNodeLabel:
    case TokenKind::String:
      return true;
    default:
      return token.is_number() || at_literal() || token.is_punct("[") || token.is_punct("(");
  }
}

GroupParts Parser::parse_group_body() {
  GroupBuilder group;
  bool triples_allowed = true;
  Nesting chain(*this, 0);  // each element but a filter nests the group's algebra deeper
  while (!at_punct("}")) {
    if (triples_allowed && at_triples_start()) {
      std::vector<TriplesElement> elements;
      bool ended_with_dot = parse_triples_block(elements);
      chain.deeper();
      for (const TriplesElement& element : elements)
        if (std::holds_alternative<PathPattern>(element)) chain.deeper();
      group.add_triples(std::move(elements));
      // The block took all adjacent triples; after a '.' the user more likely mistyped one.
      triples_allowed = ended_with_dot;
      continue;
    }
    if (at_keyword("FILTER")) {
      group.add_filter(parse_filter());
    } else {
      chain.deeper();
      if (!parse_pattern_element(group))
        fail_expected(triples_allowed ? "'}' or a triple pattern" : "'.', '}' or a graph pattern");
      start_blank_node_scope();
    }
    accept_punct(".");
    triples_allowed = true;
  }
  return group.finish();
}

bool Parser::parse_pattern_element(GroupBuilder& group) {
  if (at_punct("{")) {
    group.join(parse_union());
  } else if (accept_keyword("OPTIONAL")) {
    group.left_join(parse_group_parts());
  } else if (accept_keyword("MINUS")) {
    group.minus(parse_group_graph_pattern());
  } else if (accept_keyword("GRAPH")) {
    PatternTerm graph = at_variable() ? PatternTerm{parse_variable()} : PatternTerm{parse_iri()};
    OpPtr op = make_op(Op::Kind::Graph, parse_group_graph_pattern());
    op->graph = std::move(graph);
    group.join(std::move(op));
  } else if (accept_keyword("SERVICE")) {
    bool silent = accept_keyword("SILENT");
    PatternTerm service = at_variable() ? PatternTerm{parse_variable()} : PatternTerm{parse_iri()};
    OpPtr op = make_op(Op::Kind::Service, parse_group_graph_pattern());
    op->graph = std::move(service);
    op->silent = silent;
    group.join(std::move(op));
  } else if (at_keyword("BIND")) {
    parse_bind(group);
  } else if (accept_keyword("VALUES")) {
    group.join(parse_data_block());
  } else {
    return false;
  }
  return true;
}

OpPtr Parser::parse_union() {
  OpPtr left = parse_group_graph_pattern();
  Nesting chain(*this, 0);
  while (accept_keyword("UNION") && (chain.deeper(), true))
    left = make_op(Op::Kind::Union, std::move(left), parse_group_graph_pattern());
  return left;
}

Expr Parser::parse_filter() {
  expect_keyword("FILTER");
  return parse_constraint();
}

void Parser::parse_bind(GroupBuilder& group) {
  expect_keyword("BIND");
  expect_punct("(");
  Expr expr = parse_expression();
  expect_keyword("AS");
  size_t offset = peek().offset;
  Variable variable = parse_variable();
  expect_punct(")");
  if (const Op* before = group.pattern()) {
    std::vector<Variable> scope = in_scope_variables(*before);
    if (std::find(scope.begin(), scope.end(), variable) != scope.end())
      fail_at(offset, display(variable) + " is already in scope here; BIND cannot bind it again");
  }
  group.extend(variable, std::move(expr));
}

}  // namespace kg::sparql::detail
