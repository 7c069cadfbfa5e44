// The SHACL validation report as RDF, text and JSON, and validating against a shapes file.
#include <filesystem>
#include <fstream>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "shacl_support.hpp"

using namespace kg::shacl_test;
namespace rdf = kg::rdf;

BOOST_AUTO_TEST_SUITE(shacl_report)

constexpr std::string_view kShapes =
    "ex:S sh:targetNode ex:a, ex:b ; sh:property ex:P .\n"
    "ex:P sh:path ( ex:p [ sh:inversePath ex:q ] ) ;"
    "  sh:datatype xsd:integer ; sh:message \"want an integer\"@en .";
constexpr std::string_view kData = "ex:a ex:p ex:m . ex:n ex:q ex:m . ex:b ex:p ex:c .";

size_t count(const rdf::Store& store, rdf::NodeRef s, std::string_view p, rdf::NodeRef o) {
  size_t found = 0;
  rdf::NodeRef predicate = const_cast<rdf::Store&>(store).world().iri(p);
  for (const rdf::Quad& quad : store.match(s, predicate, o, {})) {
    (void)quad;
    ++found;
  }
  return found;
}

BOOST_AUTO_TEST_CASE(rdf_report_has_results_with_path_structure) {
  auto report = validate_turtle(kShapes, kData);
  BOOST_TEST_REQUIRE(report.results.size() == 1u);
  rdf::Store store;
  rdf::NodeRef node = shacl::write_report(report, store);
  rdf::World& world = store.world();
  std::string sh = "http://www.w3.org/ns/shacl#";
  BOOST_TEST(store.contains(node, world.iri(std::string(rdf::vocab::kRdfType)),
                            world.iri(sh + "ValidationReport"), {}));
  BOOST_TEST(store.contains(node, world.iri(sh + "conforms"),
                            world.literal("false", rdf::vocab::kXsdBoolean), {}));
  BOOST_TEST(count(store, node, sh + "result", {}) == 1u);
  BOOST_TEST(count(store, {}, sh + "inversePath", world.iri("http://example.org/q")) == 1u);
  BOOST_TEST(count(store, {}, std::string(rdf::vocab::kRdfFirst), {}) == 2u);
  BOOST_TEST(count(store, {}, sh + "resultMessage", world.literal("want an integer", {}, "en")) ==
             1u);
  BOOST_TEST(count(store, {}, sh + "value", world.iri("http://example.org/n")) == 1u);
}

BOOST_AUTO_TEST_CASE(turtle_report_reparses_to_the_same_triples) {
  auto report = validate_turtle(kShapes, kData);
  std::string turtle = shacl::report_to_turtle(report, example_prefixes());
  BOOST_TEST(turtle.find("sh:ValidationReport") != std::string::npos);
  rdf::Store reparsed, written;
  rdf::parse_string(reparsed, turtle, "report.ttl", {});
  shacl::write_report(report, written);
  BOOST_TEST(reparsed.size() == written.size());
}

BOOST_AUTO_TEST_CASE(text_report_has_one_line_per_result_and_a_verdict) {
  auto report = validate_turtle(kShapes, kData);
  std::string text = shacl::report_to_text(report, example_prefixes());
  BOOST_TEST(text ==
             "Violation ex:a: Datatype at ex:p/^ex:q, value ex:n (shape ex:P): want an integer\n"
             "does not conform: 1 result\n");
  auto clean = validate_turtle(kShapes, "");
  BOOST_TEST(shacl::report_to_text(clean, example_prefixes()) == "conforms\n");
}

BOOST_AUTO_TEST_CASE(json_report_lists_results_in_ntriples_and_sparql_syntax) {
  auto report = validate_turtle(kShapes, kData);
  auto json = nlohmann::json::parse(shacl::report_to_json(report));
  BOOST_TEST(json["conforms"] == false);
  BOOST_TEST_REQUIRE(json["results"].size() == 1u);
  const auto& result = json["results"][0];
  BOOST_TEST(result["focusNode"] == "<http://example.org/a>");
  BOOST_TEST(result["value"] == "<http://example.org/n>");
  BOOST_TEST(result["resultPath"] == "<http://example.org/p>/^<http://example.org/q>");
  BOOST_TEST(result["sourceConstraintComponent"] ==
             "<http://www.w3.org/ns/shacl#DatatypeConstraintComponent>");
  BOOST_TEST(result["messages"][0] == "want an integer");
}

BOOST_AUTO_TEST_CASE(shapes_file_validates_a_store_without_changing_it) {
  auto file = std::filesystem::temp_directory_path() / "kg_shacl_report_test_shapes.ttl";
  std::ofstream(file) << kPrefixes << kShapes;
  rdf::Store store;
  rdf::parse_string(store, std::string(kPrefixes) + std::string(kData), "data.ttl", {});
  size_t before = store.size();
  auto report = shacl::validate_with_shapes_file(store, shacl::GraphSelection::every_graph(), file);
  std::filesystem::remove(file);
  BOOST_TEST(store.size() == before);
  BOOST_TEST(summary(report) == (Lines{"ex:a ex:p/^ex:q ex:n Datatype"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unreadable_shapes_file_is_an_error) {
  rdf::Store store;
  BOOST_CHECK_THROW(shacl::validate_with_shapes_file(store, shacl::GraphSelection::every_graph(),
                                                     "/nonexistent/shapes.ttl"),
                    kg::Error);
}

BOOST_AUTO_TEST_SUITE_END()
