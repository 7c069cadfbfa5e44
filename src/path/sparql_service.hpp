// The kg:paths SERVICE: path finding inside a SPARQL query, in standard SPARQL syntax.
//
//   SERVICE kg:paths {
//     [] kg:start kgd:Kim_Min-ha ; kg:end "Ли Сон Джин" ; kg:maxHops 4 ;
//        kg:pathId ?path ; kg:step ?i ; kg:subject ?s ; kg:predicate ?p ; kg:object ?o .
//   }
//
// gives one solution per step of each path. docs/paths.md describes the whole vocabulary.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "path/entity_graph.hpp"
#include "rdf/node.hpp"
#include "sparql/sparql.hpp"

namespace kg::path {

inline constexpr std::string_view kPathServiceIri = "https://kg.example.org/ontology#paths";

// Answers one SERVICE kg:paths pattern against the dataset's store (all of its graphs, as
// `kg path` sees them). Throws kg::Error for a malformed pattern or an unknown entity.
std::vector<std::vector<rdf::NodeRef>> answer_path_service(const sparql::Op& pattern,
                                                           const sparql::Query& query,
                                                           const sparql::Dataset& dataset,
                                                           GraphCache& cache);

// Registers kg:paths as a local service; the entity graph it builds is kept (in a cache shared
// by copies of the options) until the store changes.
void register_path_service(sparql::ExecOptions& options);

}  // namespace kg::path
