// The sparql layer's interface: parse a query, set up its dataset, run it, explain its plan.
// Lexer -> parser -> algebra -> optimizer -> evaluator -> result writers.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/node.hpp"
#include "rdf/store.hpp"
#include "sparql/algebra.hpp"

namespace kg::sparql {

// ---------------------------------------------------------------------------------------------
// Parsing

struct ParseOptions {
  std::string base_iri;     // for relative IRIs in the query (a query file's own IRI)
  std::string source_name;  // names the query in error messages, e.g. "q.rq"
};

// Throws kg::Error "SOURCE:LINE:COL: expected ..., found ..." on a syntax error, and on the
// static errors of §18.2 (a variable bound twice by BIND or SELECT, aggregates in the wrong
// place, GROUP BY violations, ...).
Query parse_query(std::string_view text, const ParseOptions& options = {});

// Parses text as exactly one RDF term in SPARQL syntax: an absolute <IRI>, a prefixed name
// under `prefixes`, or a literal ("x", "x"@en, "2024-05"^^xsd:gYearMonth, 42, 1.5, true).
// Anything else (a variable, a blank node, a second token, a relative IRI) throws kg::Error
// "SOURCE:LINE:COL: ..." with options.source_name as SOURCE.
rdf::Term parse_term(std::string_view text, const rdf::PrefixMap& prefixes,
                     const ParseOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Datasets

// The graphs a query runs against. The store may hold more graphs than the dataset uses.
struct Dataset {
  rdf::Store* store = nullptr;
  // With union_default_graph, the default graph is the merge of every graph in the store
  // (what kg's own seed graph uses); otherwise it is the merge of default_graphs.
  bool union_default_graph = false;
  std::vector<rdf::NodeRef> default_graphs;
  std::vector<rdf::NodeRef> named_graphs;  // what GRAPH ?g ranges over
};

// Applies the query's FROM / FROM NAMED: each IRI names a graph; where the store lacks it
// and the IRI is a file: IRI (or resolves to a readable file), the file is loaded into a graph
// of that name, as Jena's arq does. Without a dataset clause, `fallback` is returned.
Dataset dataset_for_query(const Query& query, rdf::Store& store, const Dataset& fallback);

// ---------------------------------------------------------------------------------------------
// Execution

// Receives a query's answer as it is produced. Rows hold nodes of the dataset's store world
// (computed values are interned there); a null NodeRef is an unbound variable.
class ResultHandler {
 public:
  virtual ~ResultHandler() = default;
  // SELECT
  virtual void begin_solutions(const std::vector<std::string>& variables) = 0;
  virtual void solution(std::span<const rdf::NodeRef> row) = 0;
  virtual void end_solutions() = 0;
  // ASK
  virtual void boolean(bool value) = 0;
  // CONSTRUCT and DESCRIBE: each triple once, then end_graph().
  virtual void triple(rdf::NodeRef subject, rdf::NodeRef predicate, rdf::NodeRef object) = 0;
  virtual void end_graph() = 0;
};

// A SERVICE whose IRI is registered is answered in-process (kg:paths is one); any other
// SERVICE is an error unless SILENT. The handler gets the service's group pattern and the
// dataset and returns solutions over the query's variables (rows sized to the query's
// variable count, unbound = null).
using LocalService = std::function<std::vector<std::vector<rdf::NodeRef>>(
    const Op& pattern, const Query& query, const Dataset& dataset)>;

struct ExecOptions {
  bool optimize = true;  // false: evaluate the algebra as parsed (for testing the optimizer)
  std::map<std::string, LocalService> services;
  // NOW(); defaults to the time execution starts.
  std::optional<std::chrono::system_clock::time_point> now;
};

void execute(const Query& query, const Dataset& dataset, ResultHandler& handler,
             const ExecOptions& options = {});

// The plan the optimizer chose, one operator per line, with the estimated cardinalities and
// the join algorithms picked (what `kg query --explain` prints after the algebra).
std::string explain(const Query& query, const Dataset& dataset, const ExecOptions& options = {});

}  // namespace kg::sparql
