// Paths as people and programs read them: a sentence chain per line, JSON, or a Graphviz
// drawing.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "path/labels.hpp"
#include "path/search.hpp"

namespace kg::path {

// One path per line, prefixed with its length:
//   3 hops: Kim Min-ha —starredIn→ Come Back to Me ←directed— Lee Sung-jin —wonAward→ Emmy
std::string render_text(const PathResult& result, Labeler& labeler);

// {"from": NODE, "to": NODE, "truncated": bool, "paths": [{"hops": n, "steps": [{"subject":
// NODE, "predicate": NODE, "object": NODE, "direction": "forward"|"backward"}]}]}, where a
// NODE is {"iri": "…", "label": "…"} (blank nodes give "bnode" instead of "iri").
nlohmann::ordered_json render_json(const PathResult& result, rdf::NodeRef from, rdf::NodeRef to,
                                   Labeler& labeler);

// A Graphviz digraph of every path merged: one vertex per entity (the two endpoints filled),
// one edge per triple drawn subject → object and labelled with its predicate.
std::string render_dot(const PathResult& result, rdf::NodeRef from, rdf::NodeRef to,
                       Labeler& labeler);

}  // namespace kg::path
