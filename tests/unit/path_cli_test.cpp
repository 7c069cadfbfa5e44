#include <filesystem>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "path_fixtures.hpp"

using namespace path_test;

namespace {

CommandResult kg_on_news(const std::string& arguments) {
  return run_kg(arguments + " --data " + quote(kNewsFixture));
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

size_t count_lines(const std::string& text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(path_cli)

BOOST_AUTO_TEST_CASE(path_prints_a_sentence_chain_with_labels) {
  auto result = kg_on_news("path 'Ли Сон Джин' kgd:BTS");
  BOOST_TEST(result.status == 0);
  BOOST_TEST(result.out ==
             "4 hops: Lee Sung-jin —directed→ Come Back to Me (music video) —musicVideoFor→ "
             "Come Back to Me ←performed— RM —memberOf→ BTS\n");
}

BOOST_AUTO_TEST_CASE(path_options_change_the_answer) {
  auto all = kg_on_news("path 'Kim Min-ha' 'Lee Sung-jin' --all");
  BOOST_TEST(all.status == 0);
  BOOST_TEST(count_lines(all.out) == 2u);
  auto via = kg_on_news("path 'Kim Min-ha' 'Lee Sung-jin' --via kg:starredIn,kg:directed");
  BOOST_TEST(via.status == 0);
  BOOST_TEST(via.out ==
             "2 hops: Kim Min-ha —starredIn→ Come Back to Me (music video) "
             "←directed— Lee Sung-jin\n");
  auto k = kg_on_news("path 'Kim Min-ha' 'Primetime Emmy Awards' --k 3");
  BOOST_TEST(k.status == 0);
  BOOST_TEST(count_lines(k.out) == 3u);
  BOOST_TEST(k.out.rfind("3 hops:", 0) == 0u);
  auto directed = kg_on_news("path 'Lee Sung-jin' BTS --directed");
  BOOST_TEST(directed.status == 1);
  BOOST_TEST(contains(directed.err, "drop --directed"));
}

BOOST_AUTO_TEST_CASE(path_formats) {
  auto json = kg_on_news("path 'Kim Min-ha' 'Lee Sung-jin' --all --format json");
  BOOST_TEST(json.status == 0);
  auto parsed = nlohmann::json::parse(json.out);
  BOOST_TEST(parsed["paths"].size() == 2u);
  BOOST_TEST(parsed["from"]["iri"] == "https://kg.example.org/id/Kim_Min-ha");
  auto dot = kg_on_news("path 'Kim Min-ha' 'Lee Sung-jin' --all --format dot");
  BOOST_TEST(dot.status == 0);
  BOOST_TEST(dot.out.rfind("digraph G {", 0) == 0u);
  BOOST_TEST(contains(dot.out, "label=\"starredIn\""));
}

BOOST_AUTO_TEST_CASE(path_errors_are_one_line_and_fail) {
  struct Case {
    std::string arguments, message;
    int status;
  };
  const Case cases[] = {
      {"path 'Come Back to Me' BTS", "ambiguous entity 'Come Back to Me'", 1},
      {"path 'Nobody At All' BTS", "unknown entity 'Nobody At All'", 1},
      {"path kgd:Beef BTS --max-hops 3", "no path from 'kgd:Beef' to 'BTS' within 3 hops", 1},
      {"path Seoul BTS", "'Seoul' has no links to other entities", 1},
      {"path BTS RM --via kg:nothing", "unknown predicate 'kg:nothing'", 1},
      {"path BTS RM --k 0", "--k needs an integer", 2},
      {"path BTS RM --all --k 2", "cannot be combined", 2},
      {"path BTS RM --format xml", "unknown --format 'xml'", 2},
      {"path BTS", "expected FROM and TO", 2},
      {"path BTS kgd:BTS", "same entity", 2},
  };
  for (const Case& c : cases) {
    auto result = kg_on_news(c.arguments);
    BOOST_TEST_CONTEXT(c.arguments) {
      BOOST_TEST(result.status == c.status);
      BOOST_TEST(contains(result.err, c.message), result.err);
      BOOST_TEST(count_lines(result.err) == 1u);
      BOOST_TEST(result.out.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(without_data_the_built_graph_is_required) {
  auto empty_project = std::filesystem::temp_directory_path() / "kg_path_cli_no_build";
  std::filesystem::create_directories(empty_project);
  auto result = run_kg("path BTS RM", "KG_ROOT=" + quote(empty_project.string()));
  BOOST_TEST(result.status == 1);
  BOOST_TEST(contains(result.err, "no built graph: run 'kg build' first"));
  auto stats = run_kg("stats", "KG_ROOT=" + quote(empty_project.string()));
  BOOST_TEST(stats.status == 1);
  BOOST_TEST(contains(stats.err, "no built graph"));
}

BOOST_AUTO_TEST_CASE(stats_text_and_json) {
  auto text = kg_on_news("stats --top 3");
  BOOST_TEST(text.status == 0);
  BOOST_TEST(contains(text.out, "1 connected component (largest: 10)"));
  BOOST_TEST(contains(text.out, "schema:Person"));
  BOOST_TEST(contains(text.out, "kgs:000_a"));
  BOOST_TEST(contains(text.out, "1.         22.0  Lee Sung-jin  kgd:Lee_Sung-jin"));

  auto json = kg_on_news("stats --format json --top 2");
  BOOST_TEST(json.status == 0);
  auto parsed = nlohmann::json::parse(json.out);
  BOOST_TEST(parsed["entity_graph"]["components"] == 1);
  BOOST_TEST(parsed["centrality"]["method"] == "exact");
  BOOST_REQUIRE(parsed["centrality"]["top"].size() == 2u);
  BOOST_TEST(parsed["centrality"]["top"][0]["label"] == "Lee Sung-jin");
  BOOST_TEST(parsed["centrality"]["top"][0]["betweenness"].get<double>() >=
             parsed["centrality"]["top"][1]["betweenness"].get<double>());

  auto sampled = kg_on_news("stats --format json --approx 4");
  BOOST_TEST(nlohmann::json::parse(sampled.out)["centrality"]["sources"] == 4);
  BOOST_TEST(kg_on_news("stats --top 0").status == 2);
}

BOOST_AUTO_TEST_SUITE_END()
