// SHACL components that judge each value node alone: value type, value range, string-based,
// sh:in and sh:hasValue. Each case has values that pass next to values that fail.
#include <boost/test/unit_test.hpp>

#include "shacl_support.hpp"

using namespace kg::shacl_test;

BOOST_AUTO_TEST_SUITE(shacl_value_components)

BOOST_AUTO_TEST_CASE(class_accepts_instances_of_subclasses_only) {
  auto report = validate_turtle(
      "ex:S a sh:NodeShape ; sh:targetNode ex:dog, ex:rock, \"text\" ; sh:class ex:Animal .",
      "ex:Dog rdfs:subClassOf ex:Mammal . ex:Mammal rdfs:subClassOf ex:Animal .\n"
      "ex:dog a ex:Dog . ex:rock a ex:Mineral .");
  BOOST_TEST(!report.conforms);
  BOOST_TEST(summary(report) == (Lines{"\"text\" - \"text\" Class", "ex:rock - ex:rock Class"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(datatype_rejects_other_types_and_ill_typed_literals) {
  auto report = validate_turtle(
      "ex:S a sh:PropertyShape ; sh:targetNode ex:a ; sh:path ex:age ; sh:datatype xsd:byte .",
      "ex:a ex:age \"12\"^^xsd:byte, \"300\"^^xsd:byte, \"x\"^^xsd:byte, 12, ex:iri .");
  BOOST_TEST(summary(report) ==
                 (Lines{"ex:a ex:age \"300\"^^<http://www.w3.org/2001/XMLSchema#byte> Datatype",
                        "ex:a ex:age \"x\"^^<http://www.w3.org/2001/XMLSchema#byte> Datatype",
                        "ex:a ex:age 12 Datatype", "ex:a ex:age ex:iri Datatype"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(datatype_checks_dates_booleans_and_language_strings) {
  auto report = validate_turtle(
      "ex:D sh:targetNode \"2024-02-29\"^^xsd:date, \"2023-02-29\"^^xsd:date ;"
      "  sh:datatype xsd:date .\n"
      "ex:B sh:targetNode true, \"yes\"^^xsd:boolean ; sh:datatype xsd:boolean .\n"
      "ex:L sh:targetNode \"hi\"@en, \"hi\" ; sh:datatype rdf:langString .",
      "");
  BOOST_TEST(
      summary(report) == (Lines{"\"2023-02-29\"^^<http://www.w3.org/2001/XMLSchema#date> - "
                                "\"2023-02-29\"^^<http://www.w3.org/2001/XMLSchema#date> Datatype",
                                "\"hi\" - \"hi\" Datatype",
                                "\"yes\"^^<http://www.w3.org/2001/XMLSchema#boolean> - "
                                "\"yes\"^^<http://www.w3.org/2001/XMLSchema#boolean> Datatype"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(node_kind_distinguishes_iris_blank_nodes_and_literals) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:nodeKind sh:BlankNodeOrIRI ] .",
      "ex:a ex:p ex:b, [ ex:q 1 ], \"lit\" .");
  BOOST_TEST(summary(report) == (Lines{"ex:a ex:p \"lit\" NodeKind"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(value_ranges_compare_numbers_across_types_and_fail_incomparable_values) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:n ; sh:minExclusive 1 ;"
      "  sh:maxInclusive 10.5 ] .",
      "ex:a ex:n 1, 2, \"3.5\"^^xsd:double, 10.5, 11, \"five\" .");
  BOOST_TEST(summary(report) ==
                 (Lines{"ex:a ex:n \"five\" MaxInclusive", "ex:a ex:n \"five\" MinExclusive",
                        "ex:a ex:n 1 MinExclusive", "ex:a ex:n 11 MaxInclusive"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(value_ranges_on_date_times_need_matching_time_zones) {
  auto report = validate_turtle(
      "ex:S sh:minInclusive \"2020-01-01T00:00:00Z\"^^xsd:dateTime ; sh:maxExclusive "
      "\"2021-01-01T00:00:00Z\"^^xsd:dateTime ; sh:targetNode "
      "\"2020-06-01T02:00:00+02:00\"^^xsd:dateTime, \"2020-01-01T01:00:00+02:00\"^^xsd:dateTime,"
      " \"2020-06-01T00:00:00\"^^xsd:dateTime .",
      "");
  // 01:00+02:00 is 23:00Z the day before; the unzoned value is not comparable at all.
  auto date_time = [](std::string lexical) {
    std::string term = "\"" + lexical + "\"^^<http://www.w3.org/2001/XMLSchema#dateTime>";
    return term + " - " + term;
  };
  BOOST_TEST(summary(report) == (Lines{date_time("2020-01-01T01:00:00+02:00") + " MinInclusive",
                                       date_time("2020-06-01T00:00:00") + " MaxExclusive",
                                       date_time("2020-06-01T00:00:00") + " MinInclusive"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(lengths_count_code_points_and_reject_blank_nodes) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:name ; sh:minLength 2 ;"
      "  sh:maxLength 3 ] .",
      "ex:a ex:name \"ab\", \"\xC3\xA9t\xC3\xA9\", \"a\", \"abcd\", [] .");
  Lines lines = summary(report);
  BOOST_TEST(lines.size() == 4u);
  BOOST_TEST(lines[0] == "ex:a ex:name \"a\" MinLength");
  BOOST_TEST(lines[1] == "ex:a ex:name \"abcd\" MaxLength");
  BOOST_TEST(lines[2].find(" MaxLength") != std::string::npos);  // the blank node
  BOOST_TEST(lines[3].find(" MinLength") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(pattern_uses_flags_and_the_string_form_of_iris) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:code ; sh:pattern \"^ab+c$\" ;"
      "  sh:flags \"i\" ] .",
      "ex:a ex:code \"ABBC\", \"abd\", <http://x/abc>, 42 .");
  BOOST_TEST(summary(report) == (Lines{"ex:a ex:code \"abd\" Pattern", "ex:a ex:code 42 Pattern",
                                       "ex:a ex:code <http://x/abc> Pattern"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(invalid_pattern_is_a_failure) {
  BOOST_CHECK_THROW(validate_turtle("ex:S sh:targetNode ex:a ; sh:pattern \"(\" .", ""),
                    kg::validate::shacl::ValidationFailure);
}

BOOST_AUTO_TEST_CASE(language_in_matches_ranges_and_their_subtags) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:label ; sh:languageIn (\"en\" \"fr\") ] "
      ".",
      "ex:a ex:label \"a\"@en, \"b\"@en-GB, \"c\"@fr, \"d\"@de, \"e\", \"f\"@eng .");
  BOOST_TEST(summary(report) ==
                 (Lines{"ex:a ex:label \"d\"@de LanguageIn", "ex:a ex:label \"e\" LanguageIn",
                        "ex:a ex:label \"f\"@eng LanguageIn"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unique_lang_reports_each_repeated_language_once) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a, ex:b ; sh:property [ sh:path ex:label ; sh:uniqueLang true ] .",
      "ex:a ex:label \"a\"@en, \"b\"@en, \"c\"@en, \"d\"@fr, \"e\"@fr, \"f\"@de, \"g\", \"h\" .\n"
      "ex:b ex:label \"a\"@en, \"b\"@fr .");
  BOOST_TEST(summary(report) == (Lines{"ex:a ex:label - UniqueLang", "ex:a ex:label - UniqueLang"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unique_lang_false_checks_nothing) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:label ; sh:uniqueLang false ] .",
      "ex:a ex:label \"a\"@en, \"b\"@en .");
  BOOST_TEST(report.conforms);
}

BOOST_AUTO_TEST_CASE(in_compares_terms_exactly) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:in (ex:x 1 \"y\") ] .",
      "ex:a ex:p ex:x, 1, \"y\", 1.0, \"y\"@en, ex:z .");
  BOOST_TEST(
      summary(report) == (Lines{"ex:a ex:p \"y\"@en In", "ex:a ex:p 1.0 In", "ex:a ex:p ex:z In"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(has_value_reports_once_without_a_value) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a, ex:b ; sh:property [ sh:path ex:p ; sh:hasValue ex:x ] .",
      "ex:a ex:p ex:x, ex:y . ex:b ex:p ex:y, ex:z .");
  BOOST_TEST(summary(report) == (Lines{"ex:b ex:p - HasValue"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
