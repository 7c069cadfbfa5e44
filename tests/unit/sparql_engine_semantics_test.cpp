// SPARQL 1.1 §18 semantics of the evaluator's operators, each checked with the optimiser on
// and off (EngineFixture::query throws when the two disagree).
#include <boost/test/unit_test.hpp>

#include "sparql_engine_support.hpp"
#include "util/error.hpp"

using kg::test::EngineFixture;
using kg::test::Rows;

BOOST_AUTO_TEST_SUITE(sparql_engine_semantics)

BOOST_AUTO_TEST_CASE(join_on_a_variable_bound_in_some_rows_only) {
  EngineFixture f;
  f.load(":a :p 1 ; :q \"x\" . :b :p 2 .");
  // ?v is unbound for :b, so that row is compatible with both VALUES rows.
  Rows rows = f.query(
      "SELECT ?s ?v WHERE { { ?s :p ?o OPTIONAL { ?s :q ?v } } VALUES ?v { \"x\" \"y\" } }");
  BOOST_TEST(rows == (Rows{"s=<http://ex/a> v=\"x\"", "s=<http://ex/b> v=\"x\"",
                           "s=<http://ex/b> v=\"y\""}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(optional_filter_sees_the_left_row) {
  EngineFixture f;
  f.load(":a :p 1 ; :q \"qa\" . :b :p 2 ; :q \"qb\" .");
  Rows rows = f.query("SELECT ?s ?o WHERE { ?s :p ?v OPTIONAL { ?s :q ?o FILTER(?v = 1) } }");
  BOOST_TEST(rows == (Rows{"s=<http://ex/a> o=\"qa\"", "s=<http://ex/b>"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(optional_filter_does_not_see_variables_bound_later_in_the_group) {
  EngineFixture f;
  f.load(":a :p 1 ; :q \"qa\" ; :r \"x\" .");
  // The LeftJoin is evaluated before ?w is joined in: its filter finds ?w unbound.
  Rows rows = f.query(
      "SELECT ?s ?o ?w WHERE { ?s :p ?v OPTIONAL { ?s :q ?o FILTER(?w = \"x\") } ?s :r ?w }");
  BOOST_TEST(rows == (Rows{"s=<http://ex/a> w=\"x\""}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(filter_in_a_nested_group_does_not_see_the_outer_group) {
  EngineFixture f;
  f.load(":a :p 1 ; :q 2 .");
  Rows rows = f.query("SELECT ?s WHERE { ?s :q ?w { ?s :p ?v FILTER(bound(?w)) } }");
  BOOST_TEST(rows.empty());
}

BOOST_AUTO_TEST_CASE(minus_without_shared_variables_removes_nothing) {
  EngineFixture f;
  f.load(":a :p 1 ; :q \"x\" . :b :p 2 .");
  BOOST_TEST(f.query("SELECT ?s WHERE { ?s :p ?o MINUS { ?x :q ?y } }").size() == 2u);
  Rows rows = f.query("SELECT ?s WHERE { ?s :p ?o MINUS { ?s :q \"x\" } }");
  BOOST_TEST(rows == (Rows{"s=<http://ex/b>"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(minus_with_a_shared_variable_unbound_on_the_right_keeps_the_row) {
  EngineFixture f;
  f.load(":a :p 1 . :b :p 2 . :c :r 3 .");
  // The right rows bind ?s only where :q exists; the one binding ?o alone shares ?o.
  Rows rows = f.query("SELECT ?s WHERE { ?s :p ?o MINUS { { ?z :r ?o } UNION { ?s :q ?o } } }");
  BOOST_TEST(rows == (Rows{"s=<http://ex/a>", "s=<http://ex/b>"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(aggregate_without_group_by_gives_one_row_over_no_input) {
  EngineFixture f;
  f.load(":a :p 1 .");
  Rows rows = f.query("SELECT (COUNT(*) AS ?c) (SUM(?o) AS ?s) WHERE { ?x :nothing ?o }");
  BOOST_TEST(rows == (Rows{"c=\"0\"^^<http://www.w3.org/2001/XMLSchema#integer> "
                           "s=\"0\"^^<http://www.w3.org/2001/XMLSchema#integer>"}),
             boost::test_tools::per_element());
  BOOST_TEST(f.query("SELECT ?x (COUNT(*) AS ?c) WHERE { ?x :nothing ?o } GROUP BY ?x").empty());
}

BOOST_AUTO_TEST_CASE(count_distinct_star_counts_distinct_solutions) {
  EngineFixture f;
  f.load(":a :p 1 , 2 . :b :p 1 .");
  Rows rows =
      f.query("SELECT (COUNT(DISTINCT *) AS ?n) (COUNT(DISTINCT ?o) AS ?d) WHERE { ?s :p ?o }");
  BOOST_TEST(rows == (Rows{"n=\"3\"^^<http://www.w3.org/2001/XMLSchema#integer> "
                           "d=\"2\"^^<http://www.w3.org/2001/XMLSchema#integer>"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(closures_visit_each_node_once_and_end_on_cycles) {
  EngineFixture f;
  f.load(":a :next :b . :b :next :c . :c :next :a . :c :label \"c\" .");
  BOOST_TEST(f.query("SELECT ?x WHERE { :a :next* ?x }") ==
                 (Rows{"x=<http://ex/a>", "x=<http://ex/b>", "x=<http://ex/c>"}),
             boost::test_tools::per_element());
  BOOST_TEST(f.query("SELECT ?x WHERE { :a :next+ ?x }").size() == 3u);
  BOOST_TEST(f.query("SELECT ?x WHERE { ?x :next+ :a }").size() == 3u);
  // Sequences and alternatives keep every route.
  BOOST_TEST(f.query("SELECT ?x WHERE { :a (:next|:next) ?x }") ==
                 (Rows{"x=<http://ex/b>", "x=<http://ex/b>"}),
             boost::test_tools::per_element());
  BOOST_TEST(f.query("SELECT ?x WHERE { :a :next/:next/:next ?x }") == (Rows{"x=<http://ex/a>"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(zero_length_paths) {
  EngineFixture f;
  f.load(":a :next :b . :b :label \"b\" .");
  // A constant start matches itself even when the graph does not mention it.
  BOOST_TEST(f.query("SELECT ?x WHERE { :zzz :next* ?x }") == (Rows{"x=<http://ex/zzz>"}),
             boost::test_tools::per_element());
  BOOST_TEST(f.query("ASK { :zzz :next? :zzz }") == (Rows{"true"}));
  // With both ends free, every subject and object of the graph reaches itself.
  Rows pairs = f.query("SELECT ?x ?y WHERE { ?x :next* ?y }");
  BOOST_TEST(pairs.size() == 4u);  // a-a, b-b, "b"-"b", a-b
  BOOST_TEST(f.query("SELECT ?x WHERE { ?x :next? ?x }").size() == 3u);
}

BOOST_AUTO_TEST_CASE(negated_property_sets) {
  EngineFixture f;
  f.load(":a :p :b ; :q :c . :d :p :a .");
  BOOST_TEST(f.query("SELECT ?x WHERE { :a !:p ?x }") == (Rows{"x=<http://ex/c>"}),
             boost::test_tools::per_element());
  BOOST_TEST(f.query("SELECT ?x WHERE { :a !(^:q) ?x }") == (Rows{"x=<http://ex/d>"}),
             boost::test_tools::per_element());
  BOOST_TEST(f.query("SELECT ?x WHERE { :a !(:q|^:q) ?x }") ==
                 (Rows{"x=<http://ex/b>", "x=<http://ex/d>"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sub_select_variables_not_projected_stay_inside) {
  EngineFixture f;
  f.load(":a :p 1 ; :q 2 .");
  // The inner ?o (2) is not projected, so it neither joins with nor leaks into the outer ?o.
  Rows rows = f.query("SELECT ?s ?o WHERE { ?s :p ?o { SELECT ?s WHERE { ?s :q ?o } } }");
  BOOST_TEST(rows == (Rows{"s=<http://ex/a> o=\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(exists_substitutes_the_current_solution) {
  EngineFixture f;
  f.load(":a :p 1 ; :q 1 . :b :p 2 ; :q 3 .");
  BOOST_TEST(f.query("SELECT ?s WHERE { ?s :p ?o FILTER EXISTS { ?s :q ?o } }") ==
                 (Rows{"s=<http://ex/a>"}),
             boost::test_tools::per_element());
  // A filter inside NOT EXISTS sees the outer ?o through substitution.
  BOOST_TEST(
      f.query("SELECT ?s WHERE { ?s :p ?o FILTER NOT EXISTS { ?x :q ?y FILTER(?y = ?o) } }") ==
          (Rows{"s=<http://ex/b>"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(construct_makes_fresh_blank_nodes_per_solution) {
  EngineFixture f;
  f.load(":a :p 1 . :b :p 2 .");
  kg::test::RenderingHandler handler;
  sparql::Query query = f.parse("CONSTRUCT { ?s :has _:n . _:n :value ?o } WHERE { ?s :p ?o }");
  sparql::execute(query, f.dataset, handler);
  BOOST_TEST_REQUIRE(handler.lines.size() == 4u);
  std::map<std::string, std::string> owner_of;  // blank node -> subject having it
  for (const std::string& line : handler.lines) {
    if (line.find("<http://ex/has>") == std::string::npos) continue;
    std::string blank = line.substr(line.rfind(' ') + 1);
    owner_of[blank] = line.substr(0, line.find(' '));
  }
  BOOST_TEST(owner_of.size() == 2u);  // one fresh node per solution
  for (const std::string& line : handler.lines) {
    if (line.find("<http://ex/value>") == std::string::npos) continue;
    // Within a solution the template's _:n is one node: the one ?s has.
    BOOST_TEST(owner_of.count(line.substr(0, line.find(' '))) == 1u);
  }
}

BOOST_AUTO_TEST_CASE(construct_skips_ill_formed_triples_and_duplicates) {
  EngineFixture f;
  f.load(":a :p \"lit\" . :b :p \"lit\" .");
  Rows triples = f.query("CONSTRUCT { ?o :q ?s . :c :r ?o . :c :r ?unbound } WHERE { ?s :p ?o }");
  BOOST_TEST(triples == (Rows{"<http://ex/c> <http://ex/r> \"lit\""}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(describe_gives_the_concise_bounded_description) {
  EngineFixture f;
  f.load(":a :p [ :q :b ; :r [ :s 1 ] ] ; :t :c . :b :u :d . :x :p :a .");
  Rows triples = f.query("DESCRIBE :a");
  BOOST_TEST(triples.size() == 5u);  // :a's two, the blank's two, the inner blank's one
  for (const std::string& triple : triples)
    BOOST_TEST(triple.find("<http://ex/u>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(bind_error_leaves_the_variable_unbound) {
  EngineFixture f;
  f.load(":a :p \"abc\" . :b :p \"12\" .");
  Rows rows = f.query("SELECT ?s ?n WHERE { ?s :p ?o BIND(xsd:integer(?o) AS ?n) }");
  BOOST_TEST(rows == (Rows{"s=<http://ex/a>",
                           "s=<http://ex/b> n=\"12\"^^<http://www.w3.org/2001/XMLSchema#integer>"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(in_and_not_in_propagate_errors_unless_a_match_decides) {
  EngineFixture f;
  f.load(":a :p 1 . :b :p 2 .");
  BOOST_TEST(f.query("SELECT ?s WHERE { ?s :p ?o FILTER(?o IN (1, ?unbound)) }") ==
                 (Rows{"s=<http://ex/a>"}),
             boost::test_tools::per_element());
  BOOST_TEST(f.query("SELECT ?s WHERE { ?s :p ?o FILTER(?o NOT IN (1, ?unbound)) }").empty());
  BOOST_TEST(
      f.query("SELECT ?s WHERE { ?s :p ?o FILTER(?o NOT IN (1)) }") == (Rows{"s=<http://ex/b>"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(logical_operators_use_three_valued_logic) {
  EngineFixture f;
  f.load(":a :p 1 .");
  BOOST_TEST(f.query("SELECT ?s WHERE { ?s :p ?o FILTER(?unbound || true) }").size() == 1u);
  BOOST_TEST(f.query("SELECT ?s WHERE { ?s :p ?o FILTER(?unbound && false) }").empty());
  BOOST_TEST(f.query("SELECT ?s WHERE { ?s :p ?o FILTER(!(?unbound && false)) }").size() == 1u);
  BOOST_TEST(f.query("SELECT ?s WHERE { ?s :p ?o FILTER(!(?unbound || false)) }").empty());
  BOOST_TEST(f.query("SELECT ?s WHERE { ?s :p ?o FILTER(COALESCE(?unbound, ?o) = 1) }").size() ==
             1u);
  BOOST_TEST(f.query("SELECT ?s WHERE { ?s :p ?o FILTER(IF(?unbound, true, true)) }").empty());
}

BOOST_AUTO_TEST_CASE(graph_ranges_over_named_graphs_only) {
  EngineFixture f;
  f.load(":a :p 1 .");
  f.load(":b :p 2 .", "http://ex/g1");
  f.load(":c :p 3 .", "http://ex/g2");
  BOOST_TEST(f.query("SELECT ?g ?s WHERE { GRAPH ?g { ?s :p ?o } }") ==
                 (Rows{"g=<http://ex/g1> s=<http://ex/b>", "g=<http://ex/g2> s=<http://ex/c>"}),
             boost::test_tools::per_element());
  BOOST_TEST(f.query("SELECT ?s WHERE { GRAPH :g2 { ?s :p ?o } }") == (Rows{"s=<http://ex/c>"}),
             boost::test_tools::per_element());
  BOOST_TEST(f.query("SELECT ?s WHERE { ?s :p ?o }") == (Rows{"s=<http://ex/a>"}),
             boost::test_tools::per_element());
  // ?g bound before the GRAPH pattern restricts it to that graph.
  BOOST_TEST(f.query("SELECT ?s WHERE { VALUES ?g { :g1 :nope } GRAPH ?g { ?s :p ?o } }") ==
                 (Rows{"s=<http://ex/b>"}),
             boost::test_tools::per_element());
  BOOST_TEST(f.query("SELECT ?g WHERE { GRAPH ?g { } }").size() == 2u);
}

BOOST_AUTO_TEST_CASE(values_undef_matches_anything) {
  EngineFixture f;
  f.load(":a :p 1 . :b :p 2 .");
  Rows rows = f.query("SELECT ?s WHERE { ?s :p ?o VALUES (?s ?o) { (:a UNDEF) (UNDEF 2) } }");
  BOOST_TEST(rows == (Rows{"s=<http://ex/a>", "s=<http://ex/b>"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(service_uses_local_services_or_is_silent) {
  EngineFixture f;
  f.load(":a :p 1 .");
  sparql::ExecOptions options;
  options.services["http://local/svc"] = [](const sparql::Op&, const sparql::Query& query,
                                            const sparql::Dataset& dataset) {
    std::vector<std::vector<rdf::NodeRef>> rows(1,
                                                std::vector<rdf::NodeRef>(query.variables.size()));
    for (size_t i = 0; i < query.variables.size(); ++i)
      if (query.variables[i].name == "x") rows[0][i] = dataset.store->world().iri("http://ex/svc");
    return rows;
  };
  BOOST_TEST(f.query("SELECT ?x ?s WHERE { ?s :p ?o SERVICE <http://local/svc> { ?x ?y ?z } }",
                     options) == (Rows{"x=<http://ex/svc> s=<http://ex/a>"}),
             boost::test_tools::per_element());
  BOOST_TEST(
      f.query("SELECT ?s WHERE { ?s :p ?o SERVICE SILENT <http://remote/> { ?x ?y ?z } }").size() ==
      1u);
  BOOST_CHECK_THROW(f.query("SELECT ?s WHERE { SERVICE <http://remote/> { ?x ?y ?z } }"),
                    kg::Error);
}

BOOST_AUTO_TEST_CASE(limit_stops_a_huge_product_early) {
  EngineFixture f;
  std::string turtle;
  for (int i = 0; i < 400; ++i)
    turtle += ":s" + std::to_string(i) + " :p " + std::to_string(i) + " .\n";
  f.load(turtle);
  // 400^3 = 64 million solutions if materialised; streaming stops after the first.
  Rows rows = f.query("SELECT * WHERE { ?a :p ?b . ?c :p ?d . ?e :p ?g } LIMIT 1");
  BOOST_TEST(rows.size() == 1u);
}

BOOST_AUTO_TEST_CASE(order_by_with_limit_matches_a_full_sort) {
  EngineFixture f;
  std::string turtle;
  for (int i = 0; i < 50; ++i)
    turtle += ":s" + std::to_string(i) + " :p " + std::to_string((i * 37) % 11) + " .\n";
  f.load(turtle);
  sparql::Query query = f.parse("SELECT ?s ?o WHERE { ?s :p ?o } ORDER BY DESC(?o) ?s LIMIT 7");
  kg::test::RenderingHandler top, full;
  sparql::execute(query, f.dataset, top);
  sparql::execute(f.parse("SELECT ?s ?o WHERE { ?s :p ?o } ORDER BY DESC(?o) ?s"), f.dataset, full);
  BOOST_TEST_REQUIRE(top.lines.size() == 7u);
  for (size_t i = 0; i < 7; ++i)
    BOOST_TEST(top.lines[i] == full.lines[i]);
}

BOOST_AUTO_TEST_CASE(ask_and_bnode_per_solution) {
  EngineFixture f;
  f.load(":a :p 1 . :b :p 2 .");
  BOOST_TEST(f.query("ASK { ?s :p 2 }") == (Rows{"true"}));
  BOOST_TEST(f.query("ASK { ?s :p 3 }") == (Rows{"false"}));
  // BNODE(str) is one node within a solution and differs across solutions.
  sparql::Query query = f.parse(
      "SELECT ?s ?b1 ?b2 WHERE { ?s :p ?o BIND(BNODE(\"k\") AS ?b1) BIND(BNODE(\"k\") AS ?b2) }");
  kg::test::RenderingHandler handler;
  sparql::execute(query, f.dataset, handler);
  BOOST_TEST_REQUIRE(handler.lines.size() == 2u);
  std::vector<std::string> first_blanks;
  for (const std::string& line : handler.lines) {
    std::string b1 = line.substr(line.find("b1=") + 3, line.find(" b2=") - line.find("b1=") - 3);
    std::string b2 = line.substr(line.find("b2=") + 3);
    BOOST_TEST(b1 == b2);
    first_blanks.push_back(b1);
  }
  BOOST_TEST(first_blanks[0] != first_blanks[1]);
}

BOOST_AUTO_TEST_SUITE_END()
