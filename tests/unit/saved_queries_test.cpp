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
  sparql::Query bound = saved::bind_parameters(query, saved::expectation_parameters(query));
  sparql::ResultTable answer = saved::collect_answer(bound, saved::union_dataset(seed_store()));
  auto difference = saved::compare_with_expected(query, answer, bound);
  BOOST_TEST(!difference.has_value(), query.name << ": " << difference.value_or(""));
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
  BOOST_FAIL("expected a kg::Error");
  return {};
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

BOOST_AUTO_TEST_SUITE_END()
