// Syntax and static errors with their positions, the tokenizer's corner cases, and IRI
// resolution.
#include <boost/test/unit_test.hpp>

#include "rdf/iri.hpp"
#include "sparql/sparql.hpp"
#include "util/error.hpp"

using namespace kg::sparql;
using kg::rdf::has_iri_scheme;
using kg::rdf::resolve_iri;

namespace {

// The one-line message parse_query throws, or "" if the query parses.
std::string error_of(std::string_view text) {
  ParseOptions options;
  options.source_name = "q.rq";
  try {
    parse_query(text, options);
  } catch (const kg::Error& error) {
    return error.what();
  }
  return {};
}

std::string object_of_first_triple(std::string_view text) {
  Query query = parse_query(text);
  const Op* op = query.pattern.get();
  while (op->kind != Op::Kind::Bgp)
    op = op->children[0].get();
  const Term& term = op->triples.at(0).object.term();
  return term.value + (term.language.empty() ? "" : "@" + term.language) + "|" + term.datatype;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sparql_parser_errors)

BOOST_AUTO_TEST_CASE(syntax_errors_name_line_column_expectation_and_token) {
  BOOST_TEST(error_of("PREFIX : <http://e/>\nSELECT * {\n  ?s :p ?o . FILTR(?o) }") ==
             "q.rq:3:14: expected '}' or a triple pattern, found 'FILTR'");
  BOOST_TEST(error_of("SELECT * { ?s ?p ?o ?x }") ==
             "q.rq:1:21: expected '.', '}' or a graph pattern, found '?x'");
  BOOST_TEST(error_of("SELECT ?x WHERE { ?x ?p ?o ") ==
             "q.rq:1:28: expected '.', '}' or a graph pattern, found end of query");
  BOOST_TEST(error_of("SELECT * {} LIMIT -1") ==
             "q.rq:1:19: expected a non-negative integer, found '-1'");
  BOOST_TEST(error_of("SELECT (?x + 1) {}") == "q.rq:1:15: expected AS, found ')'");
  BOOST_TEST(error_of("INSERT DATA { <a> <b> <c> }") ==
             "q.rq:1:1: expected SELECT, CONSTRUCT, DESCRIBE or ASK, found 'INSERT'");
  BOOST_TEST(error_of("ASK {} extra") == "q.rq:1:8: expected end of query, found 'extra'");
}

BOOST_AUTO_TEST_CASE(columns_count_characters_of_the_text_as_written) {
  // Two code point escapes and a two-byte character precede the error on its line.
  BOOST_TEST(error_of("SELECT * {\n ?s ?p \"\\u00e9\\u0041é\" ?x }") ==
             "q.rq:2:24: expected '.', '}' or a graph pattern, found '?x'");
}

BOOST_AUTO_TEST_CASE(a_byte_order_mark_is_skipped) {
  BOOST_TEST(error_of("\xEF\xBB\xBF"
                      "ASK { ?s }") == "q.rq:1:10: expected a predicate, found '}'");
}

BOOST_AUTO_TEST_CASE(lexical_errors) {
  BOOST_TEST(error_of("ASK { ?s ?p \"abc\n\" }") ==
             "q.rq:1:17: line break in a string (use \"\"\" for long strings)");
  BOOST_TEST(error_of("ASK { ?s ?p \"a\\qb\" }") == "q.rq:1:15: invalid escape '\\q'");
  BOOST_TEST(error_of("ASK { ?s ?p 'open }") == "q.rq:1:13: unterminated string");
  BOOST_TEST(error_of("ASK { ?s ?p ?o } # fine\n&") == "q.rq:2:1: unexpected character '&'");
  BOOST_TEST(error_of("ASK { ?s ?p \"\\uD800\" }") ==
             "q.rq:1:14: the escape '\\uD800' names no Unicode character");
  BOOST_TEST(error_of("PREFIX : <http://e/> ASK { :a :b :c\\:z }") ==
             "q.rq:1:36: invalid escape in a prefixed name");
  BOOST_TEST(error_of("PREFIX : <http://e/> ASK { :a :b :c%2 }") ==
             "q.rq:1:36: expected two hex digits after '%' in a prefixed name");
  BOOST_TEST(error_of("ASK { ?s ?p $ }") == "q.rq:1:13: expected a variable name after '$'");
}

BOOST_AUTO_TEST_CASE(escape_output_is_not_unescaped_again) {
  // \u005c is a backslash; what follows it must not form a second escape (§19.2).
  BOOST_TEST(error_of("ASK { ?s ?p \\u005cU00000031 }") == "q.rq:1:13: unexpected character '\\'");
}

BOOST_AUTO_TEST_CASE(undefined_prefixes_and_bad_declarations) {
  BOOST_TEST(error_of("ASK { ex:a ?p ?o }") == "q.rq:1:7: undefined prefix 'ex:'");
  BOOST_TEST(error_of("PREFIX ex:a: <http://e/> ASK {}") ==
             "q.rq:1:8: expected a prefix name ending in ':', found 'ex:a:'");
}

BOOST_AUTO_TEST_CASE(blank_node_labels_belong_to_one_basic_graph_pattern) {
  BOOST_TEST(error_of("ASK { _:a ?p ?v OPTIONAL { ?s ?p ?v } _:a ?q 1 }") ==
             "q.rq:1:39: blank node label '_:a' is used in more than one basic graph pattern");
  BOOST_TEST(error_of("ASK { _:a ?p ?v { _:a ?q 1 } }") ==
             "q.rq:1:19: blank node label '_:a' is used in more than one basic graph pattern");
  // A FILTER, even one with EXISTS, does not end the basic graph pattern.
  BOOST_TEST(error_of("ASK { _:a ?p ?v FILTER EXISTS { ?v ?p 1 } _:a ?q 1 }").empty());
  // The template of a CONSTRUCT has labels of its own.
  BOOST_TEST(error_of("CONSTRUCT { _:a ?p ?v } WHERE { _:a ?p ?v }").empty());
}

BOOST_AUTO_TEST_CASE(blank_nodes_are_not_predicates_nor_expressions) {
  BOOST_TEST(error_of("ASK { ?s [] ?o }") == "q.rq:1:10: expected a predicate, found '['");
  BOOST_TEST(error_of("ASK { ?s ?p _:x FILTER(_:x) }") ==
             "q.rq:1:24: expected an expression, found '_:x'");
}

BOOST_AUTO_TEST_CASE(variables_may_not_be_bound_twice) {
  BOOST_TEST(error_of("SELECT * { ?s ?p ?o BIND(1 AS ?o) }") ==
             "q.rq:1:31: ?o is already in scope here; BIND cannot bind it again");
  BOOST_TEST(error_of("SELECT * { { ?s ?p ?o } BIND(1 AS ?o) }") ==
             "q.rq:1:35: ?o is already in scope here; BIND cannot bind it again");
  BOOST_TEST(error_of("SELECT * { ?s ?p ?o FILTER(?z) BIND(1 AS ?z) }").empty());
  BOOST_TEST(error_of("SELECT (1 AS ?o) { ?s ?p ?o }") ==
             "q.rq:1:14: ?o is already bound here; SELECT ... AS cannot bind it again");
  BOOST_TEST(error_of("SELECT (1 AS ?x) (2 AS ?x) {}") ==
             "q.rq:1:24: ?x is already bound here; SELECT ... AS cannot bind it again");
  BOOST_TEST(error_of("SELECT ?k (COUNT(*) AS ?n) { ?s ?p ?k } GROUP BY (?s AS ?k)") ==
             "q.rq:1:57: ?k is already bound here; GROUP BY ... AS cannot bind it");
}

BOOST_AUTO_TEST_CASE(aggregate_queries_project_only_groups_and_aggregates) {
  BOOST_TEST(error_of("SELECT * { ?s ?p ?o } GROUP BY ?s") ==
             "q.rq:1:8: SELECT * is not allowed with GROUP BY or aggregates");
  BOOST_TEST(error_of("SELECT ?o { ?s ?p ?o } GROUP BY ?s") ==
             "q.rq:1:8: ?o is neither grouped (GROUP BY) nor inside an aggregate");
  BOOST_TEST(error_of("SELECT ?p (COUNT(?o) AS ?n) { ?s ?p ?o }") ==
             "q.rq:1:8: ?p is neither grouped (GROUP BY) nor inside an aggregate");
  BOOST_TEST(error_of("SELECT ((?o + 1) AS ?x) { ?s ?p ?o } GROUP BY (?o + 1)") ==
             "q.rq:1:21: ?o is neither grouped (GROUP BY) nor inside an aggregate");
  // Earlier SELECT expressions may be used by later ones.
  BOOST_TEST(error_of("SELECT (SUM(?o) AS ?t) (?t * 2 AS ?d) { ?s ?p ?o } GROUP BY ?s").empty());
}

BOOST_AUTO_TEST_CASE(aggregates_only_where_the_grammar_allows_them) {
  BOOST_TEST(error_of("SELECT * { ?s ?p ?o FILTER(COUNT(?o) > 1) }") ==
             "q.rq:1:28: COUNT is not allowed here; aggregates may only appear in SELECT, HAVING "
             "and ORDER BY");
  BOOST_TEST(error_of("SELECT (SUM(MAX(?x)) AS ?y) {}") ==
             "q.rq:1:13: aggregates cannot be nested");
  BOOST_TEST(error_of("SELECT (COUNT(*) AS ?n) {} GROUP BY (COUNT(?x))") ==
             "q.rq:1:38: COUNT is not allowed here; aggregates may only appear in SELECT, HAVING "
             "and ORDER BY");
  BOOST_TEST(error_of("SELECT (SUM(?x, ?y) AS ?s) {}") == "q.rq:1:15: expected ')', found ','");
  BOOST_TEST(error_of("SELECT (<http://f>(DISTINCT ?x) AS ?s) {}") ==
             "q.rq:1:20: DISTINCT is only allowed in aggregates");
}

BOOST_AUTO_TEST_CASE(built_in_arity_is_checked) {
  BOOST_TEST(error_of("ASK { FILTER(STRLEN(?x, 1)) }") ==
             "q.rq:1:14: STRLEN takes 1 argument, not 2");
  BOOST_TEST(error_of("ASK { FILTER(REGEX(?x)) }") ==
             "q.rq:1:14: REGEX takes 2 to 3 arguments, not 1");
  BOOST_TEST(error_of("ASK { FILTER(BOUND(1)) }") == "q.rq:1:20: expected a variable, found '1'");
  BOOST_TEST(error_of("ASK { FILTER(NOW() && RAND() && BNODE() && BNODE(?x)) }").empty());
}

BOOST_AUTO_TEST_CASE(values_rows_must_match_the_variables) {
  BOOST_TEST(error_of("SELECT * { VALUES (?a ?b) { (1) } }") ==
             "q.rq:1:29: this VALUES row has 1 value for 2 variables");
  BOOST_TEST(error_of("SELECT * {} VALUES (?a) { (1 2) }") ==
             "q.rq:1:27: this VALUES row has 2 values for 1 variables");
  BOOST_TEST(error_of("SELECT * { VALUES ?a { ?b } }") ==
             "q.rq:1:24: expected an IRI, a literal or UNDEF, found '?b'");
}

BOOST_AUTO_TEST_CASE(construct_where_allows_only_triples) {
  BOOST_TEST(error_of("CONSTRUCT WHERE { ?s ?p ?o FILTER(?o) }") ==
             "q.rq:1:28: expected '}', found 'FILTER'");
  BOOST_TEST(error_of("CONSTRUCT WHERE { ?s ?p/?q ?o }") ==
             "q.rq:1:24: expected a variable or an RDF term, found '/'");
}

BOOST_AUTO_TEST_CASE(nesting_is_bounded_so_that_tree_walks_cannot_exhaust_the_stack) {
  std::string deep =
      "ASK { FILTER(" + std::string(5000, '(') + "1" + std::string(5000, ')') + ") }";
  BOOST_TEST(error_of(deep) == "q.rq:1:263: expressions or patterns are nested too deeply here");
  std::string long_chain = "ASK { FILTER(1";
  for (int i = 0; i < 5000; ++i)
    long_chain += " || 1";
  BOOST_TEST(error_of(long_chain + ") }").find("nested too deeply") != std::string::npos);
  // Just below the bound, the tree is built, printed, copied and destroyed.
  std::string chain = "ASK { FILTER(1";
  for (int i = 0; i < 900; ++i)
    chain += " + 1";
  Query query = parse_query(chain + ") }");
  OpPtr copy = clone(*query.pattern);
  BOOST_TEST(to_sse(*copy, query).size() > 900 * 4);
}

BOOST_AUTO_TEST_CASE(strings_numbers_and_names_are_read_as_the_grammar_says) {
  const std::string xsd = "http://www.w3.org/2001/XMLSchema#";
  BOOST_TEST(object_of_first_triple("ASK { ?s ?p 'it\\'s' }") == "it's|" + xsd + "string");
  BOOST_TEST(object_of_first_triple("ASK { ?s ?p \"\"\"a\"\"b\n\"\"\" }") ==
             "a\"\"b\n|" + xsd + "string");
  BOOST_TEST(object_of_first_triple("ASK { ?s ?p \"\\t\\\"\\\\\\u00E9\\U0001F600\" }") ==
             "\t\"\\\u00e9\U0001F600|" + xsd + "string");
  BOOST_TEST(object_of_first_triple("ASK { ?s ?p \"x\"@en-GB }") ==
             "x@en-gb|http://www.w3.org/1999/02/22-rdf-syntax-ns#langString");
  BOOST_TEST(object_of_first_triple("ASK { ?s ?p 1.e5 }") == "1.e5|" + xsd + "double");
  BOOST_TEST(object_of_first_triple("ASK { ?s ?p .5 }") == ".5|" + xsd + "decimal");
  BOOST_TEST(object_of_first_triple("ASK { ?s ?p +7 }") == "+7|" + xsd + "integer");
  BOOST_TEST(object_of_first_triple("ASK { ?s ?p 7. }") == "7|" + xsd + "integer");
  BOOST_TEST(object_of_first_triple("ASK { ?s ?p FALSE }") == "false|" + xsd + "boolean");
  BOOST_TEST(object_of_first_triple("PREFIX e: <http://e/> ASK { ?s ?p e:a\\-b.c%20d:e. }") ==
             "http://e/a-b.c%20d:e|");
  BOOST_TEST(object_of_first_triple("PREFIX e: <http://e/> ASK { ?s ?p e:123 }") ==
             "http://e/123|");
}

BOOST_AUTO_TEST_CASE(iri_references_resolve_as_rfc_3986_section_5_4_says) {
  const std::string base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> examples[] = {
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"", "http://a/b/c/d;p?q"},
      {"../g", "http://a/b/g"},
      {"../../g", "http://a/g"},
      {"../../../g", "http://a/g"},
      {".", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"/./g", "http://a/g"},
      {"g#s/../x", "http://a/b/c/g#s/../x"},
      {"urn:x:y", "urn:x:y"},
  };
  for (const auto& [reference, target] : examples)
    BOOST_TEST(resolve_iri(base, reference) == target, "reference '" << reference << "'");
  BOOST_TEST(resolve_iri("", "rel") == "rel");
  BOOST_TEST(resolve_iri("file:///w/q.rq", "data.ttl") == "file:///w/data.ttl");
  BOOST_TEST(has_iri_scheme("http://x"));
  BOOST_TEST(!has_iri_scheme("a/b:c"));
}

BOOST_AUTO_TEST_SUITE_END()
