// SHACL targets, property paths, and the shape-level settings sh:deactivated, sh:severity and
// sh:message.
#include <boost/test/unit_test.hpp>

#include "shacl_support.hpp"

using namespace kg::shacl_test;
using kg::validate::shacl::ValidationFailure;

BOOST_AUTO_TEST_SUITE(shacl_targets_and_paths)

// sh:in () admits no value at all, so every value node shows up as a result.
constexpr std::string_view kRejectAll = "sh:in ()";

BOOST_AUTO_TEST_CASE(each_target_kind_selects_its_focus_nodes) {
  std::string data =
      "ex:Dog rdfs:subClassOf ex:Animal . ex:rex a ex:Dog . ex:tom a ex:Animal .\n"
      "ex:s ex:owns ex:o .";
  auto focus_of = [&](std::string target) {
    Lines focus;
    for (const auto& result :
         validate_turtle("ex:S " + target + " ; " + std::string(kRejectAll) + " .", data).results)
      focus.push_back(brief(result.focus_node));
    std::sort(focus.begin(), focus.end());
    return focus;
  };
  BOOST_TEST(focus_of("sh:targetNode ex:x, \"lit\"") == (Lines{"\"lit\"", "ex:x"}),
             boost::test_tools::per_element());
  BOOST_TEST(focus_of("sh:targetClass ex:Animal") == (Lines{"ex:rex", "ex:tom"}),
             boost::test_tools::per_element());
  BOOST_TEST(focus_of("sh:targetClass ex:Dog") == (Lines{"ex:rex"}),
             boost::test_tools::per_element());
  BOOST_TEST(focus_of("sh:targetSubjectsOf ex:owns") == (Lines{"ex:s"}),
             boost::test_tools::per_element());
  BOOST_TEST(focus_of("sh:targetObjectsOf ex:owns") == (Lines{"ex:o"}),
             boost::test_tools::per_element());
  BOOST_TEST(focus_of("sh:targetObjectsOf ex:unused").empty());
}

BOOST_AUTO_TEST_CASE(a_shape_that_is_a_class_targets_its_instances) {
  auto report = validate_turtle("ex:Animal a rdfs:Class, sh:NodeShape ; sh:in () .",
                                "ex:Dog rdfs:subClassOf ex:Animal . ex:rex a ex:Dog .");
  BOOST_TEST(summary(report) == (Lines{"ex:rex - ex:rex In"}), boost::test_tools::per_element());
  // Without sh:NodeShape the class is no shape with an implicit target.
  auto untyped = validate_turtle("ex:Animal a rdfs:Class ; sh:in () .",
                                 "ex:Dog rdfs:subClassOf ex:Animal . ex:rex a ex:Dog .");
  BOOST_TEST(untyped.conforms);
}

namespace {

// The values a path reaches from ex:a.
Lines reached(std::string path) {
  std::string data =
      "ex:a ex:p ex:b . ex:b ex:p ex:c . ex:c ex:p ex:d . ex:b ex:q ex:e . ex:z ex:p ex:a .";
  std::string shapes = "ex:S sh:targetNode ex:a ; sh:property [ sh:path " + path + " ; " +
                       std::string(kRejectAll) + " ] .";
  Lines values;
  for (const auto& result : validate_turtle(shapes, data).results)
    values.push_back(brief(*result.value));
  std::sort(values.begin(), values.end());
  return values;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_path_form_is_followed) {
  BOOST_TEST(reached("ex:p") == (Lines{"ex:b"}), boost::test_tools::per_element());
  BOOST_TEST(reached("[ sh:inversePath ex:p ]") == (Lines{"ex:z"}),
             boost::test_tools::per_element());
  BOOST_TEST(reached("( ex:p ex:q )") == (Lines{"ex:e"}), boost::test_tools::per_element());
  BOOST_TEST(
      reached("[ sh:alternativePath ( ex:p [ sh:inversePath ex:p ] ) ]") == (Lines{"ex:b", "ex:z"}),
      boost::test_tools::per_element());
  BOOST_TEST(reached("[ sh:zeroOrMorePath ex:p ]") == (Lines{"ex:a", "ex:b", "ex:c", "ex:d"}),
             boost::test_tools::per_element());
  BOOST_TEST(reached("[ sh:oneOrMorePath ex:p ]") == (Lines{"ex:b", "ex:c", "ex:d"}),
             boost::test_tools::per_element());
  BOOST_TEST(reached("[ sh:zeroOrOnePath ex:p ]") == (Lines{"ex:a", "ex:b"}),
             boost::test_tools::per_element());
  BOOST_TEST(reached("[ sh:inversePath ( ex:p ex:p ) ]").empty());
  BOOST_TEST(reached("( [ sh:oneOrMorePath ex:p ] [ sh:inversePath ex:p ] )") ==
                 (Lines{"ex:a", "ex:b", "ex:c"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(result_paths_keep_the_path_structure) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a ; sh:property [ sh:path ( ex:p [ sh:zeroOrMorePath "
      "[ sh:inversePath ex:q ] ] ) ; sh:minCount 5 ] .",
      "");
  BOOST_TEST(summary(report) == (Lines{"ex:a ex:p/(^ex:q)* - MinCount"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ill_formed_paths_are_failures) {
  BOOST_CHECK_THROW(reached("( ex:p )"), ValidationFailure);
  BOOST_CHECK_THROW(reached("[ ex:unknown ex:p ]"), ValidationFailure);
  BOOST_CHECK_THROW(reached("\"literal\""), ValidationFailure);
}

BOOST_AUTO_TEST_CASE(deactivated_shapes_are_skipped_even_when_referenced) {
  auto report = validate_turtle(
      "ex:Off sh:deactivated true ; sh:targetNode ex:a ; sh:in () .\n"
      "ex:S sh:targetNode ex:a ; sh:node ex:Off ; sh:not [ sh:deactivated true ] .",
      "");
  // A deactivated shape conforms, so only sh:not reports.
  BOOST_TEST(summary(report) == (Lines{"ex:a - ex:a Not"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(severity_and_messages_come_from_the_shape) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a ; sh:severity sh:Info ; sh:message \"no\"@en, \"nein\"@de ;"
      "  sh:in () .",
      "");
  BOOST_TEST(!report.conforms);  // any result counts, whatever its severity
  BOOST_TEST_REQUIRE(report.results.size() == 1u);
  BOOST_TEST(report.results[0].severity.value == "http://www.w3.org/ns/shacl#Info");
  BOOST_TEST(report.results[0].messages.size() == 2u);
  auto untouched = validate_turtle("ex:S sh:targetNode ex:a ; sh:in () .", "");
  BOOST_TEST(untouched.results.at(0).severity.value == "http://www.w3.org/ns/shacl#Violation");
  BOOST_TEST(untouched.results.at(0).messages.empty());
}

BOOST_AUTO_TEST_CASE(data_spread_over_graphs_is_read_as_their_merge) {
  kg::rdf::Store store;
  kg::rdf::World& world = store.world();
  auto load = [&](std::string graph, std::string turtle) {
    kg::rdf::ParseOptions options;
    options.graph = world.iri("http://example.org/graph/" + graph);
    kg::rdf::parse_string(store, std::string(kPrefixes) + turtle, graph, options);
    return options.graph;
  };
  auto shapes = load("shapes",
                     "ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ;"
                     "  sh:maxCount 1 ; sh:minCount 1 ] .");
  auto first = load("first", "ex:a a ex:C ; ex:p 1 . ex:b a ex:C .");
  auto second = load("second", "ex:a ex:p 1 . ex:c a ex:C ; ex:p 1, 2 .");
  load("ignored", "ex:b ex:p 1 .");
  auto report = shacl::validate(store, {{first, second}}, shacl::GraphSelection::only(shapes));
  // ex:a's ex:p 1 is in both graphs but counts once; ex:b's value lies outside the selection.
  BOOST_TEST(summary(report) == (Lines{"ex:b ex:p - MinCount", "ex:c ex:p - MaxCount"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
