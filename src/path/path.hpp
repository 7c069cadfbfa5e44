// The path layer's interface: the entity graph of a store (a Boost CSR snapshot), shortest
// paths between entities, finding entities by label, graph statistics, rendering paths, and
// the kg:paths SPARQL service.
#pragma once

#include "path/entity_graph.hpp"
#include "path/labels.hpp"
#include "path/lookup.hpp"
#include "path/render.hpp"
#include "path/search.hpp"
#include "path/sparql_service.hpp"
#include "path/stats.hpp"
#include "path/store_search.hpp"
