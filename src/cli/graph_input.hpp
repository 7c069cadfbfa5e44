// What the graph-reading commands (path, stats) share: their input is the project's built
// graph, or the --data files given instead.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "cli/args.hpp"
#include "rdf/prefixes.hpp"
#include "rdf/store.hpp"

namespace kg::cli {

// Declares --data FILE (repeatable).
void add_data_option(Args& args);

// Reads every --data file (N-Quads keep their graphs; triple formats go to the default graph),
// or the project's exports/kg.nq when there are none. Prefixes are the standard ones plus
// those the files declare. Throws kg::Error "no built graph: run 'kg build' first" when the
// built graph is missing.
void load_graph(const Args& args, rdf::Store& store, rdf::PrefixMap& prefixes);

// The --format value, checked against the allowed ones (the first is the default).
std::string output_format(const Args& args, std::initializer_list<std::string_view> allowed);

}  // namespace kg::cli
