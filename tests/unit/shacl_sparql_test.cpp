// SHACL-SPARQL: sh:sparql constraints, SPARQL-based constraint components, pre-binding and its
// restrictions, $PATH and message templates.
#include <boost/test/unit_test.hpp>

#include "shacl_support.hpp"
#include "validate/shacl/sparql_query.hpp"

using namespace kg::shacl_test;
using kg::validate::shacl::ValidationFailure;

namespace {

// The messages of the only result.
std::vector<std::string> messages_of(const shacl::ValidationReport& report) {
  BOOST_TEST_REQUIRE(report.results.size() == 1u);
  std::vector<std::string> texts;
  for (const kg::rdf::Term& message : report.results.front().messages)
    texts.push_back(message.to_ntriples());
  return texts;
}

// A node shape targeting ex:a and ex:b with one sh:sparql SELECT query.
std::string sparql_shape(std::string_view select) {
  return "ex:S sh:targetNode ex:a, ex:b ; sh:sparql ex:C .\n"
         "ex:C sh:prefixes ex:Decl ; sh:select \"\"\"" +
         std::string(select) +
         "\"\"\" .\n"
         "ex:Decl sh:declare [ sh:prefix \"ex\" ; "
         "sh:namespace \"http://example.org/\"^^xsd:anyURI ] .\n";
}

// Checks that a ValidationFailure says what is expected, not just anything.
auto failure_saying(std::string_view expected) {
  return [expected](const ValidationFailure& failure) {
    BOOST_TEST_INFO("failure: " << failure.what());
    return std::string_view(failure.what()).find(expected) != std::string_view::npos;
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shacl_sparql)

BOOST_AUTO_TEST_CASE(select_solutions_are_results_with_value_and_path) {
  auto report = validate_turtle(
      sparql_shape("SELECT $this ?value (ex:name AS ?path) WHERE { $this ex:name ?value . "
                   "FILTER (strlen(?value) < 2) }"),
      "ex:a ex:name \"A\", \"Alice\" . ex:b ex:name \"Bob\" . ex:c ex:name \"C\" .");
  BOOST_TEST(summary(report) == (Lines{"ex:a ex:name \"A\" SPARQL"}),
             boost::test_tools::per_element());
  BOOST_TEST(report.results.front().source_constraint->value == "http://example.org/C");
}

BOOST_AUTO_TEST_CASE(node_shape_results_without_value_report_the_focus_node) {
  auto report = validate_turtle(
      sparql_shape("SELECT $this WHERE { FILTER NOT EXISTS { $this ex:name ?any } }"),
      "ex:a ex:name \"A\" .");
  BOOST_TEST(summary(report) == (Lines{"ex:b - ex:b SPARQL"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(message_placeholders_take_solution_and_prebound_values) {
  auto report = validate_turtle(
      sparql_shape("SELECT $this (COUNT(?name) AS ?count) WHERE { $this ex:name ?name } "
                   "GROUP BY $this HAVING (COUNT(?name) > 1)") +
          "ex:C sh:message \"{$this} has {?count} names{?unbound}\"@en .",
      "ex:a ex:name \"A1\", \"A2\" . ex:b ex:name \"B\" .");
  BOOST_TEST(messages_of(report) == (Lines{"\"http://example.org/a has 2 names{?unbound}\"@en"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(message_variable_overrides_the_templates) {
  auto report = validate_turtle(sparql_shape("SELECT $this ?message WHERE { $this ex:name ?n . "
                                             "BIND (CONCAT(\"bad: \", ?n) AS ?message) }") +
                                    "ex:C sh:message \"template\" .",
                                "ex:a ex:name \"A\" .");
  BOOST_TEST(messages_of(report) == (Lines{"\"bad: A\""}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(path_is_substituted_outside_strings_iris_and_comments) {
  shacl::PropertyPath path{shacl::PathKind::Sequence, {}, {}};
  path.operands.push_back({shacl::PathKind::Predicate, kg::rdf::Term::iri("http://e/p"), {}});
  shacl::PropertyPath inverse{shacl::PathKind::Inverse, {}, {}};
  inverse.operands.push_back({shacl::PathKind::Predicate, kg::rdf::Term::iri("http://e/q"), {}});
  path.operands.push_back(inverse);
  std::string query =
      "SELECT * { $this $PATH ?v . ?v <urn:x:$PATH> \"$PATH\" . ?v $PATHS ?w . "
      "FILTER (?v<?w && ?w>?v) ?v $PATH ?w } # $PATH\n";
  BOOST_TEST(shacl::substitute_path(query, path) ==
             "SELECT * { $this (<http://e/p>/^<http://e/q>) ?v . ?v <urn:x:$PATH> \"$PATH\" . "
             "?v $PATHS ?w . FILTER (?v<?w && ?w>?v) ?v (<http://e/p>/^<http://e/q>) ?w } "
             "# $PATH\n");
}

BOOST_AUTO_TEST_CASE(property_shape_query_follows_the_substituted_path) {
  auto report = validate_turtle(
      "ex:S sh:targetNode ex:a ; sh:property [\n"
      "  sh:path ( ex:p [ sh:inversePath ex:q ] ) ;\n"
      "  sh:sparql [ sh:select \"SELECT $this ?value WHERE { $this $PATH ?value . "
      "FILTER (?value != <http://example.org/ok>) }\" ] ] .",
      "ex:a ex:p ex:m . ex:ok ex:q ex:m . ex:bad ex:q ex:m . ex:other ex:q ex:a .");
  BOOST_TEST(summary(report) == (Lines{"ex:a ex:p/^ex:q ex:bad SPARQL"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(prebound_this_reaches_nested_groups_exists_and_sub_selects) {
  auto report = validate_turtle(sparql_shape("SELECT $this WHERE { { { FILTER (bound($this)) } "
                                             "FILTER EXISTS { $this ex:flag true } } "
                                             "{ SELECT $this WHERE { FILTER ($this = ex:a) } } }"),
                                "ex:a ex:flag true . ex:b ex:flag true .");
  BOOST_TEST(summary(report) == (Lines{"ex:a - ex:a SPARQL"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(shapes_graph_and_current_shape_are_prebound) {
  auto report = validate_turtle(
      sparql_shape("SELECT $this WHERE { GRAPH $shapesGraph { $currentShape ex:limit ?l } "
                   "$this ex:size ?s . FILTER (?s > ?l) }") +
          "ex:S ex:limit 3 .",
      "ex:a ex:size 5 . ex:b ex:size 2 .");
  BOOST_TEST(summary(report) == (Lines{"ex:a - ex:a SPARQL"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(queries_pre_binding_cannot_support_are_failures) {
  std::vector<std::pair<std::string_view, std::string_view>> cases = {
      {"SELECT $this WHERE { $this ?p ?o MINUS { $this ex:name ?o } }", "uses MINUS"},
      {"SELECT $this WHERE { VALUES ?x { 1 } }", "uses VALUES"},
      {"SELECT $this WHERE { ?s ?p ?o } VALUES ?x { 1 }", "uses VALUES"},
      {"SELECT $this WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "uses SERVICE"},
      {"SELECT $this WHERE { BIND (ex:a AS $this) }", "assigns the pre-bound variable ?this"},
      {"SELECT $this WHERE { ?s ?p ?o } GROUP BY (ex:a AS $this)",
       "assigns the pre-bound variable ?this"},
      {"SELECT $this WHERE { $this ?p ?o { SELECT ?o WHERE { ?s ?p ?o } } }",
       "sub-select that does not return the pre-bound variable ?this"},
      {"SELECT $this WHERE { FILTER EXISTS { { SELECT * WHERE { FILTER ($this = ex:a) } } } }",
       "sub-select that does not return the pre-bound variable ?this"},
  };
  for (const auto& [select, problem] : cases) {
    BOOST_TEST_CONTEXT(select) {
      BOOST_CHECK_EXCEPTION(validate_turtle(sparql_shape(select), "ex:a ex:p ex:b ."),
                            ValidationFailure, failure_saying(problem));
    }
  }
}

BOOST_AUTO_TEST_CASE(syntax_errors_wrong_forms_and_failure_variable_are_failures) {
  for (std::string_view select : {"SELECT $this WHERE { $this ?p }", "ASK { $this ?p ?o }",
                                  "SELECT $this (true AS ?failure) WHERE { $this ?p ?o }"})
    BOOST_TEST_CONTEXT(select) {
      BOOST_CHECK_THROW(validate_turtle(sparql_shape(select), "ex:a ex:p ex:b ."),
                        ValidationFailure);
    }
}

BOOST_AUTO_TEST_CASE(deactivated_sparql_constraints_are_skipped) {
  auto report = validate_turtle(
      sparql_shape("SELECT $this WHERE { MINUS { } }") + "ex:C sh:deactivated true .", "");
  BOOST_TEST(report.conforms);
}

// A component with an ASK validator for every shape and a SELECT validator for property shapes.
constexpr std::string_view kComponent =
    "ex:Prefixes sh:declare [ sh:prefix \"ex\" ; "
    "  sh:namespace \"http://example.org/\"^^xsd:anyURI ] .\n"
    "ex:MaxLengthConstraintComponent a sh:ConstraintComponent ;\n"
    "  sh:parameter [ sh:path ex:maxLength ] ;\n"
    "  sh:parameter [ sh:path ex:suffix ; sh:optional true ] ;\n"
    "  sh:message \"longer than {$maxLength}\" ;\n"
    "  sh:validator [ sh:prefixes ex:Prefixes ; sh:ask \"\"\"ASK { FILTER ("
    "    strlen(str($value)) <= $maxLength || (bound($suffix) && strends($value, $suffix))) }"
    "    \"\"\" ] ;\n"
    "  sh:propertyValidator [ sh:message \"{?value}: more than {$maxLength}\" ;"
    "    sh:select \"\"\"SELECT $this ?value WHERE { $this $PATH ?value . "
    "    FILTER (strlen(?value) > $maxLength) }\"\"\" ] .\n";

BOOST_AUTO_TEST_CASE(ask_validator_checks_each_value_node_with_parameters) {
  auto report = validate_turtle(
      std::string(kComponent) +
          "ex:Short sh:targetNode \"abc\", \"abcdef\", \"abcdefx\" ; ex:maxLength 4 .\n"
          "ex:Suffixed sh:targetNode \"abcdefx\" ; ex:maxLength 4 ; ex:suffix \"x\" .\n"
          "ex:NoParameter sh:targetNode \"abcdefgh\" ; ex:suffix \"x\" .",
      "");
  BOOST_TEST(summary(report) == (Lines{"\"abcdef\" - \"abcdef\" http://example.org/MaxLength",
                                       "\"abcdefx\" - \"abcdefx\" http://example.org/MaxLength"}),
             boost::test_tools::per_element());
  for (const shacl::ValidationResult& result : report.results)
    BOOST_TEST(result.messages.front().value == "longer than 4");
}

BOOST_AUTO_TEST_CASE(property_validator_runs_with_path_and_its_own_message) {
  auto report = validate_turtle(
      std::string(kComponent) +
          "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:name ; ex:maxLength 3 ] .",
      "ex:a ex:name \"Al\", \"Alice\" .");
  BOOST_TEST(summary(report) == (Lines{"ex:a ex:name \"Alice\" http://example.org/MaxLength"}),
             boost::test_tools::per_element());
  BOOST_TEST(messages_of(report) == (Lines{"\"Alice: more than 3\""}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(validator_assigning_value_is_a_failure) {
  BOOST_CHECK_THROW(validate_turtle("ex:C a sh:ConstraintComponent ;"
                                    "  sh:parameter [ sh:path ex:p ] ;"
                                    "  sh:validator [ sh:ask \"ASK { BIND (1 AS ?value) }\" ] .\n"
                                    "ex:S sh:targetNode ex:a ; ex:p 1 .",
                                    ""),
                    ValidationFailure);
}

BOOST_AUTO_TEST_SUITE_END()
