#include "validate/validate.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <tuple>
#include <unordered_map>

#include "rdf/datatypes.hpp"
#include "rdf/prefixes.hpp"
#include "rdf/store.hpp"
#include "rdf/vocabulary.hpp"
#include "validate/terms.hpp"

namespace kg::validate {

namespace vocab = rdf::vocab;

namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Properties whose triples are not facts needing a claim: names and descriptions of entities,
// and the provenance records themselves.
constexpr std::array<std::string_view, 13> kNotFacts = {
    vocab::kRdfType,         terms::kRdfsLabel,         terms::kRdfsComment, terms::kSkosPrefLabel,
    terms::kSkosAltLabel,    terms::kSchemaDescription, terms::kSkosNote,    terms::kRdfSubject,
    terms::kRdfPredicate,    terms::kRdfObject,         terms::kKgEvidence,  terms::kKgStatedIn,
    terms::kKgConflictsWith,
};

bool contains(const std::array<std::string_view, 13>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool is_english(std::string_view language) {
  return language == "en" || starts_with(language, "en-");
}

// Walks the data graphs once and collects the violations.
class Checker {
 public:
  Checker(const rdf::Store& data, const Ontology& ontology)
      : data_(data), ontology_(ontology), prefixes_(rdf::PrefixMap::standard()) {}

  std::vector<Violation> run() {
    std::vector<rdf::NodeRef> graphs = data_graphs();
    for (rdf::NodeRef graph : graphs)
      collect_types(graph);
    collect_claims();
    for (rdf::NodeRef graph : graphs)
      for (const rdf::Quad& quad : data_.match({}, {}, {}, graph))
        check_triple(quad);
    check_english_labels();
    return std::move(violations_);
  }

 private:
  std::vector<rdf::NodeRef> data_graphs() const {
    std::vector<rdf::NodeRef> graphs;
    for (rdf::NodeRef graph : data_.named_graphs())
      if (graph.value() != vocab::kOntologyGraph) graphs.push_back(graph);
    if (data_.graph_size(data_.default_graph()) > 0) graphs.push_back(data_.default_graph());
    return graphs;
  }

  void collect_types(rdf::NodeRef graph) {
    for (const rdf::Quad& quad : data_.match({}, {}, {}, graph)) {
      if (quad.predicate.value() != vocab::kRdfType || !quad.object.is_iri()) continue;
      std::vector<std::string>& types = types_[quad.subject];
      std::string type(quad.object.value());
      if (std::find(types.begin(), types.end(), type) == types.end()) types.push_back(type);
    }
  }

  const std::vector<std::string>& types_of(rdf::NodeRef node) const {
    static const std::vector<std::string> kNone;
    auto found = types_.find(node);
    return found == types_.end() ? kNone : found->second;
  }

  // The data's types plus those the ontology gives its own terms.
  std::vector<std::string> resource_types(rdf::NodeRef node) const {
    std::vector<std::string> types = types_of(node);
    if (node.is_iri())
      for (std::string& type : ontology_.declared_types(node.value()))
        types.push_back(std::move(type));
    return types;
  }

  bool has_type(rdf::NodeRef node, std::string_view type) const {
    for (const std::string& each : types_of(node))
      if (ontology_.is_subclass_of(each, type)) return true;
    return false;
  }

  // Claims and source documents record provenance; they are not facts themselves.
  bool is_provenance_record(rdf::NodeRef node) const {
    return has_type(node, terms::kKgClaim) || has_type(node, terms::kKgSourceDocument);
  }

  // The value of a single-valued property, or null.
  rdf::NodeRef value_of(rdf::NodeRef subject, std::string_view property) const {
    for (const rdf::Quad& quad : data_.match(subject, {}, {}, {}))
      if (quad.predicate.value() == property) return quad.object;
    return {};
  }

  void collect_claims() {
    for (const auto& [node, types] : types_) {
      if (!has_type(node, terms::kKgClaim)) continue;
      rdf::NodeRef subject = value_of(node, terms::kRdfSubject);
      rdf::NodeRef predicate = value_of(node, terms::kRdfPredicate);
      rdf::NodeRef object = value_of(node, terms::kRdfObject);
      check_claim(node, subject, predicate, object);
      if (subject && predicate && object) claimed_.emplace(subject, predicate, object);
    }
  }

  void check_claim(rdf::NodeRef claim, rdf::NodeRef subject, rdf::NodeRef predicate,
                   rdf::NodeRef object) {
    auto require = [&](bool present, std::string_view property) {
      if (!present)
        add_about(ViolationKind::MissingProvenance, claim, "claim has no " + name(property) + "");
    };
    require(bool(subject), terms::kRdfSubject);
    require(bool(predicate), terms::kRdfPredicate);
    require(bool(object), terms::kRdfObject);
    require(bool(value_of(claim, terms::kKgEvidence)), terms::kKgEvidence);
    require(bool(value_of(claim, terms::kKgStatedIn)), terms::kKgStatedIn);
  }

  void check_triple(const rdf::Quad& quad) {
    std::string_view predicate = quad.predicate.value();
    if (quad.object.is_literal()) check_literal(quad);
    if (!ontology_.declares_property(predicate)) {
      add(ViolationKind::UndeclaredProperty, quad,
          name(predicate) + " is not declared in the ontology");
      return;
    }
    if (predicate == vocab::kRdfType && quad.object.is_iri() &&
        !ontology_.declares_class(quad.object.value()))
      add(ViolationKind::UndeclaredClass, quad,
          name(quad.object.value()) + " is not declared as a class in the ontology");
    for (const TypeConstraint& domain : ontology_.domains(predicate))
      if (!ontology_.admits_resource(domain, resource_types(quad.subject)))
        add(ViolationKind::DomainViolation, quad,
            "subject " + describe_types(quad.subject) + "; " + name(predicate) + " applies to " +
                domain.describe(prefixes_));
    for (const TypeConstraint& range : ontology_.ranges(predicate))
      check_range(quad, range);
    check_provenance(quad);
  }

  void check_literal(const rdf::Quad& quad) {
    std::string_view datatype = quad.object.datatype_iri();
    if (!ontology_.knows_datatype(datatype))
      add(ViolationKind::UndeclaredDatatype, quad,
          name(datatype) + " is not a known datatype nor declared in the ontology");
    else if (!rdf::is_valid_lexical_form(datatype, quad.object.value()))
      add(ViolationKind::IllTypedLiteral, quad,
          "'" + std::string(quad.object.value()) + "' is not a valid " + name(datatype));
  }

  void check_range(const rdf::Quad& quad, const TypeConstraint& range) {
    std::string needs = "; " + name(quad.predicate.value()) + " takes " + range.describe(prefixes_);
    if (quad.object.is_literal()) {
      if (!ontology_.admits_literal(range, quad.object.datatype_iri(), quad.object.value()))
        add(ViolationKind::RangeViolation, quad,
            "value is " + describe_literal(quad.object) + needs);
    } else if (!ontology_.admits_resource(range, resource_types(quad.object))) {
      add(ViolationKind::RangeViolation, quad, "value " + describe_types(quad.object) + needs);
    }
  }

  // A fact is a triple of a property the ontology declares, other than the ones that name and
  // describe entities or record provenance, about something other than a claim or source
  // document; some claim must state it.
  void check_provenance(const rdf::Quad& quad) {
    std::string_view predicate = quad.predicate.value();
    if (!ontology_.properties().count(predicate) || contains(kNotFacts, predicate) ||
        is_provenance_record(quad.subject))
      return;
    if (!claimed_.count({quad.subject, quad.predicate, quad.object}))
      add(ViolationKind::MissingProvenance, quad, "no kg:Claim states this triple");
  }

  void check_english_labels() {
    for (const auto& [node, types] : types_) {
      if (is_provenance_record(node) || has_english_label(node)) continue;
      add_about(ViolationKind::MissingEnglishLabel, node,
                "has no rdfs:label or skos:prefLabel in English");
    }
  }

  bool has_english_label(rdf::NodeRef node) const {
    for (const rdf::Quad& quad : data_.match(node, {}, {}, {})) {
      std::string_view predicate = quad.predicate.value();
      if ((predicate == terms::kRdfsLabel || predicate == terms::kSkosPrefLabel) &&
          is_english(quad.object.language()))
        return true;
    }
    return false;
  }

  std::string describe_literal(rdf::NodeRef literal) const {
    std::string datatype = name(literal.datatype_iri());
    if (literal.datatype_iri() == vocab::kXsdDateTime && !rdf::has_timezone(literal.value()))
      return "an " + datatype + " without a time zone";
    return "a literal of " + datatype;
  }

  std::string describe_types(rdf::NodeRef node) const {
    std::vector<std::string> types = resource_types(node);
    if (types.empty()) return "has no rdf:type";
    std::string text = "is a ";
    for (size_t i = 0; i < types.size(); ++i)
      text += (i ? ", " : "") + name(types[i]);
    return text;
  }

  std::string name(std::string_view iri) const {
    return prefixes_.abbreviate(iri).value_or("<" + std::string(iri) + ">");
  }

  void add(ViolationKind kind, const rdf::Quad& quad, std::string message) {
    std::optional<rdf::Term> graph;
    if (quad.graph && quad.graph != data_.default_graph()) graph = quad.graph.to_term();
    violations_.push_back(Violation{kind, quad.subject.to_term(), quad.predicate.to_term(),
                                    quad.object.to_term(), std::move(graph), std::move(message)});
  }

  void add_about(ViolationKind kind, rdf::NodeRef focus, std::string message) {
    violations_.push_back(Violation{kind, focus.to_term(), {}, {}, {}, std::move(message)});
  }

  const rdf::Store& data_;
  const Ontology& ontology_;
  rdf::PrefixMap prefixes_;
  std::unordered_map<rdf::NodeRef, std::vector<std::string>> types_;
  std::set<std::tuple<rdf::NodeRef, rdf::NodeRef, rdf::NodeRef>> claimed_;
  std::vector<Violation> violations_;
};

}  // namespace

Report validate_graph(const rdf::Store& data, const Ontology& ontology) {
  return Report(Checker(data, ontology).run());
}

}  // namespace kg::validate
