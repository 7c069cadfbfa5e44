// kg build, kg validate and kg export run as a user would: the real binary against a
// temporary copy of a project, and against the real seeds.
#include <fstream>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "convert/convert.hpp"
#include "convert_test_support.hpp"
#include "rdf/rdf.hpp"

namespace fs = std::filesystem;
using namespace kg;

namespace {

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

// "LINE:COL" of a byte offset in ASCII text.
std::string position_of(const std::string& text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

struct BadInput {
  std::string file;  // under the project root
  std::string from, to;
  std::string expected;  // the start of the one stderr line, after "kg build: "
};

// A project that built once; then one input is broken and the build must fail cleanly.
void expect_clean_failure(const BadInput& bad) {
  test::FixtureProject project;
  test::RunResult first = test::run_kg({"build"}, project.root());
  BOOST_REQUIRE_MESSAGE(first.status == 0, first.err);
  auto before = test::snapshot(project.exports());
  BOOST_REQUIRE(before.size() == 2u);

  test::replace_once(project.root() / bad.file, bad.from, bad.to);
  test::RunResult result = test::run_kg({"build"}, project.root());
  BOOST_TEST(result.status == 1);
  std::vector<std::string> lines = test::lines_of(result.err);
  BOOST_REQUIRE_MESSAGE(lines.size() == 1u, result.err);
  BOOST_TEST(starts_with(lines[0], "kg build: " + bad.expected), lines[0]);
  BOOST_TEST(result.out.empty());
  BOOST_TEST((test::snapshot(project.exports()) == before), "exports/ changed");
}

std::string malformed_facts_expectation() {
  std::string text = test::read_text(test::convert_fixture() / "seeds" / "facts.json");
  std::string marker = "\"subject\": \"Lee_Sung-jin\",\n      \"predicate\": \"kg:directed\"";
  size_t at = text.find(marker);
  BOOST_REQUIRE(at != std::string::npos);
  // With the comma gone, the parser stops at the "predicate" key, one byte earlier.
  size_t key = text.find("\"predicate\"", at) - 1;
  text.erase(text.find(',', at), 1);
  return "seeds/facts.json:" + position_of(text, key) + ": syntax error";
}

std::string broken_ontology_expectation(const std::string& marker) {
  std::string text = test::read_text(test::convert_fixture() / "ontology" / "kg.ttl");
  size_t at = text.find(marker);
  BOOST_REQUIRE(at != std::string::npos);
  std::string position = position_of(text, at);
  return "ontology/kg.ttl:" + position.substr(0, position.find(':')) + ":";
}

fs::path committed_exports() {
  return test::source_dir() / "exports";
}

size_t merged_triple_count(const fs::path& nquads) {
  rdf::Store dataset;
  rdf::parse_file(dataset, nquads);
  rdf::Store merged;
  for (const rdf::Quad& quad : convert::merged_graph(dataset))
    merged.insert(quad.subject.to_term(), quad.predicate.to_term(), quad.object.to_term());
  return merged.size();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(convert_cli)

BOOST_AUTO_TEST_CASE(malformed_json_names_line_and_column) {
  expect_clean_failure({"seeds/facts.json",
                        "\"subject\": \"Lee_Sung-jin\",\n      \"predicate\": \"kg:directed\"",
                        "\"subject\": \"Lee_Sung-jin\"\n      \"predicate\": \"kg:directed\"",
                        malformed_facts_expectation()});
}

BOOST_AUTO_TEST_CASE(unknown_entity_names_the_json_path) {
  expect_clean_failure({"seeds/facts.json", "\"object\": \"RM\"", "\"object\": \"Foo\"",
                        "seeds/facts.json: at /facts/3/object: unknown entity 'Foo'"});
}

BOOST_AUTO_TEST_CASE(unknown_property_names_the_json_path) {
  expect_clean_failure({"seeds/facts.json", "\"predicate\": \"kg:directed\"",
                        "\"predicate\": \"kg:direct\"",
                        "seeds/facts.json: at /facts/0/predicate: unknown property 'kg:direct'"});
}

BOOST_AUTO_TEST_CASE(impossible_date_names_the_json_path) {
  expect_clean_failure({"seeds/facts.json", "\"2024-05-10\"", "\"2024-02-30\"",
                        "seeds/facts.json: at /facts/1/object/value: '2024-02-30' is not a valid "
                        "xsd:date"});
}

BOOST_AUTO_TEST_CASE(date_time_without_the_time_zone_its_range_requires_is_refused) {
  expect_clean_failure({"seeds/facts.json", "2024-05-10T13:00:00+09:00", "2024-05-10T13:00:00",
                        "seeds/facts.json: at /facts/2/object: '2024-05-10T13:00:00' has no time "
                        "zone"});
}

BOOST_AUTO_TEST_CASE(broken_ontology_turtle_names_line_and_column) {
  std::string marker = "schema:Person a owl:Class";
  expect_clean_failure({"ontology/kg.ttl", marker, "schema:Person a \"owl:Class",
                        broken_ontology_expectation(marker)});
}

BOOST_AUTO_TEST_CASE(a_graph_that_violates_the_ontology_is_not_exported) {
  test::FixtureProject project;
  BOOST_REQUIRE(test::run_kg({"build"}, project.root()).status == 0);
  auto before = test::snapshot(project.exports());
  test::replace_once(project.root() / "seeds" / "entities.json", "\"labels\": { \"en\": \"RM\" }",
                     "\"labels\": { \"ko\": \"RM\" }");
  test::RunResult result = test::run_kg({"build"}, project.root());
  BOOST_TEST(result.status == 1);
  std::vector<std::string> lines = test::lines_of(result.err);
  BOOST_REQUIRE(lines.size() == 3u);
  BOOST_TEST(starts_with(lines[0], "missing-english-label: kgd:RM"));
  BOOST_TEST(lines[1] == "1 violation");
  BOOST_TEST(starts_with(lines[2], "kg build: the built graph does not conform"));
  BOOST_TEST((test::snapshot(project.exports()) == before), "exports/ changed");
}

BOOST_AUTO_TEST_CASE(validate_reports_a_broken_turtle_file_by_line_and_column) {
  test::RunResult result =
      test::run_kg({"validate", "broken.ttl", "--ontology",
                    (test::convert_fixture() / "ontology" / "kg.ttl").string()},
                   test::source_dir(), test::validate_fixtures());
  BOOST_TEST(result.status == 1);
  std::vector<std::string> lines = test::lines_of(result.err);
  BOOST_REQUIRE_MESSAGE(lines.size() == 1u, result.err);
  BOOST_TEST(starts_with(lines[0], "kg validate: broken.ttl:5:"), lines[0]);
}

BOOST_AUTO_TEST_CASE(validate_exit_status_and_json_report) {
  std::string ontology = (test::convert_fixture() / "ontology" / "kg.ttl").string();
  fs::path dir = test::validate_fixtures();
  test::RunResult clean = test::run_kg(
      {"validate", (dir / "base.ttl").string(), "--ontology", ontology}, test::source_dir());
  BOOST_TEST(clean.status == 0, clean.out + clean.err);
  std::vector<std::string> clean_lines = test::lines_of(clean.out);
  BOOST_REQUIRE(clean_lines.size() == 2u);
  BOOST_TEST(clean_lines[0] == "0 violations: the graph conforms to the ontology");
  BOOST_TEST(clean_lines[1] == "SHACL shapes ontology/shapes.ttl: conforms");

  test::RunResult faulty = test::run_kg(
      {"validate", (dir / "base.ttl").string(), (dir / "undeclared_class.ttl").string(),
       "--ontology", ontology, "--format", "json"},
      test::source_dir());
  BOOST_TEST(faulty.status == 1);
  nlohmann::json report = nlohmann::json::parse(faulty.out);
  BOOST_TEST(report["conforms"] == false);
  BOOST_REQUIRE(report["violations"].size() == 1u);
  BOOST_TEST(report["violations"][0]["kind"] == "undeclared-class");

  test::RunResult misuse = test::run_kg({"validate", "--format", "xml"}, test::source_dir());
  BOOST_TEST(misuse.status == 2);
}

BOOST_AUTO_TEST_CASE(building_the_real_seeds_reproduces_the_committed_exports) {
  test::TempDir out;
  test::RunResult result =
      test::run_kg({"build", "--exports", out.path().string()}, test::source_dir());
  BOOST_REQUIRE_MESSAGE(result.status == 0, result.err);
  BOOST_TEST(result.out.find("total quads: ") != std::string::npos);
  for (const char* name : {"kg.ttl", "kg.nq"}) {
    BOOST_TEST_CONTEXT(name) {
      BOOST_REQUIRE(fs::exists(committed_exports() / name));
      BOOST_TEST(
          (test::read_text(out.path() / name) == test::read_text(committed_exports() / name)),
          "exports/" << name << " differs from a fresh build: run kg build and commit");
    }
  }
}

BOOST_AUTO_TEST_CASE(the_turtle_export_parses_with_kg_and_with_serdi) {
  fs::path turtle = committed_exports() / "kg.ttl";
  size_t expected = merged_triple_count(committed_exports() / "kg.nq");
  BOOST_TEST(expected > 0u);
  rdf::Store parsed;
  rdf::parse_file(parsed, turtle);
  BOOST_TEST(parsed.size() == expected);

  BOOST_REQUIRE_MESSAGE(test::run_shell("command -v serdi").status == 0,
                        "serdi is missing (Debian package serdi; scripts/install-deps)");
  test::RunResult serdi =
      test::run_shell("serdi -i turtle -o ntriples " + test::shell_quote(turtle.string()));
  BOOST_REQUIRE_MESSAGE(serdi.status == 0, serdi.err);
  BOOST_TEST(test::lines_of(serdi.out).size() == expected);
}

BOOST_AUTO_TEST_CASE(validate_checks_the_shapes_beside_the_ontology) {
  // The built graph without one of the triples its claims state: the ontology has nothing
  // against that, the SHACL-SPARQL constraint of ontology/shapes.ttl does.
  const std::string stated =
      "<https://kg.example.org/id/Lee_Sung-jin> "
      "<https://kg.example.org/ontology#directed> "
      "<https://kg.example.org/id/Beef_TV_series> ";
  test::TempDir dir;
  std::string kept;
  size_t dropped = 0;
  for (const std::string& line : test::lines_of(test::read_text(committed_exports() / "kg.nq"))) {
    if (line.starts_with(stated)) {
      ++dropped;
      continue;
    }
    kept += line + "\n";
  }
  BOOST_REQUIRE(dropped > 0u);
  fs::path broken = dir.path() / "broken.nq";
  std::ofstream(broken) << kept;

  test::RunResult result = test::run_kg({"validate", broken.string()}, test::source_dir());
  BOOST_TEST(result.status == 1);
  BOOST_TEST(result.out.find("0 violations: the graph conforms to the ontology") !=
             std::string::npos);
  BOOST_TEST(result.out.find("which is not in the graph") != std::string::npos, result.out);
  BOOST_TEST(test::lines_of(result.out).back() == "does not conform: " + std::to_string(dropped) +
                                                      (dropped == 1 ? " result" : " results"));

  test::RunResult json =
      test::run_kg({"validate", broken.string(), "--format", "json"}, test::source_dir());
  nlohmann::json report = nlohmann::json::parse(json.out);
  BOOST_TEST(report["conforms"] == false);
  BOOST_TEST(report["violations"].empty());
  BOOST_TEST(report["shacl"]["results"].size() == dropped);

  test::RunResult ontology_only =
      test::run_kg({"validate", broken.string(), "--no-shapes"}, test::source_dir());
  BOOST_TEST(ontology_only.status == 0, ontology_only.out);
}

BOOST_AUTO_TEST_CASE(the_real_built_graph_validates_clean) {
  test::RunResult result = test::run_kg({"validate"}, test::source_dir());
  BOOST_TEST(result.status == 0, result.out + result.err);
}

BOOST_AUTO_TEST_CASE(export_writes_each_format) {
  fs::path root = test::source_dir();
  test::RunResult turtle = test::run_kg({"export"}, root);
  BOOST_REQUIRE(turtle.status == 0);
  BOOST_TEST((turtle.out == test::read_text(committed_exports() / "kg.ttl")));

  test::TempDir out;
  rdf::Store dataset;
  rdf::parse_file(dataset, committed_exports() / "kg.nq");
  for (const char* name : {"all.nq", "all.trig", "merged.nt"}) {
    BOOST_TEST_CONTEXT(name) {
      fs::path file = out.path() / name;
      test::RunResult result = test::run_kg({"export", "--out", file.string()}, root);
      BOOST_REQUIRE_MESSAGE(result.status == 0, result.err);
      BOOST_TEST(result.out.empty());
      rdf::Store parsed;
      rdf::parse_file(parsed, file);
      bool all_graphs = fs::path(name).stem() == "all";
      BOOST_TEST(
          parsed.size() ==
          (all_graphs ? dataset.size() : merged_triple_count(committed_exports() / "kg.nq")));
      if (all_graphs) BOOST_TEST(parsed.named_graphs().size() == dataset.named_graphs().size());
    }
  }
  test::RunResult explicit_format = test::run_kg({"export", "--format", "ntriples"}, root);
  BOOST_TEST(explicit_format.status == 0);
  BOOST_TEST(test::lines_of(explicit_format.out).size() ==
             merged_triple_count(committed_exports() / "kg.nq"));
  BOOST_TEST(test::run_kg({"export", "--format", "rdfxml"}, root).status == 2);
}

BOOST_AUTO_TEST_SUITE_END()
