#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <random>
#include <set>

#include <boost/test/unit_test.hpp>

#include "path_fixtures.hpp"

using namespace kg;
using namespace path_test;

namespace {

std::vector<size_t> lengths(const path::PathResult& result) {
  std::vector<size_t> out;
  for (const path::Path& path : result.paths)
    out.push_back(path.hops());
  return out;
}

// The entities a path visits, in order.
std::vector<rdf::NodeRef> visited(const path::Path& path) {
  std::vector<rdf::NodeRef> nodes;
  if (!path.steps.empty()) nodes.push_back(path.steps.front().from());
  for (const path::Step& step : path.steps)
    nodes.push_back(step.to());
  return nodes;
}

void check_is_walk(const rdf::Store& store, const path::Path& path, rdf::NodeRef from,
                   rdf::NodeRef to) {
  auto nodes = visited(path);
  BOOST_REQUIRE(!nodes.empty());
  BOOST_TEST((nodes.front() == from));
  BOOST_TEST((nodes.back() == to));
  for (size_t i = 0; i + 1 < nodes.size(); ++i) {
    const path::Step& step = path.steps[i];
    BOOST_TEST((step.from() == nodes[i]));
    BOOST_TEST(store.contains(step.subject, step.predicate, step.object, {}));
  }
  std::set<rdf::NodeRef> distinct(nodes.begin(), nodes.end());
  BOOST_TEST(distinct.size() == nodes.size());  // simple
}

// A random multigraph on ex:n0..ex:nN with predicates ex:p0..ex:p2, and its links as
// (subject, object) index pairs.
std::vector<std::pair<int, int>> random_graph(rdf::Store& store, int nodes, int links,
                                              unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> node(0, nodes - 1), predicate(0, 2);
  std::vector<std::pair<int, int>> added;
  while (static_cast<int>(added.size()) < links) {
    int s = node(random), o = node(random);
    if (s == o) continue;
    if (store.insert(ex(store, "n" + std::to_string(s)),
                     ex(store, "p" + std::to_string(predicate(random))),
                     ex(store, "n" + std::to_string(o))))
      added.emplace_back(s, o);
  }
  return added;
}

// Hop counts of every simple path from `from` to `to`, by exhaustive search.
std::vector<size_t> all_simple_path_lengths(rdf::Store& store, int nodes, int from, int to,
                                            bool directed) {
  std::vector<size_t> found;
  std::vector<bool> on_path(static_cast<size_t>(nodes));
  std::function<void(rdf::NodeRef, size_t)> extend = [&](rdf::NodeRef at, size_t depth) {
    if (at == ex(store, "n" + std::to_string(to))) {
      found.push_back(depth);
      return;
    }
    auto walk = [&](rdf::NodeRef next) {
      int index =
          std::stoi(std::string(next.value().substr(std::string("http://example.org/n").size())));
      if (on_path[static_cast<size_t>(index)]) return;
      on_path[static_cast<size_t>(index)] = true;
      extend(next, depth + 1);
      on_path[static_cast<size_t>(index)] = false;
    };
    for (const rdf::Quad& quad : store.match(at, {}, {}, {}))
      walk(quad.object);
    if (!directed)
      for (const rdf::Quad& quad : store.match({}, {}, at, {}))
        walk(quad.subject);
  };
  on_path[static_cast<size_t>(from)] = true;
  extend(ex(store, "n" + std::to_string(from)), 0);
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(path_search)

BOOST_AUTO_TEST_CASE(shortest_path_prints_each_step_in_its_true_direction) {
  rdf::Store store;
  load_turtle(store,
              "ex:kim ex:starredIn ex:mv . ex:lee ex:directed ex:mv . ex:lee ex:won ex:emmy .");
  auto result = paths_between(store, ex(store, "kim"), ex(store, "emmy"));
  BOOST_REQUIRE(result.paths.size() == 1u);
  const auto& steps = result.paths[0].steps;
  BOOST_REQUIRE(steps.size() == 3u);
  BOOST_TEST(steps[0].forward);
  BOOST_TEST((steps[0].subject == ex(store, "kim")));
  BOOST_TEST(!steps[1].forward);
  BOOST_TEST((steps[1].subject == ex(store, "lee")));
  BOOST_TEST((steps[1].predicate == ex(store, "directed")));
  BOOST_TEST((steps[1].object == ex(store, "mv")));
  BOOST_TEST(steps[2].forward);
  check_is_walk(store, result.paths[0], ex(store, "kim"), ex(store, "emmy"));
}

BOOST_AUTO_TEST_CASE(directed_search_walks_links_subject_to_object_only) {
  rdf::Store store;
  load_turtle(store, "ex:a ex:p ex:b . ex:b ex:p ex:c . ex:d ex:p ex:c .");
  path::PathOptions directed;
  directed.directed = true;
  BOOST_TEST(paths_between(store, ex(store, "a"), ex(store, "c"), directed).paths.size() == 1u);
  BOOST_TEST(paths_between(store, ex(store, "c"), ex(store, "a"), directed).paths.empty());
  BOOST_TEST(paths_between(store, ex(store, "a"), ex(store, "d"), directed).paths.empty());
  BOOST_TEST(lengths(paths_between(store, ex(store, "a"), ex(store, "d"))) ==
             std::vector<size_t>{3});
}

BOOST_AUTO_TEST_CASE(via_restricts_the_predicates_walked) {
  rdf::Store store;
  load_turtle(store, "ex:a ex:p ex:b . ex:b ex:p ex:c . ex:a ex:q ex:c .");
  BOOST_TEST(lengths(paths_between(store, ex(store, "a"), ex(store, "c"))) ==
             std::vector<size_t>{1});
  path::PathOptions via_p;
  via_p.via = {ex(store, "p")};
  auto result = paths_between(store, ex(store, "a"), ex(store, "c"), via_p);
  BOOST_TEST(lengths(result) == std::vector<size_t>{2});
  for (const path::Step& step : result.paths[0].steps)
    BOOST_TEST((step.predicate == ex(store, "p")));
  path::PathOptions via_nothing_present;
  via_nothing_present.via = {ex(store, "absent")};
  BOOST_TEST(
      paths_between(store, ex(store, "a"), ex(store, "c"), via_nothing_present).paths.empty());
}

BOOST_AUTO_TEST_CASE(max_hops_bounds_the_search) {
  rdf::Store store;
  load_turtle(store, "ex:a ex:p ex:b . ex:b ex:p ex:c . ex:c ex:p ex:d . ex:d ex:p ex:e .");
  path::PathOptions options;
  options.max_hops = 3;
  BOOST_TEST(paths_between(store, ex(store, "a"), ex(store, "e"), options).paths.empty());
  options.max_hops = 4;
  BOOST_TEST(lengths(paths_between(store, ex(store, "a"), ex(store, "e"), options)) ==
             std::vector<size_t>{4});
  options.mode = path::PathMode::AllShortest;
  options.max_hops = 3;
  BOOST_TEST(paths_between(store, ex(store, "a"), ex(store, "e"), options).paths.empty());
}

BOOST_AUTO_TEST_CASE(all_shortest_paths_on_diamonds) {
  rdf::Store store;
  // Two diamonds in a row (2 x 2 shortest paths of 4 hops) and a longer detour.
  load_turtle(store,
              "ex:s ex:p ex:a , ex:b . ex:a ex:p ex:m . ex:b ex:p ex:m . ex:m ex:p ex:c , ex:d ."
              "ex:c ex:p ex:t . ex:d ex:p ex:t . ex:s ex:q ex:x . ex:x ex:q ex:y . ex:y ex:q ex:z ."
              "ex:z ex:q ex:w . ex:w ex:q ex:t .");
  path::PathOptions all;
  all.mode = path::PathMode::AllShortest;
  auto result = paths_between(store, ex(store, "s"), ex(store, "t"), all);
  BOOST_TEST(lengths(result) == std::vector<size_t>(4, 4));
  BOOST_TEST(!result.truncated);
  std::set<std::vector<rdf::NodeRef>> distinct;
  for (const path::Path& path : result.paths) {
    check_is_walk(store, path, ex(store, "s"), ex(store, "t"));
    distinct.insert(visited(path));
  }
  BOOST_TEST(distinct.size() == 4u);
  all.max_paths = 3;
  auto capped = paths_between(store, ex(store, "s"), ex(store, "t"), all);
  BOOST_TEST(capped.paths.size() == 3u);
  BOOST_TEST(capped.truncated);
}

BOOST_AUTO_TEST_CASE(parallel_links_make_distinct_paths) {
  rdf::Store store;
  load_turtle(store, "ex:a ex:p ex:b . ex:a ex:q ex:b . ex:b ex:r ex:a .");
  path::PathOptions all;
  all.mode = path::PathMode::AllShortest;
  BOOST_TEST(paths_between(store, ex(store, "a"), ex(store, "b"), all).paths.size() == 3u);
  all.directed = true;
  BOOST_TEST(paths_between(store, ex(store, "a"), ex(store, "b"), all).paths.size() == 2u);
}

BOOST_AUTO_TEST_CASE(yen_finds_the_k_shortest_simple_paths) {
  rdf::Store store;
  // Simple paths s..t: s-a-t (2), s-a-c-t (3), s-b-c-t (3), s-b-c-a-t (4).
  load_turtle(store,
              "ex:s ex:p ex:a , ex:b . ex:a ex:p ex:t , ex:c . ex:b ex:p ex:c . ex:c ex:p ex:t .");
  path::PathOptions options;
  options.mode = path::PathMode::KShortest;
  options.k = 3;
  BOOST_TEST(lengths(paths_between(store, ex(store, "s"), ex(store, "t"), options)) ==
             (std::vector<size_t>{2, 3, 3}));
  options.k = 10;
  auto result = paths_between(store, ex(store, "s"), ex(store, "t"), options);
  BOOST_TEST(lengths(result) == (std::vector<size_t>{2, 3, 3, 4}));
  for (const path::Path& path : result.paths)
    check_is_walk(store, path, ex(store, "s"), ex(store, "t"));
}

BOOST_AUTO_TEST_CASE(bidirectional_search_agrees_with_exhaustive_search_on_random_graphs) {
  for (unsigned seed = 1; seed <= 4; ++seed) {
    rdf::Store store;
    random_graph(store, 9, 14, seed);
    path::EntityGraph graph = path::EntityGraph::build(store);
    for (bool directed : {false, true}) {
      path::PathOptions options;
      options.directed = directed;
      for (int from = 0; from < 9; ++from)
        for (int to = 0; to < 9; ++to) {
          if (from == to) continue;
          rdf::NodeRef a = ex(store, "n" + std::to_string(from)),
                       b = ex(store, "n" + std::to_string(to));
          auto expected = all_simple_path_lengths(store, 9, from, to, directed);
          auto found = path::find_paths(graph, a, b, options);
          if (expected.empty()) {
            BOOST_TEST(found.paths.empty());
            continue;
          }
          BOOST_REQUIRE(found.paths.size() == 1u);
          BOOST_TEST(found.paths[0].hops() == expected.front());
          check_is_walk(store, found.paths[0], a, b);
        }
    }
  }
}

// The store search must give the snapshot's path itself, not just one as short: kg path and
// SERVICE kg:paths answer the same question with the same chain.
void check_store_search_agrees(rdf::Store& store, const path::PathOptions& options) {
  path::EntityGraph graph = path::EntityGraph::build(store);
  size_t pairs_with_paths = 0;
  for (path::Vertex a = 0; a < graph.vertex_count(); ++a)
    for (path::Vertex b = 0; b < graph.vertex_count(); ++b) {
      if (a == b) continue;
      rdf::NodeRef from = graph.node(a), to = graph.node(b);
      auto expected = path::find_paths(graph, from, to, options);
      auto found = path::shortest_path_in_store(store, from, to, options);
      BOOST_TEST_CONTEXT(from.value() << " to " << to.value()) {
        BOOST_REQUIRE(found.has_value() == !expected.paths.empty());
        if (!found) continue;
        ++pairs_with_paths;
        BOOST_TEST((found->steps == expected.paths.front().steps));
      }
    }
  BOOST_TEST(pairs_with_paths > 0u);
}

BOOST_AUTO_TEST_CASE(store_search_finds_the_snapshots_path_on_random_graphs) {
  // Names whose text order differs from the order they are made in, blank nodes (Sord puts
  // them after IRIs), literals (never links) and parallel links.
  std::mt19937 random(7);
  rdf::Store store;
  auto node = [&](int i) {
    return i % 7 == 3 ? store.world().blank("b" + std::to_string(i * 37 % 101))
                      : ex(store, "n" + std::to_string(i * 37 % 101));
  };
  std::uniform_int_distribution<int> pick(0, 39), predicate(0, 3);
  for (int link = 0; link < 90; ++link) {
    rdf::NodeRef s = node(pick(random)), o = node(pick(random));
    int p = predicate(random);
    store.insert(s, ex(store, "p" + std::to_string(p)), p == 3 ? store.world().literal("x") : o);
  }
  path::PathOptions options;
  options.max_hops = 12;
  check_store_search_agrees(store, options);
  options.directed = true;
  check_store_search_agrees(store, options);
  options.directed = false;
  options.via = {ex(store, "p0"), ex(store, "p2")};
  check_store_search_agrees(store, options);
  options.max_hops = 2;
  check_store_search_agrees(store, options);
}

BOOST_AUTO_TEST_CASE(store_search_leaves_out_what_the_snapshot_leaves_out) {
  // Named graphs, claims, sources and the ontology graph.
  rdf::Store store;
  load_news(store);
  check_store_search_agrees(store, {});
}

BOOST_AUTO_TEST_CASE(yen_and_all_shortest_agree_with_exhaustive_search_on_random_graphs) {
  for (unsigned seed = 11; seed <= 14; ++seed) {
    rdf::Store store;
    random_graph(store, 8, 13, seed);
    path::EntityGraph graph = path::EntityGraph::build(store);
    rdf::NodeRef from = ex(store, "n0"), to = ex(store, "n7");
    auto expected = all_simple_path_lengths(store, 8, 0, 7, false);
    path::PathOptions k_paths;
    k_paths.mode = path::PathMode::KShortest;
    k_paths.k = 6;
    auto found = path::find_paths(graph, from, to, k_paths);
    std::vector<size_t> wanted(
        expected.begin(),
        expected.begin() + static_cast<long>(std::min<size_t>(6, expected.size())));
    BOOST_TEST(lengths(found) == wanted);
    std::set<std::vector<std::tuple<rdf::NodeRef, rdf::NodeRef, rdf::NodeRef, bool>>> distinct;
    for (const path::Path& path : found.paths) {
      std::vector<std::tuple<rdf::NodeRef, rdf::NodeRef, rdf::NodeRef, bool>> key;
      for (const path::Step& step : path.steps)
        key.emplace_back(step.subject, step.predicate, step.object, step.forward);
      distinct.insert(key);
    }
    BOOST_TEST(distinct.size() == found.paths.size());

    path::PathOptions all;
    all.mode = path::PathMode::AllShortest;
    auto shortest = path::find_paths(graph, from, to, all);
    size_t expected_count =
        expected.empty()
            ? 0
            : static_cast<size_t>(std::count(expected.begin(), expected.end(), expected.front()));
    BOOST_TEST(shortest.paths.size() == expected_count);
  }
}

BOOST_AUTO_TEST_CASE(an_entity_without_links_has_no_paths) {
  rdf::Store store;
  load_turtle(store, "ex:a ex:p ex:b . ex:lonely rdfs:label \"Lonely\" .");
  BOOST_TEST(paths_between(store, ex(store, "a"), ex(store, "lonely")).paths.empty());
}

BOOST_AUTO_TEST_SUITE_END()
