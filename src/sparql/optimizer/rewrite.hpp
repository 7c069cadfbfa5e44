// Algebra-level analysis and rewriting that the planner builds on: which variables an operator
// certainly binds, which variables an expression reads, and filter push-down.
#pragma once

#include <optional>

#include "rdf/predicate_runs.hpp"
#include "sparql/algebra.hpp"
#include "sparql/engine/row.hpp"

namespace kg::sparql::optimizer {

using engine::VariableSet;

// Variables bound in every solution of op.
VariableSet certain_variables(const Op& op);
// Variables an expression reads (outside EXISTS patterns).
VariableSet expression_variables(const Expr& expr);
bool contains_exists(const Expr& expr);

// a && b && c as [a, b, c].
void split_conjunction(const Expr& expr, std::vector<Expr>& conjuncts);

// The bounds that conjuncts comparing variable with typed literal constants (?x >= C, C > ?x,
// ?x = C ...) put on it; nothing if none does. Only conjuncts reading variable alone count,
// and bounds of a second datatype are ignored (a scan may take any one set of them: the
// filters are applied anyway).
std::optional<rdf::ObjectBounds> comparison_bounds(Variable variable,
                                                   const std::vector<Expr>& conjuncts);

// Moves each filter conjunct down to where its variables are certainly bound: into the left
// side of OPTIONAL and MINUS, into every branch of UNION, below BIND when it does not read the
// bound variable, into GRAPH. Conjuncts over possibly-unbound variables, and those with EXISTS
// (which sees the whole solution), stay where they are; so does anything in OPTIONAL's right
// side. Conjuncts that reach a join stay just above it, for join ordering to place.
OpPtr push_down_filters(const Op& op);

}  // namespace kg::sparql::optimizer
