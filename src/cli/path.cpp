// kg path FROM TO: the shortest connections between two entities.
#include "path/path.hpp"

#include <chrono>
#include <iostream>
#include <optional>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/graph_input.hpp"
#include "util/error.hpp"

namespace kg::cli {

namespace {

using Clock = std::chrono::steady_clock;

Args path_arguments() {
  Args args("kg path FROM TO [options]",
            "Finds how two entities are connected: the shortest chain of links between them, "
            "walking links either way unless --directed. FROM and TO are IRIs, prefixed names "
            "(kgd:Lee_Sung-jin) or any label or alias in any language (\"Ли Сон Джин\").");
  args.positional("FROM", "where the path starts")
      .positional("TO", "where the path ends")
      .option("max-hops", "N", "longest path to look for (default 10)")
      .option("via", "P[,P...]", "only follow these predicates (IRIs or prefixed names)", true)
      .flag("directed", "only walk links from subject to object")
      .flag("all", "every shortest path, not just one")
      .option("max-paths", "N", "with --all: stop after N paths (default 1000)")
      .option("k", "N", "the N shortest simple paths (Yen's algorithm)")
      .flag("include-types", "also walk rdf:type links through classes")
      .option("format", "FORMAT", "text (default), json or dot (Graphviz)")
      .flag("timing", "report load, graph-building and search times on stderr");
  add_data_option(args);
  return args;
}

path::PathOptions path_options(const Args& args, const rdf::Store& store,
                               const rdf::PrefixMap& prefixes) {
  path::PathOptions options;
  options.max_hops = static_cast<size_t>(args.integer("max-hops", 1, 1000000).value_or(10));
  options.directed = args.has("directed");
  if (args.has("all") && args.has("k")) throw UsageError("--all and --k cannot be combined");
  if (args.has("all")) options.mode = path::PathMode::AllShortest;
  if (auto k = args.integer("k", 1, 10000)) {
    options.mode = path::PathMode::KShortest;
    options.k = static_cast<size_t>(*k);
  }
  options.max_paths = static_cast<size_t>(args.integer("max-paths", 1, 100000000).value_or(1000));
  for (const std::string& list : args.values("via")) {
    for (size_t start = 0; start <= list.size();) {
      size_t comma = std::min(list.find(',', start), list.size());
      if (comma > start)
        options.via.push_back(
            path::resolve_predicate(store, list.substr(start, comma - start), prefixes));
      start = comma + 1;
    }
  }
  return options;
}

[[noreturn]] void no_path(const path::EntityGraph& graph, rdf::NodeRef from, rdf::NodeRef to,
                          const std::string& from_text, const std::string& to_text,
                          const path::PathOptions& options) {
  for (auto [node, text] : {std::pair(from, from_text), std::pair(to, to_text)})
    if (!graph.vertex(node)) throw Error("no path: '" + text + "' has no links to other entities");
  std::string hint = " (raise --max-hops";
  if (!options.via.empty()) hint += ", widen --via";
  if (options.directed) hint += ", drop --directed";
  throw Error("no path from '" + from_text + "' to '" + to_text + "' within " +
              std::to_string(options.max_hops) + " hops" + hint + ")");
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int run_path(const Arguments& arguments) {
  Args args = path_arguments();
  if (!args.parse(arguments)) return 0;
  if (args.positionals().size() != 2) throw UsageError("expected FROM and TO (see --help)");
  std::string format = output_format(args, {"text", "json", "dot"});
  const std::string& from_text = args.positionals()[0];
  const std::string& to_text = args.positionals()[1];

  auto load_start = Clock::now();
  rdf::Store store;
  rdf::PrefixMap prefixes;
  load_graph(args, store, prefixes);
  store.prepare_scans();
  double load_seconds = seconds_since(load_start);

  auto lookup_start = Clock::now();
  path::Labeler labeler(store, prefixes);
  rdf::NodeRef from = path::resolve_entity(store, from_text, labeler);
  rdf::NodeRef to = path::resolve_entity(store, to_text, labeler);
  if (from == to) throw UsageError("FROM and TO are the same entity, " + labeler.short_name(from));
  path::PathOptions options = path_options(args, store, prefixes);
  double lookup_seconds = seconds_since(lookup_start);

  path::ViewOptions view;
  view.include_types = args.has("include-types");
  path::PathResult result;
  std::optional<path::EntityGraph> graph;
  auto build_start = Clock::now();
  // One shortest path needs only the neighbourhoods of its two ends: searching the store's
  // indices beats reading the whole store into the snapshot first. The other modes revisit
  // vertices many times and want the snapshot.
  if (options.mode != path::PathMode::Shortest) graph = path::EntityGraph::build(store, view);
  double build_seconds = seconds_since(build_start);
  auto search_start = Clock::now();
  if (graph) {
    result = path::find_paths(*graph, from, to, options);
  } else if (auto found = path::shortest_path_in_store(store, from, to, options, view)) {
    result.paths.push_back(std::move(*found));
  }
  double search_seconds = seconds_since(search_start);
  if (args.has("timing")) {
    std::cerr << "timing: load " << load_seconds << " s (" << store.size() << " quads), lookup "
              << lookup_seconds * 1000 << " ms, graph " << build_seconds << " s (";
    if (graph)
      std::cerr << graph->vertex_count() << " entities, " << graph->triple_count() << " links, "
                << graph->memory_bytes() / 1024 / 1024 << " MiB";
    else
      std::cerr << "not built: the search walked the store's indices";
    std::cerr << "), search " << search_seconds * 1000 << " ms\n";
  }
  if (result.paths.empty()) {
    if (!graph) graph = path::EntityGraph::build(store, view);
    no_path(*graph, from, to, from_text, to_text, options);
  }
  if (result.truncated)
    std::cerr << "kg path: warning: more than " << options.max_paths
              << " shortest paths; showing the first " << options.max_paths
              << " (raise --max-paths)\n";

  if (format == "json")
    std::cout << path::render_json(result, from, to, labeler).dump(2) << "\n";
  else if (format == "dot")
    std::cout << path::render_dot(result, from, to, labeler);
  else
    std::cout << path::render_text(result, labeler);
  return 0;
}

}  // namespace kg::cli
