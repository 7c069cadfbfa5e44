// The query forms (§16): driving a plan and handing its answer to a ResultHandler.
#pragma once

#include "sparql/engine/operator.hpp"

namespace kg::sparql::engine {

// SELECT: each row projected to Query::projection, named by Query::variables.
void run_select(const Operator& plan, ExecContext& context, ResultHandler& handler);
// ASK: stops at the first solution.
void run_ask(const Operator& plan, ExecContext& context, ResultHandler& handler);
// CONSTRUCT: the template instantiated per solution, with fresh blank nodes per solution for
// its blank nodes; triples with an unbound position, a literal subject or a non-IRI predicate
// are skipped; each distinct triple is emitted once.
void run_construct(const Operator& plan, ExecContext& context, ResultHandler& handler);
// DESCRIBE: for each resource named or bound, its concise bounded description in the default
// graph: the triples it is the subject of, and recursively those of the blank nodes among
// their objects.
void run_describe(const Operator& plan, ExecContext& context, ResultHandler& handler);

}  // namespace kg::sparql::engine
