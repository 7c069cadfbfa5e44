#include <map>
#include <set>

#include <boost/test/unit_test.hpp>

#include "path_fixtures.hpp"

using namespace kg;
using namespace path_test;

namespace {

std::map<std::string, size_t> by_iri(const std::vector<std::pair<rdf::NodeRef, size_t>>& counts) {
  std::map<std::string, size_t> out;
  for (const auto& [node, count] : counts)
    out[node ? std::string(node.value()) : ""] = count;
  return out;
}

std::map<std::string, double> centrality_by_name(rdf::Store& store) {
  path::EntityGraph graph = path::EntityGraph::build(store);
  std::vector<double> values = path::betweenness(graph);
  std::map<std::string, double> out;
  for (path::Vertex v = 0; v < graph.vertex_count(); ++v)
    out[std::string(graph.node(v).value()).substr(std::string("http://example.org/").size())] =
        values[v];
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(path_stats)

BOOST_AUTO_TEST_CASE(counts_per_class_predicate_and_graph) {
  rdf::Store store;
  load_news(store);
  path::EntityGraph graph = path::EntityGraph::build(store);
  path::GraphStats stats = path::compute_stats(store, graph, {});
  auto classes = by_iri(stats.classes);
  BOOST_TEST(classes["http://schema.org/Person"] == 3u);
  BOOST_TEST(classes["https://kg.example.org/ontology#Claim"] == 3u);
  BOOST_TEST(classes["http://schema.org/Country"] == 2u);
  auto predicates = by_iri(stats.predicates);
  // Stated in two source graphs, counted once.
  BOOST_TEST(predicates["https://kg.example.org/ontology#directed"] == 1u);
  BOOST_TEST(predicates["https://kg.example.org/ontology#wonAward"] == 2u);
  auto graphs = by_iri(stats.graphs);
  BOOST_TEST(graphs.size() == store.named_graphs().size());
  for (rdf::NodeRef named : store.named_graphs())
    BOOST_TEST(graphs[std::string(named.value())] == store.graph_size(named));
  BOOST_TEST(stats.quads == store.size());
  BOOST_TEST(stats.triples == store.size() - 1);  // one fact is stated by two sources
  for (size_t i = 1; i < stats.predicates.size(); ++i)
    BOOST_TEST(stats.predicates[i - 1].second >= stats.predicates[i].second);
  BOOST_TEST(stats.vertices == graph.vertex_count());
  BOOST_TEST(stats.components == 1u);
}

BOOST_AUTO_TEST_CASE(connected_components_and_their_sizes) {
  rdf::Store store;
  load_turtle(store,
              "ex:a ex:p ex:b . ex:c ex:p ex:b . ex:d ex:q ex:e . ex:f ex:p ex:g . ex:g ex:p ex:h ."
              "ex:h ex:p ex:i . ex:lonely rdfs:label \"not linked\" .");
  path::EntityGraph graph = path::EntityGraph::build(store);
  path::StatsOptions options;
  options.top = 2;
  path::GraphStats stats = path::compute_stats(store, graph, options);
  BOOST_TEST(stats.components == 3u);
  BOOST_TEST(stats.largest_components == (std::vector<size_t>{4, 3}));
}

BOOST_AUTO_TEST_CASE(farthest_pair_of_the_largest_component) {
  rdf::Store store;
  // A hub with a long arm and a short one, and a smaller component of four in a row (longer
  // than the largest component's arms, but not the largest component).
  load_turtle(store,
              "ex:hub ex:p ex:a1 , ex:b1 , ex:c1 . ex:a1 ex:p ex:a2 . ex:a3 ex:p ex:a2 ."
              "ex:b1 ex:p ex:b2 . ex:x1 ex:p ex:x2 . ex:x2 ex:p ex:x3 . ex:x3 ex:p ex:x4 .");
  path::EntityGraph graph = path::EntityGraph::build(store);
  path::GraphStats stats = path::compute_stats(store, graph, {});
  BOOST_REQUIRE(stats.farthest.has_value());
  BOOST_TEST(stats.farthest->hops == 5u);  // a3 - a2 - a1 - hub - b1 - b2
  std::set<std::string> ends{std::string(stats.farthest->from.value()),
                             std::string(stats.farthest->to.value())};
  BOOST_TEST((ends == std::set<std::string>{"http://example.org/a3", "http://example.org/b2"}));

  rdf::Store unlinked;
  load_turtle(unlinked, "ex:lonely rdfs:label \"not linked\" .");
  path::EntityGraph none = path::EntityGraph::build(unlinked);
  BOOST_TEST(!path::compute_stats(unlinked, none, {}).farthest.has_value());
}

BOOST_AUTO_TEST_CASE(betweenness_of_a_star_and_a_path) {
  rdf::Store star;
  load_turtle(star, "ex:hub ex:p ex:a , ex:b , ex:c , ex:d . ex:c ex:q ex:hub .");
  auto around_hub = centrality_by_name(star);
  // Every pair of the four leaves goes through the hub: C(4,2) = 6; a second link between the
  // hub and c changes nothing.
  BOOST_TEST(around_hub["hub"] == 6.0);
  BOOST_TEST(around_hub["a"] == 0.0);
  BOOST_TEST(around_hub["c"] == 0.0);

  rdf::Store line;
  load_turtle(line, "ex:a ex:p ex:b . ex:b ex:p ex:c . ex:d ex:p ex:c . ex:d ex:p ex:e .");
  auto along_line = centrality_by_name(line);
  BOOST_TEST(along_line["a"] == 0.0);
  BOOST_TEST(along_line["b"] == 3.0);
  BOOST_TEST(along_line["c"] == 4.0);
  BOOST_TEST(along_line["d"] == 3.0);
}

BOOST_AUTO_TEST_CASE(ranking_lists_the_most_central_first) {
  rdf::Store store;
  load_turtle(store, "ex:a ex:p ex:b . ex:b ex:p ex:c . ex:d ex:p ex:c . ex:d ex:p ex:e .");
  path::EntityGraph graph = path::EntityGraph::build(store);
  path::StatsOptions options;
  options.top = 2;
  path::GraphStats stats = path::compute_stats(store, graph, options);
  BOOST_TEST((stats.centrality_method == path::CentralityMethod::Exact));
  BOOST_REQUIRE(stats.central.size() == 2u);
  BOOST_TEST((stats.central[0].first == ex(store, "c")));
  BOOST_TEST((stats.central[1].first == ex(store, "b")));  // ties with d, first by IRI
}

BOOST_AUTO_TEST_CASE(sampling_every_source_is_exact_and_big_graphs_are_refused) {
  rdf::Store store;
  load_news(store);
  path::EntityGraph graph = path::EntityGraph::build(store);
  std::vector<double> exact = path::betweenness(graph);
  std::vector<double> sampled = path::betweenness(graph, graph.vertex_count());
  BOOST_REQUIRE(exact.size() == sampled.size());
  for (size_t v = 0; v < exact.size(); ++v)
    BOOST_TEST(sampled[v] == exact[v], boost::test_tools::tolerance(1e-9));

  path::StatsOptions too_big;
  too_big.exact_betweenness_limit = 10;
  path::GraphStats skipped = path::compute_stats(store, graph, too_big);
  BOOST_TEST((skipped.centrality_method == path::CentralityMethod::Skipped));
  BOOST_TEST(skipped.central.empty());
  too_big.sampled_sources = 3;
  path::GraphStats estimated = path::compute_stats(store, graph, too_big);
  BOOST_TEST((estimated.centrality_method == path::CentralityMethod::Sampled));
  BOOST_TEST(estimated.centrality_sources == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
