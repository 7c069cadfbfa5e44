// What the query-running commands (kg query, kg run) share: choosing the result format and
// writing an answer in it.
#pragma once

#include <iosfwd>

#include "cli/args.hpp"
#include "rdf/prefixes.hpp"
#include "sparql/results/results.hpp"
#include "sparql/sparql.hpp"

namespace kg::cli {

// Declares --format NAME with the result formats.
void add_result_format_option(Args& args);

// The --format given, else a table on a terminal; otherwise JSON results for SELECT and ASK
// and Turtle for CONSTRUCT and DESCRIBE. Throws UsageError for an unknown name and kg::Error
// when the format cannot carry the query's answer.
sparql::ResultFormat choose_result_format(const Args& args, sparql::QueryForm form);

// The prefixes to abbreviate output with: the data's, then the query's own.
rdf::PrefixMap output_prefixes(const rdf::PrefixMap& data_prefixes, const sparql::Query& query);

}  // namespace kg::cli
