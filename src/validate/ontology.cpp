#include "validate/ontology.hpp"

#include <algorithm>
#include <array>

#include "rdf/datatypes.hpp"
#include "rdf/prefixes.hpp"
#include "rdf/reader.hpp"
#include "rdf/store.hpp"
#include "rdf/vocabulary.hpp"
#include "validate/terms.hpp"

namespace kg::validate {

namespace vocab = rdf::vocab;

namespace {

constexpr std::array<std::string_view, 12> kPropertyDeclarations = {
    terms::kRdfProperty,
    "http://www.w3.org/2002/07/owl#ObjectProperty",
    "http://www.w3.org/2002/07/owl#DatatypeProperty",
    "http://www.w3.org/2002/07/owl#AnnotationProperty",
    "http://www.w3.org/2002/07/owl#OntologyProperty",
    "http://www.w3.org/2002/07/owl#FunctionalProperty",
    "http://www.w3.org/2002/07/owl#InverseFunctionalProperty",
    "http://www.w3.org/2002/07/owl#TransitiveProperty",
    "http://www.w3.org/2002/07/owl#SymmetricProperty",
    "http://www.w3.org/2002/07/owl#AsymmetricProperty",
    "http://www.w3.org/2002/07/owl#ReflexiveProperty",
    "http://www.w3.org/2002/07/owl#IrreflexiveProperty",
};

// RDF's own properties and OWL 2's built-in annotation properties.
constexpr std::array<std::string_view, 12> kBuiltInProperties = {
    vocab::kRdfType,
    terms::kRdfSubject,
    terms::kRdfPredicate,
    terms::kRdfObject,
    vocab::kRdfFirst,
    vocab::kRdfRest,
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#value",
    terms::kRdfsLabel,
    terms::kRdfsComment,
    "http://www.w3.org/2000/01/rdf-schema#seeAlso",
    "http://www.w3.org/2000/01/rdf-schema#isDefinedBy",
    "http://www.w3.org/2002/07/owl#sameAs",
};

constexpr std::array<std::string_view, 6> kRdfDatatypes = {
    vocab::kRdfLangString,
    terms::kRdfPlainLiteral,
    terms::kRdfsLiteral,
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#HTML",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON",
};

template <size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The members of an RDF collection, in order.
std::vector<rdf::NodeRef> list_members(const rdf::Store& store, rdf::NodeRef list,
                                       rdf::NodeRef graph) {
  std::vector<rdf::NodeRef> members;
  // The length bound stops a malformed cyclic list.
  for (size_t guard = 0; list && list.value() != vocab::kRdfNil && guard < 10000; ++guard) {
    rdf::NodeRef next;
    for (const rdf::Quad& quad : store.match(list, {}, {}, graph)) {
      if (quad.predicate.value() == vocab::kRdfFirst) members.push_back(quad.object);
      if (quad.predicate.value() == vocab::kRdfRest) next = quad.object;
    }
    list = next;
  }
  return members;
}

// An IRI stands for itself; a blank node may be an owl:unionOf of IRIs. Anything else (an OWL
// restriction) constrains nothing this validator checks.
TypeConstraint constraint_of(const rdf::Store& store, rdf::NodeRef value, rdf::NodeRef graph) {
  TypeConstraint constraint;
  if (value.is_iri()) {
    constraint.any_of.emplace_back(value.value());
    return constraint;
  }
  for (const rdf::Quad& quad : store.match(value, {}, {}, graph)) {
    if (quad.predicate.value() != terms::kOwlUnionOf) continue;
    for (rdf::NodeRef member : list_members(store, quad.object, graph))
      if (member.is_iri()) constraint.any_of.emplace_back(member.value());
  }
  return constraint;
}

}  // namespace

std::string TypeConstraint::describe(const rdf::PrefixMap& prefixes) const {
  std::string text;
  for (const std::string& iri : any_of) {
    if (!text.empty()) text += " or ";
    text += prefixes.abbreviate(iri).value_or("<" + iri + ">");
  }
  return text;
}

Ontology Ontology::read(const rdf::Store& store, rdf::NodeRef graph) {
  Ontology ontology;
  for (const rdf::Quad& quad : store.match({}, {}, {}, graph)) {
    std::string_view predicate = quad.predicate.value();
    std::string subject(quad.subject.value());
    if (!quad.subject.is_iri()) continue;
    if (predicate == vocab::kRdfType) {
      std::string_view type = quad.object.value();
      if (type == terms::kOwlClass || type == terms::kRdfsClass) ontology.classes_.insert(subject);
      if (contains(kPropertyDeclarations, type)) ontology.properties_.insert(subject);
      if (type == terms::kRdfsDatatype) ontology.datatypes_.insert(subject);
    } else if (predicate == terms::kRdfsSubClassOf && quad.object.is_iri()) {
      ontology.superclasses_[subject].emplace_back(quad.object.value());
    } else if (predicate == terms::kRdfsSubPropertyOf && quad.object.is_iri()) {
      ontology.superproperties_[subject].emplace_back(quad.object.value());
    } else if (predicate == terms::kRdfsDomain || predicate == terms::kRdfsRange) {
      TypeConstraint constraint = constraint_of(store, quad.object, graph);
      if (constraint.any_of.empty()) continue;
      auto& target = predicate == terms::kRdfsDomain ? ontology.domains_ : ontology.ranges_;
      target[subject].push_back(std::move(constraint));
    }
  }
  return ontology;
}

Ontology Ontology::load(const std::filesystem::path& file) {
  rdf::Store store;
  rdf::parse_file(store, file);
  return read(store, {});
}

bool Ontology::declares_class(std::string_view iri) const {
  return classes_.count(iri) > 0 || iri == terms::kOwlThing || iri == terms::kRdfsResource;
}

bool Ontology::declares_property(std::string_view iri) const {
  return properties_.count(iri) > 0 || contains(kBuiltInProperties, iri);
}

bool Ontology::knows_datatype(std::string_view iri) const {
  return datatypes_.count(iri) > 0 || rdf::is_checked_datatype(iri) || contains(kRdfDatatypes, iri);
}

bool Ontology::is_datatype(std::string_view iri) const {
  return datatypes_.count(iri) > 0 || starts_with(iri, vocab::kXsd) || contains(kRdfDatatypes, iri);
}

std::vector<std::string> Ontology::declared_types(std::string_view iri) const {
  std::vector<std::string> types;
  if (declares_property(iri)) types.emplace_back(terms::kRdfProperty);
  if (declares_class(iri)) types.emplace_back(terms::kRdfsClass);
  return types;
}

std::vector<std::string> Ontology::ancestors(const Hierarchy& hierarchy, std::string_view term) {
  std::vector<std::string> found{std::string(term)};
  for (size_t next = 0; next < found.size(); ++next) {
    auto parents = hierarchy.find(found[next]);
    if (parents == hierarchy.end()) continue;
    for (const std::string& parent : parents->second)
      if (std::find(found.begin(), found.end(), parent) == found.end()) found.push_back(parent);
  }
  return found;
}

bool Ontology::is_subclass_of(std::string_view subclass, std::string_view superclass) const {
  if (subclass == superclass) return true;
  std::vector<std::string> above = ancestors(superclasses_, subclass);
  return std::find(above.begin(), above.end(), superclass) != above.end();
}

std::vector<TypeConstraint> Ontology::inherited(const Constraints& constraints,
                                                std::string_view property) const {
  std::vector<TypeConstraint> result;
  for (const std::string& each : ancestors(superproperties_, property)) {
    auto found = constraints.find(each);
    if (found != constraints.end())
      result.insert(result.end(), found->second.begin(), found->second.end());
  }
  return result;
}

std::vector<TypeConstraint> Ontology::domains(std::string_view property) const {
  return inherited(domains_, property);
}

std::vector<TypeConstraint> Ontology::ranges(std::string_view property) const {
  return inherited(ranges_, property);
}

bool Ontology::admits_resource(const TypeConstraint& constraint,
                               const std::vector<std::string>& types) const {
  for (const std::string& allowed : constraint.any_of) {
    if (allowed == terms::kRdfsResource || allowed == terms::kOwlThing) return true;
    if (is_datatype(allowed)) continue;
    for (const std::string& type : types)
      if (is_subclass_of(type, allowed)) return true;
  }
  return false;
}

bool Ontology::admits_literal(const TypeConstraint& constraint, std::string_view datatype,
                              std::string_view lexical) const {
  for (const std::string& allowed : constraint.any_of) {
    if (allowed == terms::kRdfsLiteral || allowed == terms::kRdfsResource) return true;
    if (allowed == terms::kRdfPlainLiteral &&
        (datatype == vocab::kXsdString || datatype == vocab::kRdfLangString))
      return true;
    if (rdf::is_derived_datatype(datatype, allowed)) return true;
    // A dateTime with a time zone is a value of xsd:dateTimeStamp.
    if (allowed == terms::kXsdDateTimeStamp && datatype == vocab::kXsdDateTime &&
        rdf::has_timezone(lexical))
      return true;
  }
  return false;
}

}  // namespace kg::validate
