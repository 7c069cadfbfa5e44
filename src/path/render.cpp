#include "path/render.hpp"

#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>

namespace kg::path {

namespace {

using rdf::NodeRef;

nlohmann::ordered_json node_json(NodeRef node, Labeler& labeler) {
  nlohmann::ordered_json out;
  out[node.is_blank() ? "bnode" : "iri"] = std::string(node.value());
  out["label"] = labeler.label(node);
  return out;
}

nlohmann::ordered_json predicate_json(NodeRef predicate, Labeler& labeler) {
  return {{"iri", std::string(predicate.value())}, {"label", labeler.predicate_label(predicate)}};
}

std::string hop_count(size_t hops) {
  return std::to_string(hops) + (hops == 1 ? " hop" : " hops");
}

// Text inside a DOT "…" string.
std::string dot_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

struct DotVertex {
  std::string label, iri;
  bool endpoint = false;
};
struct DotEdge {
  std::string label;
};
// bidirectionalS rather than directedS only because the latter's edge iterator trips GCC's
// -Wmaybe-uninitialized inside Boost.
using DotGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, DotVertex, DotEdge>;

DotGraph merge_paths(const PathResult& result, NodeRef from, NodeRef to, Labeler& labeler) {
  DotGraph graph;
  std::map<NodeRef, DotGraph::vertex_descriptor> vertices;
  auto vertex_of = [&](NodeRef node) {
    auto [found, added] = vertices.try_emplace(node);
    if (added) {
      found->second = boost::add_vertex(
          DotVertex{labeler.label(node), labeler.short_name(node), node == from || node == to},
          graph);
    }
    return found->second;
  };
  vertex_of(from);
  std::set<std::tuple<NodeRef, NodeRef, NodeRef>> drawn;
  for (const Path& path : result.paths)
    for (const Step& step : path.steps) {
      if (!drawn.emplace(step.subject, step.predicate, step.object).second) continue;
      auto subject = vertex_of(step.subject), object = vertex_of(step.object);
      boost::add_edge(subject, object, DotEdge{labeler.predicate_label(step.predicate)}, graph);
    }
  vertex_of(to);
  return graph;
}

}  // namespace

std::string render_text(const PathResult& result, Labeler& labeler) {
  std::string out;
  for (const Path& path : result.paths) {
    out += hop_count(path.hops()) + ":";
    if (!path.steps.empty()) out += " " + labeler.label(path.steps.front().from());
    for (const Step& step : path.steps) {
      std::string predicate = labeler.predicate_label(step.predicate);
      out += step.forward ? " —" + predicate + "→ " : " ←" + predicate + "— ";
      out += labeler.label(step.to());
    }
    out += "\n";
  }
  return out;
}

nlohmann::ordered_json render_json(const PathResult& result, NodeRef from, NodeRef to,
                                   Labeler& labeler) {
  nlohmann::ordered_json paths = nlohmann::ordered_json::array();
  for (const Path& path : result.paths) {
    nlohmann::ordered_json steps = nlohmann::ordered_json::array();
    for (const Step& step : path.steps)
      steps.push_back({{"subject", node_json(step.subject, labeler)},
                       {"predicate", predicate_json(step.predicate, labeler)},
                       {"object", node_json(step.object, labeler)},
                       {"direction", step.forward ? "forward" : "backward"}});
    paths.push_back({{"hops", path.hops()}, {"steps", std::move(steps)}});
  }
  return {{"from", node_json(from, labeler)},
          {"to", node_json(to, labeler)},
          {"truncated", result.truncated},
          {"paths", std::move(paths)}};
}

std::string render_dot(const PathResult& result, NodeRef from, NodeRef to, Labeler& labeler) {
  DotGraph graph = merge_paths(result, from, to, labeler);
  auto write_vertex = [&](std::ostream& out, DotGraph::vertex_descriptor v) {
    const DotVertex& vertex = graph[v];
    out << "[label=" << dot_quoted(vertex.label) << ", tooltip=" << dot_quoted(vertex.iri)
        << (vertex.endpoint ? ", style=\"rounded,filled\", fillcolor=\"#dde8f6\"" : "") << "]";
  };
  auto write_edge = [&](std::ostream& out, DotGraph::edge_descriptor e) {
    out << "[label=" << dot_quoted(graph[e].label) << "]";
  };
  auto write_graph = [](std::ostream& out) {
    out << "rankdir=LR;\nnode [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
        << "edge [fontname=\"Helvetica\", fontsize=10];\n";
  };
  std::ostringstream out;
  boost::write_graphviz(out, graph, write_vertex, write_edge, write_graph);
  return out.str();
}

}  // namespace kg::path
