// The terms of the SHACL vocabulary (http://www.w3.org/ns/shacl#) the validator reads.
#pragma once

#include <string>
#include <string_view>

#include "rdf/node.hpp"

namespace kg::validate::shacl {

inline constexpr std::string_view kSh = "http://www.w3.org/ns/shacl#";

inline std::string sh_iri(std::string_view local) {
  return std::string(kSh) + std::string(local);
}

// The nodes looked up on every focus node, interned once per validation so that matching on
// them costs no string work.
struct Vocab {
  explicit Vocab(rdf::World& world);

  rdf::World& world;
  rdf::NodeRef rdf_type, rdf_first, rdf_rest, rdf_nil;
  rdf::NodeRef rdfs_subclass_of, rdfs_class;
  rdf::NodeRef node_shape, property_shape, path;
  rdf::NodeRef inverse_path, alternative_path, zero_or_more_path, one_or_more_path,
      zero_or_one_path;
  rdf::NodeRef target_node, target_class, target_subjects_of, target_objects_of;
  rdf::NodeRef deactivated, severity, message, violation;

  // sh:<local>, interned.
  rdf::NodeRef sh(std::string_view local) const { return world.iri(sh_iri(local)); }
};

}  // namespace kg::validate::shacl
