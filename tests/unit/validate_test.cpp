// The validator against small graphs that each break one rule of the fixture ontology, and
// against the real seed graph, which must conform.
#include "validate/validate.hpp"

#include <set>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "convert/convert.hpp"
#include "convert_test_support.hpp"
#include "rdf/rdf.hpp"

namespace fs = std::filesystem;
using namespace kg;
using validate::ViolationKind;

namespace {

fs::path fixture_ontology() {
  return test::convert_fixture() / "ontology" / "kg.ttl";
}

// base.ttl, which conforms, plus the named fault.
validate::Report validate_case(const std::string& name) {
  rdf::Store store;
  rdf::parse_file(store, test::validate_fixtures() / "base.ttl");
  if (!name.empty()) rdf::parse_file(store, test::validate_fixtures() / (name + ".ttl"));
  return validate::validate_graph(store, validate::Ontology::load(fixture_ontology()));
}

std::set<ViolationKind> kinds_of(const validate::Report& report) {
  std::set<ViolationKind> kinds;
  for (const validate::Violation& violation : report.violations())
    kinds.insert(violation.kind);
  return kinds;
}

struct FaultCase {
  const char* file;
  ViolationKind kind;
  const char* focus;  // the IRI or literal the violation should name
};

const FaultCase kFaults[] = {
    {"undeclared_class", ViolationKind::UndeclaredClass, "http://schema.org/MusicVideo"},
    {"undeclared_property", ViolationKind::UndeclaredProperty, "http://schema.org/birthPlace"},
    {"undeclared_datatype", ViolationKind::UndeclaredDatatype, "http://example.org/myType"},
    {"domain_violation", ViolationKind::DomainViolation, "https://kg.example.org/id/Lee"},
    {"range_violation_resource", ViolationKind::RangeViolation, "http://schema.org/byArtist"},
    {"range_violation_inherited", ViolationKind::RangeViolation,
     "https://kg.example.org/ontology#directed"},
    {"range_violation_datatype", ViolationKind::RangeViolation, "2024-05-10T13:00:00Z"},
    {"range_violation_timezone", ViolationKind::RangeViolation, "2024-05-10T13:00:00"},
    {"ill_typed_literal", ViolationKind::IllTypedLiteral, "2024-02-30"},
    {"missing_english_label", ViolationKind::MissingEnglishLabel, "https://kg.example.org/id/RM"},
    {"missing_provenance", ViolationKind::MissingProvenance,
     "https://kg.example.org/ontology#contributedTo"},
    {"missing_provenance_claim", ViolationKind::MissingProvenance,
     "https://kg.example.org/claim/bare"},
};

// Whether the violation mentions the term, as focus, property or value.
bool names(const validate::Violation& violation, const std::string& term) {
  if (violation.focus.value == term) return true;
  if (violation.property && violation.property->value == term) return true;
  if (violation.value && (violation.value->value == term || violation.value->datatype == term))
    return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(validate_graphs)

BOOST_AUTO_TEST_CASE(the_base_fixture_conforms) {
  validate::Report report = validate_case("");
  BOOST_TEST(report.conforms(), report.to_text(rdf::PrefixMap::standard()));
}

BOOST_AUTO_TEST_CASE(each_fault_is_reported_as_its_own_kind_only) {
  for (const FaultCase& fault : kFaults) {
    BOOST_TEST_CONTEXT(fault.file) {
      validate::Report report = validate_case(fault.file);
      BOOST_TEST(!report.conforms());
      BOOST_TEST((kinds_of(report) == std::set<ViolationKind>{fault.kind}),
                 report.to_text(rdf::PrefixMap::standard()));
      bool named = false;
      for (const validate::Violation& violation : report.violations())
        named = named || names(violation, fault.focus);
      BOOST_TEST(named, "no violation names " << fault.focus);
    }
  }
}

BOOST_AUTO_TEST_CASE(text_report_has_one_sorted_line_per_violation_and_a_count) {
  validate::Report report = validate_case("ill_typed_literal");
  std::string text = report.to_text(rdf::PrefixMap::standard());
  std::vector<std::string> lines;
  for (size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(text.substr(start, end - start));
  BOOST_REQUIRE(lines.size() == report.violations().size() + 1);
  BOOST_TEST(std::is_sorted(lines.begin(), lines.end() - 1));
  for (size_t i = 0; i + 1 < lines.size(); ++i)
    BOOST_TEST(lines[i].rfind("ill-typed-literal: ", 0) == 0u);
  BOOST_TEST(lines.back() == std::to_string(report.violations().size()) + " violations");
}

BOOST_AUTO_TEST_CASE(json_report_lists_violations_with_full_terms) {
  validate::Report report = validate_case("domain_violation");
  nlohmann::json json = nlohmann::json::parse(report.to_json());
  BOOST_TEST(json["conforms"] == false);
  BOOST_REQUIRE(json["violations"].size() == 1u);
  const nlohmann::json& violation = json["violations"][0];
  BOOST_TEST(violation["kind"] == "domain-violation");
  BOOST_TEST(violation["focus"] == "<https://kg.example.org/id/Lee>");
  BOOST_TEST(violation["property"] == "<https://kg.example.org/ontology#releasedOn>");
  BOOST_TEST(violation["value"] == "\"2024-05-10\"^^<http://www.w3.org/2001/XMLSchema#date>");
  BOOST_TEST(violation["graph"].is_null());
  BOOST_TEST(!violation["message"].get<std::string>().empty());
}

BOOST_AUTO_TEST_CASE(violations_in_named_graphs_name_the_graph_and_the_ontology_graph_is_skipped) {
  rdf::Store store;
  rdf::ParseOptions options;
  options.graph = store.world().iri("https://kg.example.org/source/doc");
  rdf::parse_file(store, test::validate_fixtures() / "missing_provenance.ttl", options);
  rdf::parse_file(store, test::validate_fixtures() / "base.ttl", options);
  // Ontology statements in the ontology graph are not data: owl:Class is no declared class.
  options.graph = store.world().iri(rdf::vocab::kOntologyGraph);
  rdf::parse_file(store, fixture_ontology(), options);
  validate::Report report =
      validate::validate_graph(store, validate::Ontology::load(fixture_ontology()));
  BOOST_REQUIRE(report.violations().size() == 1u);
  BOOST_TEST(kind_name(report.violations()[0].kind) == "missing-provenance");
  BOOST_REQUIRE(report.violations()[0].graph.has_value());
  BOOST_TEST(report.violations()[0].graph->value == "https://kg.example.org/source/doc");
}

BOOST_AUTO_TEST_CASE(the_real_seed_graph_conforms_to_the_real_ontology) {
  fs::path root = test::source_dir();
  convert::BuiltGraph built =
      convert::build_graph({root / "ontology" / "kg.ttl", root / "seeds", root});
  validate::Report report = validate::validate_graph(
      *built.store, validate::Ontology::load(root / "ontology" / "kg.ttl"));
  BOOST_TEST(report.conforms(), report.to_text(rdf::PrefixMap::standard()));
  BOOST_TEST(built.summary.facts > 0u);
}

BOOST_AUTO_TEST_SUITE_END()
