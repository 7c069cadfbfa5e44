// One shortest path between two entities, searched on the store's own indices instead of the
// entity graph's snapshot. Building the snapshot reads every triple of the store, which on a
// big graph costs far more than a search that touches only the neighbourhoods of the two ends;
// a single question on a freshly loaded store (`kg path FROM TO`) is answered this way.
//
// It returns the very path find_paths returns on the snapshot: both walk a vertex's links in
// the store's subject-predicate-object order and grow the smaller frontier first.
#pragma once

#include <optional>

#include "path/entity_graph.hpp"
#include "path/search.hpp"
#include "rdf/store.hpp"

namespace kg::path {

// Nothing when there is no path within options.max_hops. options.mode is ignored: this finds
// one shortest path.
std::optional<Path> shortest_path_in_store(const rdf::Store& store, rdf::NodeRef from,
                                           rdf::NodeRef to, const PathOptions& options,
                                           const ViewOptions& view = {});

}  // namespace kg::path
