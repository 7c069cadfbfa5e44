// SHACL components built from other shapes: sh:not, sh:and, sh:or, sh:xone, sh:node,
// sh:property and qualified value shapes, and what happens when shapes recurse.
#include <boost/test/unit_test.hpp>

#include "shacl_support.hpp"

using namespace kg::shacl_test;
using kg::validate::shacl::ValidationFailure;

BOOST_AUTO_TEST_SUITE(shacl_logical_components)

// Values 1..4 against shapes "at least 2" and "at most 3".
constexpr std::string_view kBounds =
    "ex:AtLeast2 sh:minInclusive 2 .\n"
    "ex:AtMost3 sh:maxInclusive 3 .\n";

BOOST_AUTO_TEST_CASE(not_reports_values_that_conform) {
  auto report =
      validate_turtle(std::string(kBounds) + "ex:S sh:targetNode 1, 2 ; sh:not ex:AtLeast2 .", "");
  BOOST_TEST(summary(report) == (Lines{"2 - 2 Not"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(and_or_xone_count_conforming_members) {
  auto report = validate_turtle(
      std::string(kBounds) +
          "ex:And sh:targetNode 1, 2, 4 ; sh:and (ex:AtLeast2 ex:AtMost3) .\n"
          "ex:Or sh:targetNode \"x\", 1 ; sh:or (ex:AtLeast2 ex:AtMost3) .\n"
          "ex:Xone sh:targetNode 1, 2, 4, \"x\" ; sh:xone (ex:AtLeast2 ex:AtMost3) .",
      "");
  BOOST_TEST(summary(report) == (Lines{"\"x\" - \"x\" Or", "\"x\" - \"x\" Xone", "1 - 1 And",
                                       "2 - 2 Xone", "4 - 4 And"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(node_reports_values_that_do_not_conform_without_nested_results) {
  auto report = validate_turtle(
      "ex:Named sh:property [ sh:path ex:name ; sh:minCount 1 ] .\n"
      "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:friend ; sh:node ex:Named ] .",
      "ex:a ex:friend ex:b, ex:c . ex:b ex:name \"B\" .");
  BOOST_TEST(summary(report) == (Lines{"ex:a ex:friend ex:c Node"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(property_passes_on_the_nested_shapes_results) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a ; sh:property ex:FriendShape .\n"
      "ex:FriendShape sh:path ex:friend ; sh:property ex:NameShape .\n"
      "ex:NameShape sh:path ex:name ; sh:minCount 1 ; sh:severity sh:Warning .",
      "ex:a ex:friend ex:b, ex:c . ex:b ex:name \"B\" .");
  BOOST_TEST(summary(report) == (Lines{"ex:c ex:name - MinCount"}),
             boost::test_tools::per_element());
  BOOST_TEST(report.results.at(0).source_shape.value == "http://example.org/NameShape");
  BOOST_TEST(report.results.at(0).severity.value == "http://www.w3.org/ns/shacl#Warning");
}

BOOST_AUTO_TEST_CASE(qualified_counts_conforming_values) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a, ex:b ; sh:property [ sh:path ex:n ;"
      "  sh:qualifiedValueShape [ sh:datatype xsd:integer ] ;"
      "  sh:qualifiedMinCount 2 ; sh:qualifiedMaxCount 2 ] .",
      "ex:a ex:n 1, \"x\" . ex:b ex:n 1, 2, 3 .");
  BOOST_TEST(
      summary(report) == (Lines{"ex:a ex:n - QualifiedMinCount", "ex:b ex:n - QualifiedMaxCount"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(disjoint_qualified_shapes_do_not_count_values_of_their_siblings) {
  std::string shapes =
      "ex:Hand sh:targetNode ex:h ;"
      "  sh:property [ sh:path ex:digit ; sh:qualifiedValueShape [ sh:class ex:Thumb ] ;"
      "    sh:qualifiedMinCount 1 ; sh:qualifiedValueShapesDisjoint true ] ;"
      "  sh:property [ sh:path ex:digit ; sh:qualifiedValueShape [ sh:class ex:Finger ] ;"
      "    sh:qualifiedMinCount 1 ; sh:qualifiedValueShapesDisjoint DISJOINT ] .";
  std::string data = "ex:h ex:digit ex:both . ex:both a ex:Thumb, ex:Finger .";
  auto with_flag = [&](std::string flag) {
    std::string text = shapes;
    text.replace(text.find("DISJOINT"), 8, flag);
    return validate_turtle(text, data);
  };
  // With both disjoint, ex:both counts for neither; the second switch alone leaves the first
  // shape counting it.
  BOOST_TEST(summary(with_flag("true")) ==
                 (Lines{"ex:h ex:digit - QualifiedMinCount", "ex:h ex:digit - QualifiedMinCount"}),
             boost::test_tools::per_element());
  BOOST_TEST(summary(with_flag("false")) == (Lines{"ex:h ex:digit - QualifiedMinCount"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(recursive_shapes_on_acyclic_data_are_validated) {
  auto report = validate_turtle(
      "ex:Person sh:targetNode ex:a ; sh:property [ sh:path ex:parent ; sh:node ex:Person ] ;"
      "  sh:property [ sh:path ex:name ; sh:minCount 1 ] .",
      "ex:a ex:name \"A\" ; ex:parent ex:b . ex:b ex:parent ex:c . ex:c ex:name \"C\" .");
  BOOST_TEST(summary(report) == (Lines{"ex:a ex:parent ex:b Node"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(recursion_that_returns_to_the_same_focus_node_is_a_failure) {
  BOOST_CHECK_THROW(validate_turtle("ex:Person sh:targetNode ex:a ;"
                                    "  sh:property [ sh:path ex:knows ; sh:node ex:Person ] .",
                                    "ex:a ex:knows ex:b . ex:b ex:knows ex:a ."),
                    ValidationFailure);
  BOOST_CHECK_THROW(validate_turtle("ex:S sh:targetNode ex:a ; sh:not ex:S .", ""),
                    ValidationFailure);
}

BOOST_AUTO_TEST_CASE(malformed_shape_lists_are_failures) {
  BOOST_CHECK_THROW(validate_turtle("ex:S sh:targetNode ex:a ; sh:or ex:NotAList .", ""),
                    ValidationFailure);
}

BOOST_AUTO_TEST_SUITE_END()
