// The algebra the parser produces for representative queries, as SSE. Each expected string
// was worked out by hand from the translation rules of SPARQL 1.1 §18.2.
#include <boost/test/unit_test.hpp>

#include "rdf/vocabulary.hpp"
#include "sparql/sparql.hpp"

using namespace kg::sparql;

namespace {

std::string sse(std::string_view text) {
  return to_sse(parse_query(text));
}

std::vector<std::string> names(const Query& query, const std::vector<Variable>& variables) {
  std::vector<std::string> out;
  for (Variable variable : variables)
    out.push_back(query.name(variable));
  return out;
}

const std::string kEx = "PREFIX ex: <http://ex/> ";

}  // namespace

BOOST_AUTO_TEST_SUITE(sparql_parser)

BOOST_AUTO_TEST_CASE(filter_applies_to_the_group_it_is_in) {
  BOOST_TEST(sse(kEx + "SELECT ?s ?o WHERE { ?s ex:p ?o FILTER(?o > 3) }") ==
             "(project (?s ?o)\n"
             "  (filter (> ?o 3)\n"
             "    (bgp (triple ?s ex:p ?o))))");
}

BOOST_AUTO_TEST_CASE(triples_on_both_sides_of_a_filter_form_one_bgp) {
  BOOST_TEST(sse(kEx + "SELECT * { ?s ex:p ?o . FILTER(bound(?z)) ?o ex:q ?z }") ==
             "(project (?s ?o ?z)\n"
             "  (filter (bound ?z)\n"
             "    (bgp\n"
             "      (triple ?s ex:p ?o)\n"
             "      (triple ?o ex:q ?z))))");
}

BOOST_AUTO_TEST_CASE(optional_filter_becomes_the_left_join_condition) {
  BOOST_TEST(sse(kEx + "SELECT * { ?s ex:p ?o OPTIONAL { ?s ex:q ?q FILTER(?q != ?o) } }") ==
             "(project (?s ?o ?q)\n"
             "  (leftjoin\n"
             "    (bgp (triple ?s ex:p ?o))\n"
             "    (bgp (triple ?s ex:q ?q))\n"
             "    (!= ?q ?o)))");
}

BOOST_AUTO_TEST_CASE(filters_of_a_group_nested_in_optional_stay_inside_it) {
  // SPARQL 1.1 does not simplify {{ P FILTER(F) }} to { P FILTER(F) } before scoping F, so F
  // cannot see ?o (W3C test dawg-optional-filter-005-not-simplified).
  BOOST_TEST(sse(kEx + "SELECT * { ?s ex:p ?o OPTIONAL { { ?s ex:q ?q FILTER(?o = 1) } } }") ==
             "(project (?s ?o ?q)\n"
             "  (leftjoin\n"
             "    (bgp (triple ?s ex:p ?o))\n"
             "    (filter (= ?o 1)\n"
             "      (bgp (triple ?s ex:q ?q)))))");
}

BOOST_AUTO_TEST_CASE(union_minus_bind_and_graph_compose_left_to_right) {
  BOOST_TEST(sse(kEx + "SELECT ?s ?n { { ?s ex:a ?x } UNION { ?s ex:b ?x } MINUS { ?s ex:c ?x } "
                       "BIND(?x + 1 AS ?n) GRAPH ?g { ?s ex:d ?n } }") ==
             "(project (?s ?n)\n"
             "  (join\n"
             "    (extend ((?n (+ ?x 1)))\n"
             "      (minus\n"
             "        (union\n"
             "          (bgp (triple ?s ex:a ?x))\n"
             "          (bgp (triple ?s ex:b ?x)))\n"
             "        (bgp (triple ?s ex:c ?x))))\n"
             "    (graph ?g\n"
             "      (bgp (triple ?s ex:d ?n)))))");
}

BOOST_AUTO_TEST_CASE(empty_groups_vanish_from_joins_but_not_from_optional) {
  BOOST_TEST(sse("SELECT * { {} ?s ?p ?o {} }") ==
             "(project (?s ?p ?o)\n"
             "  (bgp (triple ?s ?p ?o)))");
  BOOST_TEST(sse("SELECT * { OPTIONAL { ?s ?p ?o } }") ==
             "(project (?s ?p ?o)\n"
             "  (leftjoin\n"
             "    (bgp)\n"
             "    (bgp (triple ?s ?p ?o))))");
}

BOOST_AUTO_TEST_CASE(aggregation_binds_aggregates_to_hidden_variables) {
  // The second COUNT(?o), in HAVING, reuses the first one's variable.
  BOOST_TEST(sse(kEx + "SELECT ?s (COUNT(?o) AS ?n) (AVG(?o) * 2 AS ?a) { ?s ex:p ?o } GROUP BY ?s "
                       "HAVING (COUNT(?o) > 1) ORDER BY DESC(?n) LIMIT 10 OFFSET 5") ==
             "(slice 5 10\n"
             "  (project (?s ?n ?a)\n"
             "    (order ((desc ?n))\n"
             "      (extend ((?a (* ?.1 2)))\n"
             "        (extend ((?n ?.0))\n"
             "          (filter (> ?.0 1)\n"
             "            (group (?s) ((?.0 (count ?o)) (?.1 (avg ?o)))\n"
             "              (bgp (triple ?s ex:p ?o)))))))))");
}

BOOST_AUTO_TEST_CASE(aggregates_without_group_by_form_one_group) {
  BOOST_TEST(sse("SELECT (COUNT(DISTINCT *) AS ?n) (GROUP_CONCAT(?x; SEPARATOR=\",\") AS ?all) "
                 "{ ?x ?p ?o }") ==
             "(project (?n ?all)\n"
             "  (extend ((?all ?.1))\n"
             "    (extend ((?n ?.0))\n"
             "      (group () ((?.0 (count distinct)) (?.1 (group_concat (separator \",\") ?x)))\n"
             "        (bgp (triple ?x ?p ?o))))))");
}

BOOST_AUTO_TEST_CASE(group_keys_may_be_expressions_with_or_without_a_name) {
  BOOST_TEST(sse("SELECT ?k (SAMPLE(?o) AS ?one) { ?s ?p ?o } GROUP BY (STR(?s) AS ?k) LANG(?o)") ==
             "(project (?k ?one)\n"
             "  (extend ((?one ?.0))\n"
             "    (group ((?k (str ?s)) (?.1 (lang ?o))) ((?.0 (sample ?o)))\n"
             "      (bgp (triple ?s ?p ?o)))))");
}

BOOST_AUTO_TEST_CASE(having_and_order_sample_variables_that_are_not_grouped) {
  // §18.2.4.1: outside an aggregate, an ungrouped variable V stands for SAMPLE(V).
  BOOST_TEST(sse("SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING (?o > 1) ORDER BY ?p") ==
             "(project (?s)\n"
             "  (order (?.1)\n"
             "    (filter (> ?.0 1)\n"
             "      (group (?s) ((?.0 (sample ?o)) (?.1 (sample ?p)))\n"
             "        (bgp (triple ?s ?p ?o))))))");
}

BOOST_AUTO_TEST_CASE(property_paths_split_into_triples_where_the_spec_says) {
  BOOST_TEST(
      sse(kEx + "SELECT * { ?a ex:p/^ex:q ?b . ?b (ex:r|ex:s)* ?c . ?c !(ex:t|^ex:u) ?d }") ==
      "(project (?a ?b ?c ?d)\n"
      "  (join\n"
      "    (join\n"
      "      (bgp\n"
      "        (triple ?a ex:p ??0)\n"
      "        (triple ?b ex:q ??0))\n"
      "      (path ?b (path* (alt ex:r ex:s)) ?c))\n"
      "    (path ?c (notoneof ex:t (reverse ex:u)) ?d)))");
}

BOOST_AUTO_TEST_CASE(path_modifiers_and_inverse_nest_as_in_the_grammar) {
  BOOST_TEST(sse(kEx + "ASK { ?a ^ex:p+/(ex:q/a)? ?b }") ==
             "(join\n"
             "  (path ?a (reverse (path+ ex:p)) ??0)\n"
             "  (path ??0 (path? (seq ex:q <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>)) "
             "?b))");
}

BOOST_AUTO_TEST_CASE(values_inline_and_trailing_and_sub_select) {
  BOOST_TEST(sse(kEx + "SELECT ?s ?m { { SELECT ?s (MAX(?v) AS ?m) { ?s ex:v ?v } GROUP BY ?s } "
                       "VALUES ?s { ex:a } } VALUES (?m) { (1) (UNDEF) }") ==
             "(project (?s ?m)\n"
             "  (join\n"
             "    (join\n"
             "      (project (?s ?m)\n"
             "        (extend ((?m ?.0))\n"
             "          (group (?s) ((?.0 (max ?v)))\n"
             "            (bgp (triple ?s ex:v ?v)))))\n"
             "      (table (vars ?s)\n"
             "        (row [?s ex:a])))\n"
             "    (table (vars ?m)\n"
             "      (row [?m 1])\n"
             "      (row))))");
}

BOOST_AUTO_TEST_CASE(blank_nodes_and_collections_become_hidden_variables) {
  Query query = parse_query(
      "PREFIX ex: <http://ex/> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
      "CONSTRUCT { ?s ex:has _:x . _:x ex:val ?o } WHERE { ?s ex:p [ ex:q ?o ] ; ex:list (1 ?o) }");
  // The template is read first, so its _:x is ??0; the pattern's blank nodes are its own.
  BOOST_TEST(to_sse(query) ==
             "(bgp\n"
             "  (triple ??1 ex:q ?o)\n"
             "  (triple ?s ex:p ??1)\n"
             "  (triple ??2 rdf:first 1)\n"
             "  (triple ??2 rdf:rest ??3)\n"
             "  (triple ??3 rdf:first ?o)\n"
             "  (triple ??3 rdf:rest rdf:nil)\n"
             "  (triple ?s ex:list ??2))");
  BOOST_TEST((query.form == QueryForm::Construct));
  BOOST_REQUIRE(query.construct_template.size() == 2u);
  const PatternTerm& blank = query.construct_template[0].object;
  BOOST_REQUIRE(blank.is_variable());
  BOOST_TEST(query.variables[blank.variable().id].hidden);
  BOOST_TEST((query.construct_template[1].subject.variable() == blank.variable()));
}

BOOST_AUTO_TEST_CASE(construct_where_gives_template_blank_nodes_their_own_variables) {
  Query query = parse_query("CONSTRUCT WHERE { ?s <http://ex/p> [] }");
  BOOST_TEST(to_sse(query) == "(bgp (triple ?s <http://ex/p> ??0))");
  BOOST_REQUIRE(query.construct_template.size() == 1u);
  BOOST_TEST((query.construct_template[0].subject.variable() ==
              query.pattern->triples[0].subject.variable()));
  BOOST_TEST(query.name(query.construct_template[0].object.variable()) == "?1");
}

BOOST_AUTO_TEST_CASE(exists_and_casts_in_filters) {
  BOOST_TEST(sse("PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT ?x { ?x ?p ?o "
                 "FILTER(xsd:integer(?o) >= -1 && NOT EXISTS { ?o ?p ?x }) }") ==
             "(project (?x)\n"
             "  (filter (&& (>= (xsd:integer ?o) -1) (notexists (bgp (triple ?o ?p ?x))))\n"
             "    (bgp (triple ?x ?p ?o))))");
}

BOOST_AUTO_TEST_CASE(signed_numbers_after_an_operand_are_additions) {
  // "?a -1" and "?a +2*3" are operator and operand (grammar rule AdditiveExpression).
  BOOST_TEST(sse("ASK { FILTER(?a -1 = ?b +2*3 && -?c < - 4) }") ==
             "(filter (&& (= (- ?a 1) (+ ?b (* 2 3))) (< (- ?c) (- 4)))\n"
             "  (bgp))");
}

BOOST_AUTO_TEST_CASE(built_ins_in_and_functional_forms) {
  BOOST_TEST(sse("ASK { FILTER(?x IN (1, 2) || ?x NOT IN () || IF(isURI(?x), REGEX(STR(?x), "
                 "\"^a\", \"i\"), COALESCE(?y, CONCAT(\"a\", \"b\")))) }") ==
             "(filter (|| (|| (in ?x 1 2) (notin ?x)) (if (isIRI ?x) (regex (str ?x) \"^a\" "
             "\"i\") (coalesce ?y (concat \"a\" \"b\"))))\n"
             "  (bgp))");
}

BOOST_AUTO_TEST_CASE(service_and_ask_and_distinct_and_reduced) {
  BOOST_TEST(sse("ASK { SERVICE SILENT <http://s/> { ?a ?b ?c } }") ==
             "(service silent <http://s/>\n"
             "  (bgp (triple ?a ?b ?c)))");
  BOOST_TEST(sse("SELECT DISTINCT ?a { ?a ?b ?c }") ==
             "(distinct\n"
             "  (project (?a)\n"
             "    (bgp (triple ?a ?b ?c))))");
  BOOST_TEST(sse("SELECT REDUCED ?a { ?a ?b ?c } OFFSET 3") ==
             "(slice 3 _\n"
             "  (reduced\n"
             "    (project (?a)\n"
             "      (bgp (triple ?a ?b ?c)))))");
}

BOOST_AUTO_TEST_CASE(literals_print_in_their_shortest_sparql_form) {
  BOOST_TEST(sse("PREFIX x: <http://x/> ASK { ?s ?p 1, -2.5, 1e3, true, \"a\\tb\"@EN, "
                 "'''q\"q'''^^x:t, \"01\"^^<http://www.w3.org/2001/XMLSchema#integer> }") ==
             "(bgp\n"
             "  (triple ?s ?p 1)\n"
             "  (triple ?s ?p -2.5)\n"
             "  (triple ?s ?p 1e3)\n"
             "  (triple ?s ?p true)\n"
             "  (triple ?s ?p \"a\\tb\"@en)\n"
             "  (triple ?s ?p \"q\\\"q\"^^x:t)\n"
             "  (triple ?s ?p 01))");
}

BOOST_AUTO_TEST_CASE(select_star_lists_visible_variables_in_text_order) {
  Query query = parse_query("SELECT * { ?b ^<http://e/p> ?a . _:x <http://e/q> ?c }");
  BOOST_TEST(names(query, query.projection) == (std::vector<std::string>{"b", "a", "c"}));
  Query describe = parse_query("DESCRIBE * { ?z ?y [] }");
  BOOST_TEST(names(describe, describe.projection) == (std::vector<std::string>{"z", "y"}));
  BOOST_TEST(describe.describe.empty());
}

BOOST_AUTO_TEST_CASE(sub_select_shares_variables_by_name) {
  Query query =
      parse_query("SELECT ?x { ?x <http://e/p> ?y { SELECT ?y { ?y <http://e/q> ?z } } }");
  const Op& join = *query.pattern->children[0];
  BOOST_REQUIRE(join.kind == Op::Kind::Join);
  const Op& inner = *join.children[1];
  BOOST_REQUIRE(inner.kind == Op::Kind::Project);
  BOOST_TEST(inner.projection.size() == 1u);
  BOOST_TEST((inner.projection[0] == join.children[0]->triples[0].object.variable()));
  BOOST_TEST(names(query, query.projection) == (std::vector<std::string>{"x"}));
}

BOOST_AUTO_TEST_CASE(prologue_resolves_relative_iris_and_fills_the_dataset) {
  kg::sparql::ParseOptions options;
  options.base_iri = "http://example.org/queries/q.rq";
  Query query = parse_query(
      "PREFIX d: <data/> SELECT * FROM <g1.ttl> FROM NAMED d:g2 { ?s <p> ?o } ", options);
  BOOST_TEST(query.from == (std::vector<std::string>{"http://example.org/queries/g1.ttl"}));
  BOOST_TEST(query.from_named == (std::vector<std::string>{"http://example.org/queries/data/g2"}));
  BOOST_TEST(query.pattern->children[0]->triples[0].predicate.term().value ==
             "http://example.org/queries/p");
  Query rebased = parse_query("BASE <http://a/b/> BASE <c/> ASK { <../d> ?p ?o }");
  BOOST_TEST(rebased.base_iri == "http://a/b/c/");
  BOOST_TEST(rebased.pattern->triples[0].subject.term().value == "http://a/b/d");
}

BOOST_AUTO_TEST_CASE(keywords_ignore_case_and_dollar_variables_equal_question_mark_ones) {
  Query query = parse_query("select $x WhErE { ?x a ?t } limit 1");
  BOOST_TEST(to_sse(query) ==
             "(slice _ 1\n"
             "  (project (?x)\n"
             "    (bgp (triple ?x <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ?t))))");
}

BOOST_AUTO_TEST_CASE(clone_copies_deeply) {
  Query query = parse_query(kEx + "SELECT * { ?s ex:p ?o OPTIONAL { ?o ex:q ?z FILTER(?z) } }");
  OpPtr copy = clone(*query.pattern);
  BOOST_TEST(to_sse(*copy, query) == to_sse(query));
  copy->children[0]->children[0]->triples.clear();
  BOOST_TEST(to_sse(*copy, query) != to_sse(query));
}

BOOST_AUTO_TEST_CASE(in_scope_variables_follow_section_18_2_1) {
  Query query = parse_query(
      "SELECT ?a ?e { { ?a ?b ?c MINUS { ?d ?b ?a } } BIND(1 AS ?e) "
      "{ SELECT ?f { ?f ?g ?h } } VALUES ?i { 1 } }");
  const Op& body = *query.pattern->children[0];
  BOOST_TEST(names(query, in_scope_variables(body)) ==
             (std::vector<std::string>{"a", "b", "c", "e", "f", "i"}));
  BOOST_TEST(names(query, in_scope_variables(*query.pattern)) ==
             (std::vector<std::string>{"a", "e"}));
}

BOOST_AUTO_TEST_CASE(expressions_print_on_one_line) {
  Query query = parse_query("SELECT (?a + 2 * ?b AS ?c) {}");
  const Op& extend = *query.pattern->children[0];
  BOOST_REQUIRE(extend.kind == Op::Kind::Extend);
  BOOST_TEST(to_sse(extend.expr, query) == "(+ ?a (* 2 ?b))");
  BOOST_TEST(std::string(builtin_name(Builtin::EncodeForUri)) == "ENCODE_FOR_URI");
  BOOST_TEST(std::string(builtin_name(Builtin::GreaterOrEqual)) == ">=");
}

BOOST_AUTO_TEST_SUITE_END()
