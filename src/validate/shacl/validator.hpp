// The validation process (§3.4): focus nodes from targets, value nodes from paths, constraints
// checked on them, and conformance checking for the shape-based components.
#pragma once

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "rdf/node.hpp"
#include "sparql/sparql.hpp"
#include "validate/shacl/graph_view.hpp"
#include "validate/shacl/shacl.hpp"
#include "validate/shacl/shapes.hpp"
#include "validate/shacl/vocabulary.hpp"

namespace kg::validate::shacl {

class Validator {
 public:
  Validator(rdf::Store& store, const GraphSelection& data, const GraphSelection& shapes);

  ValidationReport run();

  const GraphView& data() const { return data_; }
  ShapesGraph& shapes() { return shapes_; }
  const Vocab& vocab() const { return vocab_; }
  rdf::Store& store() { return store_; }

  // What SHACL-SPARQL queries run against: the data graph as the default graph, the shapes
  // graph as a named graph (for GRAPH $shapesGraph).
  sparql::Dataset sparql_dataset() const;
  // The name $shapesGraph is bound to: the shapes graph when it is one IRI-named graph, else
  // null (the variable stays unbound, as §5.2.1 allows).
  rdf::NodeRef shapes_graph_name() const;

  // Validates one focus node against a shape, sending the shape's results to sink (the
  // results of shapes reached through sh:property go there too). Throws ValidationFailure when
  // the shape is reached again for the same focus node while still being validated.
  void validate(rdf::NodeRef shape, rdf::NodeRef focus, ResultSink& sink);

  // Conformance checking (§3.4): validating node against shape gives no results.
  bool conforms(rdf::NodeRef node, rdf::NodeRef shape);

  // The focus nodes a shape's targets select in the data graph (§2.1).
  std::vector<rdf::NodeRef> focus_nodes(rdf::NodeRef shape) const;

 private:
  rdf::Store& store_;
  GraphSelection data_selection_, shapes_selection_;
  Vocab vocab_;
  GraphView data_;
  GraphView shapes_view_;
  ShapesGraph shapes_;
  // (shape, focus) pairs being validated right now, to stop recursive shapes from looping.
  std::set<std::pair<rdf::NodeRef, rdf::NodeRef>> in_progress_;
  std::map<std::pair<rdf::NodeRef, rdf::NodeRef>, bool> conformance_cache_;
};

}  // namespace kg::validate::shacl
