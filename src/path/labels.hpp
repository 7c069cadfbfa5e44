// Names for nodes as people read them: an entity's English label, else a prefixed name.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rdf/node.hpp"
#include "rdf/prefixes.hpp"
#include "rdf/store.hpp"

namespace kg::path {

// The predicates whose objects name an entity, in order of preference for display.
// skos:altLabel is last: it holds aliases and misspellings, good for finding, not for showing.
const std::vector<std::string_view>& label_predicate_iris();

// The store's node for a predicate IRI, or null when no triple uses it (found without
// interning, so a const store will do).
rdf::NodeRef find_predicate(const rdf::Store& store, std::string_view iri);

class Labeler {
 public:
  Labeler(const rdf::Store& store, rdf::PrefixMap prefixes);

  // The English label (skos:prefLabel, rdfs:label, schema:name), else one without a language,
  // else one in any language, else the short name.
  const std::string& label(rdf::NodeRef node);
  // kgd:Lee_Sung-jin, <http://…> where no prefix fits, _:b0 for blank nodes.
  std::string short_name(rdf::NodeRef node) const;
  // A predicate as a path step shows it: its label from the ontology, else its local name
  // ("directed").
  const std::string& predicate_label(rdf::NodeRef predicate);

  const rdf::PrefixMap& prefixes() const { return prefixes_; }

 private:
  // The best label the store states for the node, or "" when it states none.
  std::string stated_label(rdf::NodeRef node) const;
  std::string local_name(rdf::NodeRef predicate) const;
  // The cached label of node: the stated one, else what fallback makes of the node.
  const std::string& remembered(std::unordered_map<rdf::NodeRef, std::string>& cache,
                                rdf::NodeRef node,
                                std::string (Labeler::*fallback)(rdf::NodeRef) const);

  const rdf::Store& store_;
  rdf::PrefixMap prefixes_;
  std::unordered_map<rdf::NodeRef, std::string> labels_, predicate_labels_;
};

}  // namespace kg::path
