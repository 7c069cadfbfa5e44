// Saved queries: every query in queries/ answers the seed graph as its committed expected
// answer says; parameters are bound as RDF terms and cannot change a query; kg run reports
// bad calls as one-line errors with the documented exit codes.
#include <boost/test/unit_test.hpp>

#include "convert_test_support.hpp"
#include "rdf/reader.hpp"
#include "saved/binding.hpp"
#include "saved/expected.hpp"
#include "saved/saved_query.hpp"
#include "util/error.hpp"

namespace fs = std::filesystem;
using namespace kg;

namespace {

fs::path queries_dir() {
  return test::source_dir() / "queries";
}

// The built seed graph, loaded once for all the saved-query checks.
rdf::Store& seed_store() {
  static rdf::Store store;
  static bool loaded = false;
  if (!loaded) {
    rdf::parse_file(store, test::source_dir() / "exports" / "kg.nq");
    loaded = true;
  }
  return store;
}

void check_against_expectation(const fs::path& file) {
  saved::SavedQuery query = saved::read_saved_query(file);
  saved::DocumentedRun run = saved::run_documented(query, saved::union_dataset(seed_store()));
  auto difference = saved::compare_with_expected(query, run.answer, run.bound);
  BOOST_TEST(!difference.has_value(), query.name << ": " << difference.value_or(""));
  const sparql::ResultTable& answer = run.answer;
  BOOST_TEST((answer.rows.size() + answer.triples.size() > 0 || answer.boolean.has_value()),
             query.name << " answers nothing: a saved query's example should show something");
}

// One test case per saved query, named after it, so each is reported on its own.
struct SavedQueryCases {
  SavedQueryCases() {
    auto* suite = BOOST_TEST_SUITE("saved_query_answers");
    std::vector<fs::path> files;
    try {
      files = saved::saved_query_files(queries_dir());
    } catch (const std::exception&) {
      // Reported by the queries_directory_is_complete test below.
    }
    for (const fs::path& file : files)
      suite->add(boost::unit_test::make_test_case([file] { check_against_expectation(file); },
                                                  file.stem().string(), __FILE__, __LINE__));
    boost::unit_test::framework::master_test_suite().add(suite);
  }
} const saved_query_cases;

saved::SavedQuery query_from_text(const test::TempDir& dir, const std::string& name,
                                  const std::string& text) {
  fs::path file = dir.path() / (name + ".rq");
  test::write_text(file, text);
  return saved::read_saved_query(file);
}

// The error message of a call that must throw kg::Error.
template <typename Call>
std::string error_of(Call&& call) {
  try {
    call();
  } catch (const Error& error) {
    return error.what();
  }
  BOOST_ERROR("expected a kg::Error");
  return "(no error)";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::string kPrefixes =
    "PREFIX ex: <http://example.org/>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(saved_queries)

BOOST_AUTO_TEST_CASE(queries_directory_is_complete) {
  std::vector<fs::path> files = saved::saved_query_files(queries_dir());
  BOOST_TEST(files.size() >= 10u);
  for (const fs::path& file : files) {
    saved::SavedQuery query = saved::read_saved_query(file);
    BOOST_TEST(!query.title.empty(), file);
    BOOST_TEST(!query.description.empty(), file);
    BOOST_TEST(fs::is_regular_file(query.expected_file()), query.expected_file());
  }
}

BOOST_AUTO_TEST_CASE(parse_term_reads_one_term) {
  rdf::PrefixMap prefixes = rdf::PrefixMap::standard();
  BOOST_TEST(
      (sparql::parse_term("kgd:RM", prefixes) == rdf::Term::iri("https://kg.example.org/id/RM")));
  BOOST_TEST((sparql::parse_term(" <http://example.org/x> ", prefixes) ==
              rdf::Term::iri("http://example.org/x")));
  BOOST_TEST((sparql::parse_term("\"2024-05\"^^xsd:gYearMonth", prefixes) ==
              rdf::Term::typed_literal("2024-05", "http://www.w3.org/2001/XMLSchema#gYearMonth")));
  BOOST_TEST((sparql::parse_term("\"Ли Сон Джин\"@RU", prefixes) ==
              rdf::Term::lang_literal("Ли Сон Джин", "ru")));
  BOOST_TEST((sparql::parse_term("-42", prefixes) ==
              rdf::Term::typed_literal("-42", "http://www.w3.org/2001/XMLSchema#integer")));
  BOOST_TEST((sparql::parse_term("true", prefixes) ==
              rdf::Term::typed_literal("true", "http://www.w3.org/2001/XMLSchema#boolean")));
  BOOST_TEST((sparql::parse_term("'} UNION { ?s ?p ?o }'", prefixes) ==
              rdf::Term::literal("} UNION { ?s ?p ?o }")));
}

BOOST_AUTO_TEST_CASE(parse_term_rejects_everything_else) {
  rdf::PrefixMap prefixes = rdf::PrefixMap::standard();
  sparql::ParseOptions options;
  options.source_name = "value";
  for (const char* text :
       {"", "?x", "_:b", "[]", "<relative>", "nope:x", "kgd:RM kgd:RM", "\"x\" } UNION { ?s ?p ?o",
        "\"unterminated", "a", "UNDEF", "(1 2)", "kgd:RM ."})
    BOOST_TEST(contains(error_of([&] { sparql::parse_term(text, prefixes, options); }), "value:1:"),
               "accepted: " << text);
}

BOOST_AUTO_TEST_CASE(binding_is_a_values_block_first_in_the_where_clause) {
  test::TempDir dir;
  // Query shapes with a parameter ?x; '@' marks where the WHERE clause's first element starts.
  const std::vector<std::string> shapes = {
      "SELECT ?s WHERE { @ ?s ex:p ?x }",
      "SELECT ?s ?y WHERE { @ ?s ex:p ?o OPTIONAL { ?o ex:q ?y } FILTER(?o != ?x) }",
      "SELECT ?x (COUNT(*) AS ?n) WHERE { @ ?s ex:p ?x } GROUP BY ?x ORDER BY ?n LIMIT 3",
      "SELECT ?s WHERE { @ { SELECT ?s WHERE { ?s ex:p ?o } LIMIT 1 } ?s ex:q ?x }",
      "ASK { @ { SELECT ?s WHERE { ?s ex:p ?o } LIMIT 1 } FILTER(?s != ?x) }",
      "SELECT DISTINCT ?s WHERE { @ GRAPH ?g { ?s ex:p ?o } MINUS { ?s ex:q ?x } }",
      "CONSTRUCT { ?s ex:r ?x } WHERE { @ ?s ex:p ?o } ORDER BY ?s LIMIT 2",
      "SELECT ?s WHERE { @ { ?s ex:p ?x } UNION { ?s ex:q ?x } BIND(STR(?s) AS ?t) }",
  };
  for (const std::string& shape : shapes) {
    auto with = [&](const std::string& values) {
      std::string text = shape;
      return kPrefixes + text.replace(text.find('@'), 1, values);
    };
    saved::SavedQuery query =
        query_from_text(dir, "q", "# title: t\n# param: x: a value\n# default: x = 7\n" + with(""));
    sparql::Query bound = saved::bind_parameters(query, saved::resolve_parameters(query, {}));
    BOOST_TEST_CONTEXT(shape) {
      BOOST_TEST(sparql::to_sse(bound) ==
                 sparql::to_sse(sparql::parse_query(with("VALUES ?x { 7 }"))));
    }
  }
}

BOOST_AUTO_TEST_CASE(service_patterns_get_the_terms_themselves) {
  // A local service sees no outer bindings, so its pattern must hold the values.
  test::TempDir dir;
  saved::SavedQuery query = query_from_text(
      dir, "q",
      "# title: t\n# param: from: start\n# example: from = ex:a\n" + kPrefixes +
          "PREFIX kg: <https://kg.example.org/ontology#>\n"
          "SELECT ?step WHERE { SERVICE kg:paths { [] kg:start ?from ; kg:end ex:b ; "
          "kg:step ?step } }");
  sparql::Query bound = saved::bind_parameters(query, saved::expectation_parameters(query));
  std::string sse = sparql::to_sse(bound);
  size_t service = sse.find("(service");
  BOOST_REQUIRE(service != std::string::npos);
  BOOST_TEST(sse.find("?from", service) == std::string::npos, sse);
  BOOST_TEST(sse.find("ex:a", service) != std::string::npos, sse);
  BOOST_TEST(sse.find("(table (vars ?from)") != std::string::npos, sse);
}

BOOST_AUTO_TEST_CASE(a_value_cannot_change_the_query) {
  test::TempDir dir;
  saved::SavedQuery query =
      query_from_text(dir, "q",
                      "# title: t\n# param: name: a name\n# example: name = \"x\"\n" + kPrefixes +
                          "SELECT ?s WHERE { ?s ex:name ?name }");
  // Text that would open a second pattern if it were spliced into the query is refused...
  std::string refused =
      error_of([&] { saved::resolve_parameters(query, {"name=\"x\" } UNION { ?s ?p ?o"}); });
  BOOST_TEST(contains(refused, "parameter 'name': '\"x\" } UNION { ?s ?p ?o' is not one IRI"),
             refused);
  // ...and as a literal it is matched only as that literal.
  rdf::Store store;
  rdf::Term name = rdf::Term::iri("http://example.org/name");
  rdf::Term injected = rdf::Term::literal("x\" } UNION { ?s ?p ?o } #");
  store.insert(rdf::Term::iri("http://example.org/a"), name, injected);
  store.insert(rdf::Term::iri("http://example.org/b"), name, rdf::Term::literal("x"));
  store.insert(rdf::Term::iri("http://example.org/c"), rdf::Term::iri("http://example.org/p"),
               rdf::Term::literal("y"));
  auto subjects_named = [&](const std::string& value) {
    sparql::Query bound =
        saved::bind_parameters(query, saved::resolve_parameters(query, {"name=" + value}));
    sparql::ResultTable answer = saved::collect_answer(bound, saved::union_dataset(store));
    std::vector<std::string> subjects;
    for (const auto& row : answer.rows)
      subjects.push_back(row.at(0)->value);
    return subjects;
  };
  BOOST_TEST(subjects_named("'x\" } UNION { ?s ?p ?o } #'") ==
                 std::vector<std::string>{"http://example.org/a"},
             boost::test_tools::per_element());
  BOOST_TEST(subjects_named("\"x\"") == std::vector<std::string>{"http://example.org/b"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(parameters_are_checked) {
  test::TempDir dir;
  saved::SavedQuery query = query_from_text(
      dir, "q",
      "# title: t\n# param: month: a month\n# default: month = \"2024-05\"^^xsd:gYearMonth\n"
      "# param: who: a person\n# example: who = ex:a\n# param: tag (optional): a tag\n" +
          kPrefixes + "SELECT * WHERE { ?who ex:in ?month ; ex:tag ?tag }");
  auto error = [&](std::vector<std::string> given) {
    return error_of([&] { saved::resolve_parameters(query, given); });
  };
  BOOST_TEST(contains(error({}), "saved query 'q' needs --param who=VALUE (a person)"));
  BOOST_TEST(contains(error({"who=ex:a", "nope=1"}), "saved query 'q' has no parameter 'nope'"));
  BOOST_TEST(contains(error({"who=ex:a", "who=ex:b"}), "parameter 'who' given twice"));
  BOOST_TEST(contains(error({"who"}), "--param 'who': expected NAME=VALUE"));
  BOOST_TEST(contains(error({"who=ex:a", "month=\"2024-13\"^^xsd:gYearMonth"}),
                      "parameter 'month': \"2024-13\" is not a valid "
                      "<http://www.w3.org/2001/XMLSchema#gYearMonth>"));
  BOOST_TEST(contains(error({"who=?x"}), "parameter 'who': '?x' is not one IRI"));

  // Given values first, then defaults; an optional parameter not given stays unbound.
  std::vector<saved::Binding> bindings = saved::resolve_parameters(query, {"who=ex:a"});
  BOOST_REQUIRE(bindings.size() == 2u);
  BOOST_TEST(bindings[0].name == "who");
  BOOST_TEST((bindings[0].value == rdf::Term::iri("http://example.org/a")));
  BOOST_TEST(bindings[1].name == "month");
  BOOST_TEST(bindings[1].value.value == "2024-05");
}

BOOST_AUTO_TEST_CASE(malformed_headers_are_refused) {
  test::TempDir dir;
  const std::string body = kPrefixes + "SELECT * WHERE { ?s ex:p ?x }\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"# description: no title\n", "q.rq:1:1: missing '# title:' line"},
      {"# title: t\n# titel: typo\n", "q.rq:2:1: expected '# title:'"},
      {"# title: t\n# title: again\n", "q.rq:2:1: a second '# title:' line"},
      {"# title: t\n# param: y: not in the query\n# example: y = 1\n",
       "parameter 'y' is not a variable of the query"},
      {"# title: t\n# param: x: required\n", "required parameter 'x' needs an '# example:'"},
      {"# title: t\n# param: x: a\n# param: x: b\n# example: x = 1\n",
       "q.rq:3:1: parameter 'x' is declared twice"},
      {"# title: t\n# param: x (optional): a\n# default: x = 1\n",
       "q.rq:3:1: an optional parameter is unbound when not given"},
      {"# title: t\n# param: x: a\n# default: z = 1\n", "q.rq:3:1: 'z' is not a declared"},
      {"# title: t\n# param: x: a\n# default: x = ?y\n", "q.rq:3:1: parameter 'x': '?y'"},
      {"# title: t\n# param x\n", "q.rq:2:1: expected '# title:'"},
      {"# title: t\n#\n#   continues nothing after a blank line\n",
       "q.rq:3:1: an indented line continues nothing"},
  };
  for (const auto& [header, expected] : cases) {
    BOOST_TEST_CONTEXT(header) {
      std::string message = error_of([&] { query_from_text(dir, "q", header + body); });
      BOOST_TEST(contains(message, expected), message);
    }
  }
  std::string assigned = error_of([&] {
    query_from_text(dir, "q",
                    "# title: t\n# param: x: a\n# default: x = 1\n" + kPrefixes +
                        "SELECT * WHERE { ?s ex:p ?o BIND(?o AS ?x) }");
  });
  BOOST_TEST(contains(assigned, "parameter 'x' is assigned in the query"), assigned);
}

BOOST_AUTO_TEST_CASE(header_fields_are_read) {
  test::TempDir dir;
  saved::SavedQuery query = query_from_text(
      dir, "works",
      "# title: Works\n# description: first line\n#   second line\n"
      "# param: month: the month,\n#   as a gYearMonth\n"
      "# default: month = \"2024-05\"^^xsd:gYearMonth\n# param: who (optional): someone\n"
      "# example: who = ex:a\n" +
          kPrefixes + "SELECT * WHERE { ?who ex:in ?month }");
  BOOST_TEST(query.name == "works");
  BOOST_TEST(query.title == "Works");
  BOOST_TEST(query.description == "first line second line");
  BOOST_REQUIRE(query.parameters.size() == 2u);
  BOOST_TEST(query.parameters[0].description == "the month, as a gYearMonth");
  BOOST_TEST(!query.parameters[0].required());
  BOOST_TEST(query.parameters[1].optional);
  BOOST_TEST(!query.parameters[1].default_value.has_value());
  BOOST_TEST(query.expected_file() == dir.path() / "works.expected.srj");
  BOOST_TEST(
      saved::display_term(*query.parameters[0].default_value, saved::value_prefixes(query.query)) ==
      "\"2024-05\"^^xsd:gYearMonth");
  std::vector<saved::Binding> recorded = saved::expectation_parameters(query);
  BOOST_REQUIRE(recorded.size() == 2u);
  BOOST_TEST(recorded[1].value.value == "http://example.org/a");
  std::string unknown = error_of([&] { saved::find_saved_query(dir.path(), "nope"); });
  BOOST_TEST(contains(unknown, "unknown saved query 'nope'"), unknown);
}

BOOST_AUTO_TEST_CASE(order_by_decides_how_answers_compare) {
  auto options_for = [](const std::string& text) {
    return saved::comparison_for(sparql::parse_query(kPrefixes + text));
  };
  sparql::CompareOptions unordered = options_for("SELECT * WHERE { ?s ex:p ?o }");
  BOOST_TEST(!unordered.ordered);
  sparql::CompareOptions by_variables =
      options_for("SELECT ?s ?o WHERE { ?s ex:p ?o } ORDER BY DESC(?o) ?s LIMIT 5");
  BOOST_TEST(by_variables.ordered);
  BOOST_TEST(by_variables.tie_variables == (std::vector<std::string>{"o", "s"}),
             boost::test_tools::per_element());
  sparql::CompareOptions by_expression =
      options_for("SELECT ?s WHERE { ?s ex:p ?o } ORDER BY ?s STR(?o)");
  BOOST_TEST(by_expression.ordered);
  BOOST_TEST(by_expression.tie_variables.empty());
  BOOST_TEST(options_for("SELECT ?s WHERE { ?s ex:p ?o } ORDER BY ?o").tie_variables.empty());
}

BOOST_AUTO_TEST_CASE(expected_files_read_back_as_written) {
  test::TempDir dir;
  rdf::Term a = rdf::Term::iri("http://example.org/a");
  rdf::Term typed =
      rdf::Term::typed_literal("2024-05", "http://www.w3.org/2001/XMLSchema#gYearMonth");
  rdf::Term tagged = rdf::Term::lang_literal("Ли \"Сон\"\nДжин", "ru");
  sparql::ResultTable solutions;
  solutions.variables = {"x", "y"};
  solutions.rows = {{a, std::nullopt}, {typed, tagged}, {rdf::Term::blank("b0"), a}};
  sparql::ResultTable graph;
  graph.is_graph = true;
  graph.triples = {{a, a, tagged}, {a, a, typed}};
  sparql::ResultTable yes;
  yes.boolean = true;
  const std::vector<std::pair<std::string, const sparql::ResultTable*>> cases = {
      {"SELECT * WHERE { ?x ex:p ?y }", &solutions},
      {"CONSTRUCT { ?x ex:p ?y } WHERE { ?x ex:p ?y }", &graph},
      {"ASK { ?x ex:p ?y }", &yes},
  };
  for (const auto& [text, answer] : cases) {
    saved::SavedQuery query = query_from_text(dir, "q", "# title: t\n" + kPrefixes + text);
    test::write_text(query.expected_file(), saved::expected_file_text(*answer, query.query));
    auto difference = saved::compare_with_expected(query, *answer, query.query);
    BOOST_TEST(!difference.has_value(), text << ": " << difference.value_or(""));
    BOOST_TEST(
        saved::describe_changes(saved::read_expected(query), *answer, rdf::PrefixMap()).empty());
  }
}

BOOST_AUTO_TEST_CASE(changes_are_described_row_by_row) {
  rdf::PrefixMap prefixes;
  prefixes.set("ex", "http://example.org/");
  sparql::ResultTable before, after;
  before.variables = after.variables = {"s", "n"};
  rdf::Term a = rdf::Term::iri("http://example.org/a");
  before.rows = {{a, rdf::Term::literal("1")}, {a, rdf::Term::literal("2")}};
  after.rows = {{a, rdf::Term::literal("2")}, {a, rdf::Term::literal("3")}, {a, std::nullopt}};
  BOOST_TEST(saved::describe_changes(before, after, prefixes) ==
             "- ?s=ex:a  ?n=\"1\"\n+ ?s=ex:a\n+ ?s=ex:a  ?n=\"3\"\n");
  after.variables = {"s", "m"};
  after.rows.clear();
  BOOST_TEST(saved::describe_changes(before, after, prefixes) ==
             "~ variables ?s ?n -> ?s ?m\n- ?s=ex:a  ?n=\"1\"\n- ?s=ex:a  ?n=\"2\"\n");
}

BOOST_AUTO_TEST_SUITE_END()
