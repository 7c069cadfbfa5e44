#include <map>
#include <set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/test/unit_test.hpp>

#include "path_fixtures.hpp"

using namespace kg;
using namespace path_test;

namespace {

const char* kFilm =
    "ex:kim rdfs:label \"Kim\"@en ; ex:starredIn ex:mv . ex:mv rdfs:label \"MV\"@en ."
    "ex:lee rdfs:label \"Lee\"@en , \"Ли\"@ru ; ex:directed ex:mv ; ex:won ex:emmy .";

struct DrawnVertex {
  std::string node_id, label;
};
struct DrawnEdge {
  std::string label;
};
using Drawing =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, DrawnVertex, DrawnEdge>;

Drawing parse_dot(const std::string& dot) {
  Drawing drawing;
  boost::dynamic_properties properties(boost::ignore_other_properties);
  properties.property("node_id", boost::get(&DrawnVertex::node_id, drawing));
  properties.property("label", boost::get(&DrawnVertex::label, drawing));
  properties.property("label", boost::get(&DrawnEdge::label, drawing));
  BOOST_REQUIRE(boost::read_graphviz(dot, drawing, properties));
  return drawing;
}

// "from -label-> to" for every edge of a drawing.
std::multiset<std::string> drawn_edges(const Drawing& drawing) {
  std::multiset<std::string> edges;
  for (auto edge : boost::make_iterator_range(boost::edges(drawing)))
    edges.insert(drawing[boost::source(edge, drawing)].label + " -" + drawing[edge].label + "-> " +
                 drawing[boost::target(edge, drawing)].label);
  return edges;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(path_render)

BOOST_AUTO_TEST_CASE(text_reads_as_a_sentence_chain) {
  rdf::Store store;
  load_turtle(store, kFilm);
  path::Labeler labeler(store, rdf::PrefixMap::standard());
  auto result = paths_between(store, ex(store, "kim"), ex(store, "emmy"));
  BOOST_TEST(path::render_text(result, labeler) ==
             "3 hops: Kim —starredIn→ MV ←directed— Lee —won→ <http://example.org/emmy>\n");
}

BOOST_AUTO_TEST_CASE(json_lists_steps_with_iris_labels_and_directions) {
  rdf::Store store;
  load_turtle(store, kFilm);
  path::Labeler labeler(store, rdf::PrefixMap::standard());
  auto result = paths_between(store, ex(store, "kim"), ex(store, "lee"));
  auto json = path::render_json(result, ex(store, "kim"), ex(store, "lee"), labeler);
  BOOST_TEST(json["from"]["label"] == "Kim");
  BOOST_TEST(json["to"]["iri"] == "http://example.org/lee");
  BOOST_REQUIRE(json["paths"].size() == 1u);
  const auto& steps = json["paths"][0]["steps"];
  BOOST_TEST(json["paths"][0]["hops"] == 2);
  BOOST_REQUIRE(steps.size() == 2u);
  BOOST_TEST(steps[0]["direction"] == "forward");
  BOOST_TEST(steps[0]["predicate"]["iri"] == "http://example.org/starredIn");
  BOOST_TEST(steps[1]["direction"] == "backward");
  BOOST_TEST(steps[1]["subject"]["label"] == "Lee");
  BOOST_TEST(steps[1]["object"]["label"] == "MV");
  BOOST_TEST(steps[1]["predicate"]["label"] == "directed");
}

BOOST_AUTO_TEST_CASE(dot_merges_paths_into_one_digraph) {
  rdf::Store store;
  load_turtle(store,
              "ex:s rdfs:label \"S\" ; ex:p ex:a , ex:b . ex:a rdfs:label \"A\" ; ex:p ex:t ."
              "ex:b rdfs:label \"B \\\"quoted\\\"\" . ex:t rdfs:label \"T\" ; ex:q ex:b .");
  path::Labeler labeler(store, rdf::PrefixMap::standard());
  path::PathOptions all;
  all.mode = path::PathMode::AllShortest;
  auto result = paths_between(store, ex(store, "s"), ex(store, "t"), all);
  BOOST_REQUIRE(result.paths.size() == 2u);
  std::string dot = path::render_dot(result, ex(store, "s"), ex(store, "t"), labeler);
  BOOST_TEST(dot.rfind("digraph", 0) == 0u);
  Drawing drawing = parse_dot(dot);
  BOOST_TEST(boost::num_vertices(drawing) == 4u);
  // Each triple is drawn subject to object, whichever way the path walked it.
  std::multiset<std::string> expected = {"S -p-> A", "S -p-> B \"quoted\"", "A -p-> T",
                                         "T -q-> B \"quoted\""};
  BOOST_TEST((drawn_edges(drawing) == expected));
}

BOOST_AUTO_TEST_CASE(dot_draws_shared_steps_once) {
  rdf::Store store;
  load_turtle(store, "ex:s ex:p ex:m . ex:m ex:p ex:a , ex:b . ex:a ex:p ex:t . ex:b ex:p ex:t .");
  path::Labeler labeler(store, rdf::PrefixMap::standard());
  path::PathOptions all;
  all.mode = path::PathMode::AllShortest;
  auto result = paths_between(store, ex(store, "s"), ex(store, "t"), all);
  BOOST_REQUIRE(result.paths.size() == 2u);
  Drawing drawing = parse_dot(path::render_dot(result, ex(store, "s"), ex(store, "t"), labeler));
  BOOST_TEST(boost::num_vertices(drawing) == 5u);
  BOOST_TEST(boost::num_edges(drawing) == 5u);
}

BOOST_AUTO_TEST_SUITE_END()
