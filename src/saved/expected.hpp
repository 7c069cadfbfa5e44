// Running saved queries and keeping their committed expected answers: each query's answer
// for its documented parameter set is stored beside it (NAME.expected.srj, or .nt for graph
// queries), compared on every test run, and rewritten only by `kg run NAME --update-expected`.
#pragma once

#include <optional>
#include <string>

#include "rdf/prefixes.hpp"
#include "rdf/store.hpp"
#include "saved/saved_query.hpp"
#include "sparql/results/results.hpp"
#include "sparql/sparql.hpp"

namespace kg::saved {

// The dataset saved queries are written for: the union of every graph in the store as the
// default graph (kg keeps each article's facts in a graph of its own), and every named graph
// for GRAPH ?g. The same with --data files, so that a copy of the graph answers alike.
sparql::Dataset union_dataset(rdf::Store& store);

// Execution options with kg's local services (SERVICE kg:paths) registered.
sparql::ExecOptions saved_query_options();

// Runs a bound query to the end and returns its answer as plain terms.
sparql::ResultTable collect_answer(const sparql::Query& query, const sparql::Dataset& dataset);

// A saved query bound with its documented parameters (examples, else defaults), and its
// answer over the dataset: what its expected answer records.
struct DocumentedRun {
  sparql::Query bound;
  sparql::ResultTable answer;
};
DocumentedRun run_documented(const SavedQuery& saved, const sparql::Dataset& dataset);

// How two answers of the query compare: in sequence when it has ORDER BY (rows that tie on
// every ORDER BY variable may come in either order), else as multisets.
sparql::CompareOptions comparison_for(const sparql::Query& query);

// The text of an expected-answer file: SPARQL JSON results, one row a line, rows sorted when
// the query leaves their order free; a graph as sorted N-Triples.
std::string expected_file_text(const sparql::ResultTable& answer, const sparql::Query& query);

// The committed expected answer. Throws kg::Error naming the file (and the command that
// writes it) when there is none.
sparql::ResultTable read_expected(const SavedQuery& saved);

// Nothing when the answer matches the committed one, else the first difference.
std::optional<std::string> compare_with_expected(const SavedQuery& saved,
                                                 const sparql::ResultTable& actual,
                                                 const sparql::Query& bound_query);

// What changed between two answers, one line per row (or triple) removed ("- ") or added
// ("+ "), IRIs abbreviated with `prefixes`. Empty when the rows are the same multiset.
std::string describe_changes(const sparql::ResultTable& before, const sparql::ResultTable& after,
                             const rdf::PrefixMap& prefixes);

}  // namespace kg::saved
