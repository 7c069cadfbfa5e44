// The `kg query` command as users and scripts see it: exit codes, error lines, --repeat's
// JSON, --named graph names, output formats.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "rdf/syntax.hpp"

namespace {

namespace fs = std::filesystem;

struct Outcome {
  int status = -1;
  std::string out, err;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A scratch directory with a data file, removed afterwards.
class CliFixture {
 public:
  CliFixture() : dir_(fs::temp_directory_path() / ("kg_query_cli_" + std::to_string(::getpid()))) {
    fs::create_directories(dir_);
    write("data.ttl", "@prefix : <http://ex/> .\n:a :p 1 . :b :p 2 . :c :q 3 .\n");
  }
  ~CliFixture() { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return dir_ / name;
  }
  fs::path path(const std::string& name) const { return dir_ / name; }

  // Runs kg with the arguments (single-quoted for the shell) from the scratch directory.
  Outcome run(const std::vector<std::string>& arguments, const std::string& environment = {}) {
    std::string command = "cd '" + dir_.string() + "' && " + environment + " '" KG_BINARY "' query";
    for (const std::string& argument : arguments)
      command += " '" + argument + "'";
    command += " >'" + (dir_ / "out.txt").string() + "' 2>'" + (dir_ / "err.txt").string() + "'";
    Outcome outcome;
    int raw = std::system(command.c_str());
    outcome.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    outcome.out = slurp(dir_ / "out.txt");
    outcome.err = slurp(dir_ / "err.txt");
    return outcome;
  }

 private:
  fs::path dir_;
};

std::string last_line(const std::string& text) {
  std::string trimmed = text.substr(0, text.find_last_not_of('\n') + 1);
  return trimmed.substr(trimmed.rfind('\n') + 1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sparql_engine_cli)

BOOST_AUTO_TEST_CASE(check_accepts_good_queries_and_locates_errors) {
  CliFixture f;
  BOOST_TEST(f.run({"--check", "SELECT * WHERE { ?s ?p ?o }"}).status == 0);
  f.write("bad.rq", "SELECT ?s\nWHERE { ?s ?p }\n");
  Outcome bad = f.run({"--check", "-f", "bad.rq"});
  BOOST_TEST(bad.status == 1);
  BOOST_TEST(bad.err.starts_with("kg query: bad.rq:2:"), bad.err);
  BOOST_TEST(bad.err.find("expected") != std::string::npos, bad.err);
  BOOST_TEST(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);
}

BOOST_AUTO_TEST_CASE(repeat_reports_timings_as_json_on_the_last_stderr_line) {
  CliFixture f;
  Outcome outcome = f.run({"--data", "data.ttl", "--repeat", "3", "--format", "tsv",
                           "SELECT ?s WHERE { ?s <http://ex/p> ?o }"});
  BOOST_TEST_REQUIRE(outcome.status == 0, outcome.err);
  nlohmann::json stats = nlohmann::json::parse(last_line(outcome.err));
  BOOST_TEST(stats["triples"].get<int>() == 3);
  BOOST_TEST(stats["rows"].get<int>() == 2);
  BOOST_TEST(stats["query_s"].size() == 3u);
  BOOST_TEST(stats["load_s"].get<double>() >= 0.0);
  BOOST_TEST(stats["peak_rss_mb"].get<double>() > 0.0);
  // The results are written once, for the last run.
  BOOST_TEST(std::count(outcome.out.begin(), outcome.out.end(), '\n') == 3);
}

BOOST_AUTO_TEST_CASE(named_graphs_take_the_file_iri_or_the_one_given) {
  CliFixture f;
  std::string query = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
  Outcome by_file = f.run({"--named", "data.ttl", "--format", "tsv", query});
  BOOST_TEST_REQUIRE(by_file.status == 0, by_file.err);
  std::string file_iri = kg::rdf::file_iri(f.path("data.ttl"));
  BOOST_TEST(by_file.out == "?g\n<" + file_iri + ">\n");
  Outcome by_iri = f.run({"--named", "data.ttl=http://ex/graph", "--format", "tsv", query});
  BOOST_TEST(by_iri.out == "?g\n<http://ex/graph>\n", by_iri.err);
  // Named graphs are not part of the default graph.
  Outcome default_graph =
      f.run({"--named", "data.ttl", "--format", "tsv", "SELECT * WHERE { ?s ?p ?o }"});
  BOOST_TEST(default_graph.out == "?s\t?p\t?o\n");
}

BOOST_AUTO_TEST_CASE(query_files_resolve_relative_iris_against_themselves) {
  CliFixture f;
  f.write("q.rq", "SELECT ?s WHERE { ?s ?p ?o } VALUES ?s { <rel> }");
  std::string expected = kg::rdf::file_iri(f.path("rel"));
  Outcome explained = f.run({"--data", "data.ttl", "--explain", "-f", "q.rq"});
  BOOST_TEST(explained.status == 0);
  BOOST_TEST(explained.out.find(expected) != std::string::npos, explained.out);
  BOOST_TEST(explained.out.find("IndexScan") != std::string::npos, explained.out);
}

BOOST_AUTO_TEST_CASE(formats_and_errors) {
  CliFixture f;
  Outcome csv = f.run({"--data", "data.ttl", "--format", "csv",
                       "SELECT ?o WHERE { <http://ex/a> <http://ex/p> ?o }"});
  BOOST_TEST(csv.out == "o\r\n1\r\n");
  Outcome ask = f.run({"--data", "data.ttl", "--format", "json", "ASK { ?s ?p 3 }"});
  BOOST_TEST(ask.out.find("true") != std::string::npos);
  Outcome graph = f.run({"--data", "data.ttl", "--format", "ntriples",
                         "CONSTRUCT { ?s <http://ex/r> ?o } WHERE { ?s <http://ex/q> ?o }"});
  BOOST_TEST(graph.out ==
             "<http://ex/c> <http://ex/r> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
  BOOST_TEST(f.run({"--data", "data.ttl", "--format", "yaml", "ASK {}"}).status == 2);
  Outcome missing = f.run({"--data", "nope.ttl", "ASK {}"});
  BOOST_TEST(missing.status == 1);
  // Without data, the built graph is required.
  fs::create_directories(f.path("project/ontology"));
  fs::create_directories(f.path("project/seeds"));
  Outcome unbuilt = f.run({"ASK {}"}, "KG_ROOT='" + f.path("project").string() + "'");
  BOOST_TEST(unbuilt.status == 1);
  BOOST_TEST(unbuilt.err ==
             "kg query: no built graph: run 'kg build' first (or pass --data FILE)\n");
}

BOOST_AUTO_TEST_SUITE_END()
