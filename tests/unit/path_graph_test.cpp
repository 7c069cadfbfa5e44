#include <boost/test/unit_test.hpp>

#include "path_fixtures.hpp"

using namespace kg;
using namespace path_test;

namespace {

// The predicates (by local name) of the links from one entity to another, each direction once.
std::vector<std::pair<std::string, bool>> links(const path::EntityGraph& graph, rdf::NodeRef from,
                                                rdf::NodeRef to) {
  std::vector<std::pair<std::string, bool>> found;
  auto v = graph.vertex(from);
  BOOST_REQUIRE(v.has_value());
  for (auto edge : boost::make_iterator_range(boost::out_edges(*v, graph.csr())))
    if (graph.node(boost::target(edge, graph.csr())) == to) {
      path::EdgeLabel label = graph.csr()[edge];
      found.emplace_back(std::string(graph.predicate(label.predicate()).value()), label.forward());
    }
  return found;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(path_graph)

BOOST_AUTO_TEST_CASE(view_keeps_entities_and_leaves_out_bookkeeping) {
  rdf::Store store;
  load_news(store);
  path::EntityGraph graph = path::EntityGraph::build(store);
  BOOST_TEST(graph.vertex(kgd(store, "Lee_Sung-jin")).has_value());
  BOOST_TEST(graph.vertex(kgd(store, "Primetime_Emmy_Awards")).has_value());
  // Claims, source documents, ontology terms, classes and literals are not entities here.
  BOOST_TEST(!graph.vertex(store.world().iri("https://kg.example.org/claim/F0001-000_a")));
  BOOST_TEST(!graph.vertex(store.world().iri("https://kg.example.org/source/000_a")));
  BOOST_TEST(!graph.vertex(kg_term(store, "directed")));
  BOOST_TEST(!graph.vertex(kg_term(store, "contributedTo")));
  BOOST_TEST(!graph.vertex(store.world().iri("http://schema.org/Person")));
  BOOST_TEST(!graph.vertex(store.world().literal("1994-09-12")));
  // Seoul is typed and labelled but linked to nothing.
  BOOST_TEST(!graph.vertex(kgd(store, "Seoul")));
  BOOST_TEST(graph.vertex_count() == 10u);
  BOOST_TEST(graph.triple_count() == 11u);
}

BOOST_AUTO_TEST_CASE(a_triple_in_several_graphs_is_one_link_stored_both_ways) {
  rdf::Store store;
  load_news(store);
  path::EntityGraph graph = path::EntityGraph::build(store);
  rdf::NodeRef lee = kgd(store, "Lee_Sung-jin"), video = kgd(store, "Come_Back_to_Me_music_video");
  const std::string directed = "https://kg.example.org/ontology#directed";
  auto out = links(graph, lee, video);
  BOOST_REQUIRE(out.size() == 1u);
  BOOST_TEST(out[0].first == directed);
  BOOST_TEST(out[0].second);
  auto back = links(graph, video, lee);
  BOOST_REQUIRE(back.size() == 1u);
  BOOST_TEST(back[0].first == directed);
  BOOST_TEST(!back[0].second);
}

BOOST_AUTO_TEST_CASE(types_are_links_only_when_asked_for) {
  rdf::Store store;
  load_news(store);
  path::ViewOptions options;
  options.include_types = true;
  path::EntityGraph graph = path::EntityGraph::build(store, options);
  rdf::NodeRef person = store.world().iri("http://schema.org/Person");
  BOOST_TEST(graph.vertex(person).has_value());
  BOOST_TEST(links(graph, kgd(store, "Kim_Min-ha"), person).size() == 1u);
  // Claims stay out even though they are typed.
  BOOST_TEST(!graph.vertex(store.world().iri("https://kg.example.org/claim/F0001-000_a")));
  BOOST_TEST(!graph.vertex(kg_term(store, "Claim")));
}

BOOST_AUTO_TEST_CASE(ontology_triples_count_only_when_another_graph_states_them) {
  rdf::Store store;
  rdf::World& w = store.world();
  rdf::NodeRef ontology = w.iri(path::kOntologyGraph), facts = w.iri("http://example.org/g");
  rdf::NodeRef p = w.iri("http://example.org/p");
  store.insert(w.iri("http://example.org/a"), p, w.iri("http://example.org/b"), ontology);
  store.insert(w.iri("http://example.org/a"), p, w.iri("http://example.org/b"), facts);
  store.insert(w.iri("http://example.org/c"), p, w.iri("http://example.org/d"), ontology);
  path::EntityGraph graph = path::EntityGraph::build(store);
  BOOST_TEST(graph.triple_count() == 1u);
  BOOST_TEST(graph.vertex(w.iri("http://example.org/a")).has_value());
  BOOST_TEST(!graph.vertex(w.iri("http://example.org/c")).has_value());
}

BOOST_AUTO_TEST_CASE(blank_nodes_are_vertices_and_self_links_are_dropped) {
  rdf::Store store;
  load_turtle(store, "ex:a ex:p [ ex:q ex:b ] . ex:a ex:same ex:a .");
  path::EntityGraph graph = path::EntityGraph::build(store);
  BOOST_TEST(graph.vertex_count() == 3u);
  BOOST_TEST(graph.triple_count() == 2u);
}

BOOST_AUTO_TEST_CASE(cache_rebuilds_only_after_a_change) {
  rdf::Store store;
  load_turtle(store, "ex:a ex:p ex:b .");
  path::GraphCache cache;
  auto first = cache.get(store);
  BOOST_TEST(cache.get(store) == first);
  path::ViewOptions with_types;
  with_types.include_types = true;
  BOOST_TEST(cache.get(store, with_types) != first);
  store.insert(ex(store, "b"), ex(store, "p"), ex(store, "c"));
  auto rebuilt = cache.get(store);
  BOOST_TEST(rebuilt != first);
  BOOST_TEST(rebuilt->vertex(ex(store, "c")).has_value());
  BOOST_TEST(!first->vertex(ex(store, "c")).has_value());
  BOOST_TEST(rebuilt->memory_bytes() > 0u);
}

BOOST_AUTO_TEST_SUITE_END()
