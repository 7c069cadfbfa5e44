// The evaluator's fast paths (specialised LANG = and constant REGEX, the per-node filter
// verdict memo, grouping on nodes, lazily evaluated ORDER BY keys, date ranges read from the
// store's POS copy) must answer exactly as the
// general evaluation does: each query runs with the optimiser on (fast paths) and off (the
// reference), EngineFixture::query throws when they differ, and the answer is also checked.
#include <boost/test/unit_test.hpp>

#include "sparql_engine_support.hpp"

using kg::test::EngineFixture;
using kg::test::Rows;

namespace {

// Labels of every kind LANG and REGEX can meet, including an unbound ?o for :none.
constexpr const char* kLabels =
    ":en :l \"Park Ji-ho\"@en . :EN :l \"park min-ho\"@EN-gb . :ko :l \"비밀의 숲\"@ko . "
    ":ru :l \"Тайный город\"@ru . :plain :l \"park so-ho\" . :typed :l \"park\"^^:t . "
    ":num :l 7 . :iri :l :x . :none :k 1 .";

std::string count_query(const std::string& filter) {
  return "SELECT (COUNT(*) AS ?n) WHERE { ?s ?k ?v OPTIONAL { ?s :l ?o } FILTER(" + filter + ") }";
}

std::string count_of(EngineFixture& f, const std::string& filter) {
  Rows rows = f.query(count_query(filter));
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  return rows[0];
}

std::string integer(int n) {
  return "n=\"" + std::to_string(n) + "\"^^<http://www.w3.org/2001/XMLSchema#integer>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sparql_engine_fast_paths)

BOOST_AUTO_TEST_CASE(lang_equals_a_constant_keeps_its_error_semantics) {
  EngineFixture f;
  f.load(kLabels);
  BOOST_TEST(count_of(f, "LANG(?o) = \"en\"") == integer(1));
  BOOST_TEST(count_of(f, "\"en-gb\" = LANG(?o)") == integer(1));
  // Simple and typed literals have the empty tag; IRIs and unbound ?o are errors.
  BOOST_TEST(count_of(f, "LANG(?o) = \"\"") == integer(3));
  BOOST_TEST(count_of(f, "LANG(?o) != \"en\"") == integer(6));
  BOOST_TEST(count_of(f, "!(LANG(?o) = \"en\")") == integer(6));
  BOOST_TEST(count_of(f, "LANG(?o) = \"en\"@en") == integer(0));
  BOOST_TEST(count_of(f, "LANG(?o) = \"en\"^^xsd:string") == integer(1));
}

BOOST_AUTO_TEST_CASE(constant_regex_matches_as_the_general_path) {
  EngineFixture f;
  f.load(kLabels);
  BOOST_TEST(count_of(f, "REGEX(?o, \"^park .*-ho$\", \"i\")") == integer(3));
  BOOST_TEST(count_of(f, "REGEX(?o, \"^park .*-ho$\")") == integer(2));
  BOOST_TEST(count_of(f, "REGEX(?o, \"^тайный \", \"i\")") == integer(1));
  BOOST_TEST(count_of(f, "REGEX(?o, \"^비밀의 \")") == integer(1));
  // Typed literals, numbers, IRIs and unbound values are errors, which ! keeps.
  BOOST_TEST(count_of(f, "!REGEX(?o, \"zzz\")") == integer(5));
  BOOST_TEST(count_of(f, "!REGEX(?o, \"(\")") == integer(0));
  BOOST_TEST(count_of(f, "!REGEX(?o, \"a\", \"k\")") == integer(0));
  BOOST_TEST(count_of(f, "REGEX(?o, \"PARK\", \"iq\")") == integer(3));
  BOOST_TEST(count_of(f, "LANG(?o) = \"ru\" && REGEX(?o, \"^ТАЙНЫЙ\", \"i\")") == integer(1));
}

BOOST_AUTO_TEST_CASE(filter_verdicts_remembered_per_node) {
  EngineFixture f;
  // Dates repeat (the memo stays on); then many distinct values (it switches itself off
  // after its trial) that must still be filtered right.
  std::string turtle;
  for (int i = 0; i < 3000; ++i)
    turtle +=
        ":d" + std::to_string(i) + " :on \"199" + std::to_string(i % 10) + "-01-01\"^^xsd:date .\n";
  for (int i = 0; i < 6000; ++i)
    turtle += ":n" + std::to_string(i) + " :v " + std::to_string(i) + " .\n";
  f.load("@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n" + turtle);
  Rows dates = f.query(
      "SELECT (COUNT(*) AS ?n) WHERE { ?s :on ?d "
      "FILTER(?d >= \"1995-01-01\"^^xsd:date && ?d < \"1997-01-01\"^^xsd:date) }");
  BOOST_TEST(dates == (Rows{integer(600)}), boost::test_tools::per_element());
  Rows numbers =
      f.query("SELECT (COUNT(*) AS ?n) WHERE { ?s :v ?x FILTER(?x >= 1000 && ?x < 5500) }");
  BOOST_TEST(numbers == (Rows{integer(4500)}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(grouping_on_variables_expressions_and_unbound_keys) {
  EngineFixture f;
  f.load(":a :p 1 , 2 , 3 . :b :p 4 , 5 . :c :p 6 . :d :q 7 . :e :p 8 , 9 , 10 .");
  Rows by_subject =
      f.query("SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?k ?x OPTIONAL { ?s :p ?o } } GROUP BY ?s");
  BOOST_TEST(by_subject.size() == 5u);
  BOOST_TEST(by_subject[0].find("s=<http://ex/a> n=\"9\"") == 0u);
  Rows by_parity = f.query(
      "SELECT ?even (COUNT(*) AS ?n) WHERE { ?s :p ?o } GROUP BY ((?o / 2) = ROUND(?o / 2) AS "
      "?even)");
  BOOST_TEST(by_parity.size() == 2u);
  Rows by_unbound =
      f.query("SELECT ?o (COUNT(*) AS ?n) WHERE { ?s ?k ?x OPTIONAL { ?s :r ?o } } GROUP BY ?o");
  BOOST_TEST(by_unbound == (Rows{integer(10)}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(top_k_with_tie_breaking_keys_matches_a_full_sort) {
  EngineFixture f;
  std::string turtle;
  for (int i = 0; i < 60; ++i)
    turtle += ":s" + std::to_string(i) + " :p " + std::to_string((i * 7) % 5) + " .\n";
  f.load(turtle);
  std::string query = "SELECT ?s ?o WHERE { ?s :p ?o } ORDER BY DESC(?o) STR(?s)";
  kg::test::RenderingHandler top, full;
  sparql::execute(f.parse(query + " LIMIT 15"), f.dataset, top);
  sparql::execute(f.parse(query), f.dataset, full);
  BOOST_TEST_REQUIRE(top.lines.size() == 15u);
  for (size_t i = 0; i < 15; ++i)
    BOOST_TEST(top.lines[i] == full.lines[i]);
  BOOST_TEST(top.lines[0] ==
             "s=<http://ex/s12> o=\"4\"^^<http://www.w3.org/2001/XMLSchema#integer>");
}

BOOST_AUTO_TEST_CASE(date_range_filters_read_only_their_range_and_answer_the_same) {
  EngineFixture f;
  std::string turtle;
  for (int day = 1; day <= 28; ++day) {
    std::string date = "2024-02-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    turtle += ":w" + std::to_string(day) + " :released \"" + date + "\"^^xsd:date ; :at \"" + date +
              "T10:00:00Z\"^^xsd:dateTime ; :mixed \"" + date + "\"^^xsd:date .\n";
  }
  // :mixed has one date with a time zone: its lexical order is no longer its value order.
  turtle += ":late :mixed \"2024-02-01+14:00\"^^xsd:date .\n";
  f.load("@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n" + turtle);
  auto count = [&](const std::string& predicate, const std::string& filter) {
    Rows rows =
        f.query("SELECT (COUNT(*) AS ?n) WHERE { ?w " + predicate + " ?d FILTER(" + filter + ") }");
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    return rows[0];
  };
  std::string day10 = "\"2024-02-10\"^^xsd:date", day20 = "\"2024-02-20\"^^xsd:date";
  BOOST_TEST(count(":released", "?d >= " + day10 + " && ?d < " + day20) == integer(10));
  BOOST_TEST(count(":released", "?d > " + day10 + " && " + day20 + " >= ?d") == integer(10));
  BOOST_TEST(count(":released", "?d = " + day10) == integer(1));
  BOOST_TEST(count(":released", "?d <= " + day10) == integer(10));
  BOOST_TEST(count(":released", "?d > \"2024-03-01\"^^xsd:date") == integer(0));
  BOOST_TEST(count(":at", "?d >= \"2024-02-27T00:00:00Z\"^^xsd:dateTime") == integer(2));
  // A bound in another form (with a time zone) is compared by value, not by the copy.
  BOOST_TEST(count(":released", "?d < \"2024-02-03Z\"^^xsd:date") == integer(2));
  BOOST_TEST(count(":mixed", "?d <= \"2024-02-01\"^^xsd:date") == integer(1));
  BOOST_TEST(count(":mixed", "?d < \"2024-01-31\"^^xsd:date") == integer(0));

  std::string plan = f.explain("SELECT * WHERE { ?w :released ?d FILTER(?d >= " + day10 + ") }");
  BOOST_TEST(plan.find("object in [2024-02-10, +inf)  [rows ~19") != std::string::npos, plan);
}

BOOST_AUTO_TEST_SUITE_END()
