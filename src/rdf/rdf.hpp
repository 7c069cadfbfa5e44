// The rdf layer's interface: terms, the interned-node world, the Sord-backed quad store, and
// reading and writing the RDF formats. Nothing above this layer touches Sord or Serd.
#pragma once

#include "rdf/node.hpp"
#include "rdf/prefixes.hpp"
#include "rdf/reader.hpp"
#include "rdf/store.hpp"
#include "rdf/syntax.hpp"
#include "rdf/term.hpp"
#include "rdf/vocabulary.hpp"
#include "rdf/writer.hpp"
