// SHACL property paths (§2.3.1): reading them from the shapes graph and following them in the
// data graph.
#pragma once

#include <vector>

#include "rdf/node.hpp"
#include "validate/shacl/shacl.hpp"

namespace kg::validate::shacl {

class GraphView;
struct Vocab;

// A property path as the validator follows it: predicates as interned nodes.
struct Path {
  PathKind kind = PathKind::Predicate;
  rdf::NodeRef predicate;  // Predicate
  std::vector<Path> operands;

  // The store-independent form, for reports.
  PropertyPath describe() const;
};

// Reads the path whose node is `node` in the shapes graph. A node that is both a list and
// something else is read as the list (a sequence path). Throws ValidationFailure for a node
// that is no well-formed path.
Path read_path(const GraphView& shapes, rdf::NodeRef node, const Vocab& vocab);

// The value nodes of a path from a focus node (§2.3.1.1), each once.
std::vector<rdf::NodeRef> follow_path(const Path& path, const GraphView& data, rdf::NodeRef focus);

}  // namespace kg::validate::shacl
