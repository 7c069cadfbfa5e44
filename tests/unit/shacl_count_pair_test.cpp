// SHACL cardinality, property pair and closed-shape components.
#include <boost/test/unit_test.hpp>

#include "shacl_support.hpp"

using namespace kg::shacl_test;

BOOST_AUTO_TEST_SUITE(shacl_count_and_pair_components)

BOOST_AUTO_TEST_CASE(min_and_max_count_report_once_per_focus_node) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:none, ex:one, ex:three ;"
      "  sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:maxCount 2 ] .",
      "ex:one ex:p 1 . ex:three ex:p 1, 2, 3 .");
  BOOST_TEST(summary(report) == (Lines{"ex:none ex:p - MinCount", "ex:three ex:p - MaxCount"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(min_count_zero_and_large_max_count_accept_everything) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:none, ex:three ;"
      "  sh:property [ sh:path ex:p ; sh:minCount 0 ; sh:maxCount 3 ] .",
      "ex:three ex:p 1, 2, 3 .");
  BOOST_TEST(report.conforms);
  BOOST_TEST(report.results.empty());
}

BOOST_AUTO_TEST_CASE(non_integer_count_is_a_failure) {
  BOOST_CHECK_THROW(validate_turtle("ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ;"
                                    " sh:minCount \"one\" ] .",
                                    ""),
                    kg::validate::shacl::ValidationFailure);
}

BOOST_AUTO_TEST_CASE(equals_reports_values_missing_on_either_side) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a, ex:b ; sh:property [ sh:path ex:p ; sh:equals ex:q ] .",
      "ex:a ex:p 1, 2 ; ex:q 2, 3 . ex:b ex:p 1 ; ex:q 1 .");
  BOOST_TEST(summary(report) == (Lines{"ex:a ex:p 1 Equals", "ex:a ex:p 3 Equals"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(equals_on_a_node_shape_compares_the_focus_node_itself) {
  auto report = validate_turtle("ex:S sh:targetNode ex:a, ex:b ; sh:equals ex:self .",
                                "ex:a ex:self ex:a . ex:b ex:self ex:a .");
  BOOST_TEST(summary(report) == (Lines{"ex:b - ex:a Equals", "ex:b - ex:b Equals"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(disjoint_reports_shared_values) {
  auto report =
      validate_turtle("ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:disjoint ex:q ] .",
                      "ex:a ex:p 1, 2, 3 ; ex:q 2, 3, 4 .");
  BOOST_TEST(summary(report) == (Lines{"ex:a ex:p 2 Disjoint", "ex:a ex:p 3 Disjoint"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(less_than_reports_each_failing_pair) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:start ; sh:lessThan ex:end ] .",
      "ex:a ex:start 1, 5 ; ex:end 5, \"x\" .");
  // 1 < 5 holds; 1 < "x" cannot be compared; 5 < 5 and 5 < "x" fail.
  BOOST_TEST(summary(report) == (Lines{"ex:a ex:start 1 LessThan", "ex:a ex:start 5 LessThan",
                                       "ex:a ex:start 5 LessThan"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(less_than_or_equals_accepts_equal_values) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:start ; sh:lessThanOrEquals ex:end ] .",
      "ex:a ex:start \"b\", \"c\" ; ex:end \"b\" .");
  BOOST_TEST(summary(report) == (Lines{"ex:a ex:start \"c\" LessThanOrEquals"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(closed_reports_undeclared_properties_with_their_predicate_as_path) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a, ex:b ; sh:closed true ; sh:ignoredProperties (rdf:type) ;"
      "  sh:property [ sh:path ex:name ] ; sh:property [ sh:path [ sh:inversePath ex:knows ] ] .",
      "ex:a a ex:Person ; ex:name \"A\" ; ex:age 3 ; ex:knows ex:b .\n"
      "ex:b ex:name \"B\" .");
  BOOST_TEST(summary(report) == (Lines{"ex:a ex:age 3 Closed", "ex:a ex:knows ex:b Closed"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(closed_false_checks_nothing) {
  auto report = validate_turtle("ex:S sh:targetNode ex:a ; sh:closed false .", "ex:a ex:p 1 .");
  BOOST_TEST(report.conforms);
}

BOOST_AUTO_TEST_SUITE_END()
