// kg stats: what the graph holds and how it hangs together.
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/graph_input.hpp"
#include "path/path.hpp"

namespace kg::cli {

namespace {

using Counts = std::vector<std::pair<rdf::NodeRef, size_t>>;

Args stats_arguments() {
  Args args("kg stats [options]",
            "Counts triples per class, predicate and source graph; finds the connected "
            "components of the entity graph and its most central entities (betweenness).");
  args.option("top", "N", "how many central entities and components to list (default 10)")
      .option("approx", "N",
              "estimate betweenness from N sampled entities (for graphs too big for the exact "
              "O(V*E) computation)")
      .flag("include-types", "count rdf:type links through classes as links")
      .option("format", "FORMAT", "text (default) or json");
  add_data_option(args);
  return args;
}

std::string_view method_name(path::CentralityMethod method) {
  switch (method) {
    case path::CentralityMethod::Exact:
      return "exact";
    case path::CentralityMethod::Sampled:
      return "sampled";
    case path::CentralityMethod::Skipped:
      return "skipped";
  }
  return "";
}

std::string counted(size_t count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

std::string graph_name(rdf::NodeRef graph, path::Labeler& labeler) {
  return graph ? labeler.short_name(graph) : "(default graph)";
}

void print_counts(const std::string& title, const Counts& counts, path::Labeler& labeler) {
  std::cout << "\n" << title << ":\n";
  for (const auto& [node, count] : counts) {
    char number[32];
    std::snprintf(number, sizeof number, "%10zu  ", count);
    std::cout << number << graph_name(node, labeler) << "\n";
  }
}

void print_text(const path::GraphStats& stats, path::Labeler& labeler) {
  std::cout << counted(stats.triples, "triple") << " (" << counted(stats.quads, "quad") << ") in "
            << counted(stats.graphs.size(), "graph") << "\nentity graph: " << stats.vertices
            << " entities, " << counted(stats.links, "link") << ", "
            << counted(stats.components, "connected component");
  for (size_t i = 0; i < stats.largest_components.size(); ++i)
    std::cout << (i ? ", " : " (largest: ") << stats.largest_components[i];
  std::cout << (stats.largest_components.empty() ? "" : ")") << "\n";
  if (stats.farthest)
    std::cout << "farthest apart found (double sweep): " << labeler.label(stats.farthest->from)
              << " and " << labeler.label(stats.farthest->to) << ", " << stats.farthest->hops
              << " hops (" << labeler.short_name(stats.farthest->from) << ", "
              << labeler.short_name(stats.farthest->to) << ")\n";
  print_counts("instances per class", stats.classes, labeler);
  print_counts("triples per predicate", stats.predicates, labeler);
  print_counts("quads per graph", stats.graphs, labeler);
  std::cout << "\nmost central entities (betweenness, " << method_name(stats.centrality_method);
  if (stats.centrality_method == path::CentralityMethod::Sampled)
    std::cout << " from " << stats.centrality_sources << " sources";
  std::cout << "):\n";
  for (size_t i = 0; i < stats.central.size(); ++i) {
    char line[64];
    std::snprintf(line, sizeof line, "%4zu. %12.1f  ", i + 1, stats.central[i].second);
    std::cout << line << labeler.label(stats.central[i].first) << "  "
              << labeler.short_name(stats.central[i].first) << "\n";
  }
}

nlohmann::ordered_json node_counts(const Counts& counts, path::Labeler& labeler) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& [node, count] : counts)
    out.push_back({{"iri", node ? nlohmann::ordered_json(node.value()) : nlohmann::ordered_json()},
                   {"name", graph_name(node, labeler)},
                   {"count", count}});
  return out;
}

nlohmann::ordered_json farthest_json(const path::GraphStats& stats, path::Labeler& labeler) {
  if (!stats.farthest) return nullptr;
  return {{"from", stats.farthest->from.value()},
          {"to", stats.farthest->to.value()},
          {"from_label", labeler.label(stats.farthest->from)},
          {"to_label", labeler.label(stats.farthest->to)},
          {"hops", stats.farthest->hops}};
}

nlohmann::ordered_json to_json(const path::GraphStats& stats, path::Labeler& labeler) {
  nlohmann::ordered_json central = nlohmann::ordered_json::array();
  for (const auto& [node, value] : stats.central)
    central.push_back(
        {{"iri", node.value()}, {"label", labeler.label(node)}, {"betweenness", value}});
  return {{"quads", stats.quads},
          {"triples", stats.triples},
          {"classes", node_counts(stats.classes, labeler)},
          {"predicates", node_counts(stats.predicates, labeler)},
          {"graphs", node_counts(stats.graphs, labeler)},
          {"entity_graph",
           {{"entities", stats.vertices},
            {"links", stats.links},
            {"components", stats.components},
            {"largest_components", stats.largest_components},
            {"farthest", farthest_json(stats, labeler)}}},
          {"centrality",
           {{"method", method_name(stats.centrality_method)},
            {"sources", stats.centrality_sources},
            {"top", std::move(central)}}}};
}

}  // namespace

int run_stats(const Arguments& arguments) {
  Args args = stats_arguments();
  if (!args.parse(arguments)) return 0;
  if (!args.positionals().empty())
    throw UsageError("unexpected argument '" + args.positionals().front() + "'");
  std::string format = output_format(args, {"text", "json"});
  path::StatsOptions options;
  options.top = static_cast<size_t>(args.integer("top", 1, 1000000).value_or(10));
  if (auto samples = args.integer("approx", 1, 100000000))
    options.sampled_sources = static_cast<size_t>(*samples);

  rdf::Store store;
  rdf::PrefixMap prefixes;
  load_graph(args, store, prefixes);
  path::ViewOptions view;
  view.include_types = args.has("include-types");
  path::EntityGraph graph = path::EntityGraph::build(store, view);
  path::GraphStats stats = path::compute_stats(store, graph, options);
  if (stats.centrality_method == path::CentralityMethod::Skipped)
    std::cerr << "kg stats: betweenness skipped: exact Brandes is O(V*E), too slow for "
              << stats.vertices << " entities and " << stats.links
              << " links; pass --approx N to estimate it from N sampled entities\n";

  path::Labeler labeler(store, prefixes);
  if (format == "json")
    std::cout << to_json(stats, labeler).dump(2) << "\n";
  else
    print_text(stats, labeler);
  return 0;
}

}  // namespace kg::cli
