// Serialising quads with Serd, in a deterministic order so that equal graphs give equal bytes.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "rdf/store.hpp"
#include "rdf/syntax.hpp"

namespace kg::rdf {

class PrefixMap;

struct WriteOptions {
  Syntax syntax = Syntax::Turtle;
  // Turtle and TriG: IRIs under these namespaces are abbreviated, and the prefixes used are
  // declared at the top in name order.
  const PrefixMap* prefixes = nullptr;
  // Within a graph, subjects of a lower rank come first (a document can put the things it
  // describes before its bookkeeping); equal ranks keep the term order. Unset: all equal.
  std::function<int(NodeRef subject)> subject_rank = nullptr;
};

// Quads are written sorted by graph, subject (rank, then term), predicate (rdf:type first) and
// object. Triple formats (Turtle, N-Triples) drop the graph and write each distinct triple once;
// quad formats write the default graph's quads without a graph name. RDF/XML output is not
// supported.
std::string serialize(const Store& store, std::vector<Quad> quads, const WriteOptions& options);

// Every quad of one graph (null: every quad of every graph).
std::vector<Quad> quads_of(const Store& store, NodeRef graph = {});

// Total order on terms used for output: IRIs, then blank nodes, then literals; each by value,
// then datatype, then language.
int compare_terms(NodeRef a, NodeRef b);

}  // namespace kg::rdf
