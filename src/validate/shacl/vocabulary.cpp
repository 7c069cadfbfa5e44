#include "validate/shacl/vocabulary.hpp"

#include "rdf/vocabulary.hpp"

namespace kg::validate::shacl {

namespace {
rdf::NodeRef rdfs(rdf::World& world, std::string_view local) {
  return world.iri(std::string(rdf::vocab::kRdfs) + std::string(local));
}
}  // namespace

Vocab::Vocab(rdf::World& world_)
    : world(world_),
      rdf_type(world.iri(rdf::vocab::kRdfType)),
      rdf_first(world.iri(rdf::vocab::kRdfFirst)),
      rdf_rest(world.iri(rdf::vocab::kRdfRest)),
      rdf_nil(world.iri(rdf::vocab::kRdfNil)),
      rdfs_subclass_of(rdfs(world, "subClassOf")),
      rdfs_class(rdfs(world, "Class")),
      node_shape(sh("NodeShape")),
      property_shape(sh("PropertyShape")),
      path(sh("path")),
      inverse_path(sh("inversePath")),
      alternative_path(sh("alternativePath")),
      zero_or_more_path(sh("zeroOrMorePath")),
      one_or_more_path(sh("oneOrMorePath")),
      zero_or_one_path(sh("zeroOrOnePath")),
      target_node(sh("targetNode")),
      target_class(sh("targetClass")),
      target_subjects_of(sh("targetSubjectsOf")),
      target_objects_of(sh("targetObjectsOf")),
      deactivated(sh("deactivated")),
      severity(sh("severity")),
      message(sh("message")),
      violation(sh("Violation")) {}

}  // namespace kg::validate::shacl
