// kg run as a user calls it: the real binary, over the project's saved queries and over a
// small project of its own for --update-expected and --check.
#include <boost/test/unit_test.hpp>

#include "convert_test_support.hpp"
#include "saved/saved_query.hpp"

namespace fs = std::filesystem;
using namespace kg;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

test::RunResult run(const std::vector<std::string>& arguments) {
  std::vector<std::string> command = {"run"};
  command.insert(command.end(), arguments.begin(), arguments.end());
  return test::run_kg(command, test::source_dir());
}

// A project with one saved query over a two-graph N-Quads file.
class SmallProject {
 public:
  SmallProject() {
    fs::create_directories(root() / "queries");
    fs::create_directories(root() / "exports");
    test::write_text(root() / "queries" / "q.rq",
                     "# title: Values of ex:p\n# description: every value, in any graph\n"
                     "PREFIX ex: <http://example.org/>\n"
                     "SELECT ?s ?v WHERE { ?s ex:p ?v }\n");
    write_data(
        "<http://example.org/a> <http://example.org/p> \"1\" <http://example.org/g1> .\n"
        "<http://example.org/b> <http://example.org/p> \"2\" <http://example.org/g2> .\n");
  }
  const fs::path& root() const { return dir_.path(); }
  fs::path expected() const { return root() / "queries" / "q.expected.srj"; }
  void write_data(const std::string& quads) const {
    test::write_text(root() / "exports" / "kg.nq", quads);
  }
  test::RunResult kg(const std::vector<std::string>& arguments) const {
    std::vector<std::string> command = {"run"};
    command.insert(command.end(), arguments.begin(), arguments.end());
    return test::run_kg(command, root());
  }

 private:
  test::TempDir dir_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(saved_queries_cli)

BOOST_AUTO_TEST_CASE(list_shows_every_saved_query) {
  test::RunResult listed = run({"--list"});
  BOOST_REQUIRE_MESSAGE(listed.status == 0, listed.err);
  std::vector<std::string> lines = test::lines_of(listed.out);
  for (const fs::path& file : saved::saved_query_files(test::source_dir() / "queries")) {
    saved::SavedQuery query = saved::read_saved_query(file);
    std::string heading = query.name + "  " + query.title;
    BOOST_TEST((std::find(lines.begin(), lines.end(), heading) != lines.end()), heading);
    for (const saved::Parameter& parameter : query.parameters)
      BOOST_TEST(contains(listed.out, "--param " + parameter.name + "=VALUE"), parameter.name);
  }
  BOOST_TEST(contains(listed.out, "--param month=VALUE  (default \"2024-05\"^^xsd:gYearMonth)"));
  BOOST_TEST(contains(listed.out, "--param from=VALUE  (required)  e.g. kgd:Kim_Min-ha"));
  BOOST_TEST(contains(listed.out, "--param person=VALUE  (optional)"));
}

BOOST_AUTO_TEST_CASE(bad_calls_fail_with_one_line) {
  struct Case {
    std::vector<std::string> arguments;
    int status;
    std::string message;  // the start of the line after "kg run: "
  };
  const std::vector<Case> cases = {
      {{"nope"}, 1, "unknown saved query 'nope' ('kg run --list' lists them)"},
      {{"credits", "--param", "nope=1"}, 1, "saved query 'credits' has no parameter 'nope'"},
      {{"connection", "--param", "from=kgd:RM"},
       1,
       "saved query 'connection' needs --param to=VALUE"},
      {{"works_in_month", "--param", "month=\"x\" } UNION { ?s ?p ?o"},
       1,
       "parameter 'month': '\"x\" } UNION { ?s ?p ?o' is not one IRI, prefixed name or literal"},
      {{"works_in_month", "--param", "month=\"2024-5\"^^xsd:gYearMonth"},
       1,
       "parameter 'month': \"2024-5\" is not a valid"},
      {{"credits", "--param", "work=kgd:RM", "--param", "work=kgd:BTS"},
       1,
       "parameter 'work' given twice"},
      {{}, 2, "expected a saved query NAME"},
      {{"credits", "awards"}, 2, "expected one saved query NAME, got 2"},
      {{"credits", "--update-expected", "--param", "work=kgd:RM"},
       2,
       "--update-expected uses the documented parameters"},
      {{"credits", "--format", "nope"}, 2, "unknown --format 'nope'"},
      {{"--list", "credits"}, 2, "--list takes no other arguments"},
      {{"credits", "--bogus"}, 2, "unknown option '--bogus'"},
  };
  for (const Case& bad : cases) {
    test::RunResult result = run(bad.arguments);
    std::string call = bad.arguments.empty() ? "kg run" : "kg run " + bad.arguments.front();
    BOOST_TEST_CONTEXT(call << " ... (" << bad.message << ")") {
      BOOST_TEST(result.status == bad.status);
      BOOST_TEST(result.out.empty());
      std::vector<std::string> lines = test::lines_of(result.err);
      BOOST_REQUIRE_EQUAL(lines.size(), 1u);
      BOOST_TEST(lines[0].rfind("kg run: " + bad.message, 0) == 0u, lines[0]);
    }
  }
}

BOOST_AUTO_TEST_CASE(help_shows_usage) {
  test::RunResult help = run({"--help"});
  BOOST_TEST(help.status == 0);
  BOOST_TEST(contains(help.out, "usage: kg run (--list | --check [NAME...] | NAME"));
  BOOST_TEST(contains(help.out, "--param NAME=VALUE"));
}

BOOST_AUTO_TEST_CASE(parameters_change_the_answer_as_terms) {
  test::RunResult december =
      run({"works_in_month", "--param", "month=\"2023-12\"^^xsd:gYearMonth", "--format", "tsv"});
  BOOST_REQUIRE_MESSAGE(december.status == 0, december.err);
  BOOST_TEST(test::lines_of(december.out).size() == 1u, december.out);  // the header: no works

  test::RunResult plain =
      run({"works_in_month", "--param", "month=\"2024-05\"", "--format", "csv"});
  test::RunResult defaulted = run({"works_in_month", "--format", "csv"});
  BOOST_REQUIRE_MESSAGE(plain.status == 0, plain.err);
  BOOST_TEST(plain.out == defaulted.out);
  BOOST_TEST(contains(plain.out, "Right Place, Wrong Person"));

  // A label in Russian finds the director, through the kg:paths service.
  test::RunResult path = run({"connection", "--param", "from=kgd:Kim_Min-ha", "--param",
                              "to=\"Ли Сон Джин\"", "--format", "tsv"});
  BOOST_REQUIRE_MESSAGE(path.status == 0, path.err);
  BOOST_TEST(
      contains(path.out, "\"Lee Sung-jin\"\t\"directed\"\t\"Come Back to Me (music video)\""),
      path.out);
}

BOOST_AUTO_TEST_CASE(expected_answers_change_only_on_request) {
  SmallProject project;
  test::RunResult answer = project.kg({"q", "--format", "tsv"});
  BOOST_REQUIRE_MESSAGE(answer.status == 0, answer.err);
  BOOST_TEST(test::lines_of(answer.out).size() == 3u, answer.out);  // both graphs answer
  BOOST_TEST(!fs::exists(project.expected()), "a plain run wrote an expectation");

  test::RunResult missing = project.kg({"--check"});
  BOOST_TEST(missing.status == 1);
  BOOST_TEST(contains(missing.err, "no expected answer yet"), missing.err);

  test::RunResult created = project.kg({"q", "--update-expected"});
  BOOST_REQUIRE_MESSAGE(created.status == 0, created.err);
  BOOST_TEST(contains(created.out, "wrote " + project.expected().string() + " (2 rows)"));
  BOOST_TEST(project.kg({"--check"}).status == 0);
  std::string recorded = test::read_text(project.expected());

  test::RunResult again = project.kg({"q", "--update-expected"});
  BOOST_TEST(again.out == project.expected().string() + ": unchanged\n");

  project.write_data(
      "<http://example.org/a> <http://example.org/p> \"1\" <http://example.org/g1> .\n"
      "<http://example.org/c> <http://example.org/p> \"3\" .\n");
  test::RunResult differs = project.kg({"--check", "q"});
  BOOST_TEST(differs.status == 1);
  BOOST_TEST(contains(differs.out, "DIFFERS q: "), differs.out);
  BOOST_TEST(contains(differs.out, "0 passed, 1 failed"), differs.out);
  BOOST_TEST(test::read_text(project.expected()) == recorded, "--check changed the file");

  test::RunResult updated = project.kg({"q", "--update-expected"});
  BOOST_REQUIRE_MESSAGE(updated.status == 0, updated.err);
  BOOST_TEST(contains(updated.out, "- ?s=ex:b  ?v=\"2\"\n"), updated.out);
  BOOST_TEST(contains(updated.out, "+ ?s=ex:c  ?v=\"3\"\n"), updated.out);
  BOOST_TEST(project.kg({"--check"}).status == 0);
}

BOOST_AUTO_TEST_SUITE_END()
