// A store of the default graph alone keeps its POS order in PredicateRuns, not in Sord: its
// scans must answer exactly as Sord's POS index does, in Sord's order, and follow the store's
// changes.

#include <random>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "rdf/store.hpp"

using namespace kg::rdf;

namespace {

// Objects of every kind, with equal texts in different languages and datatypes, which Sord
// orders by language tag and datatype IRI. (A literal with a datatype and one without Sord
// orders by address, so their texts differ here.)
NodeRef mixed_value(World& w, int kind, int n) {
  std::string text = std::to_string(n);
  switch (kind) {
    case 0:
      return w.literal("x" + text, {}, "en");
    case 1:
      return w.literal("x" + text, {}, "fr");
    case 2:
      return w.literal("x" + text);
    case 3:
      return w.literal(text, "http://www.w3.org/2001/XMLSchema#integer");
    case 4:
      return w.literal(text, "http://www.w3.org/2001/XMLSchema#decimal");
    case 5:
      return w.blank("b" + text);
    default:
      return w.iri("http://e/v" + text);
  }
}

// A store with a few very common (predicate, object) pairs and many rare ones, like types
// and labels, so that both long and short runs occur.
void fill(Store& store, unsigned seed, const std::string& graph = {}) {
  std::mt19937 random(seed);
  World& w = store.world();
  NodeRef into = graph.empty() ? NodeRef() : w.iri(graph);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  for (int i = 0; i < 3000; ++i) {
    NodeRef subject = w.iri("http://e/s" + std::to_string(pick(400)));
    int kind = pick(5);
    if (kind == 0)
      store.insert(subject, w.iri("http://e/type"), w.iri("http://e/C" + std::to_string(pick(3))),
                   into);
    else if (kind == 1)
      store.insert(subject, w.iri("http://e/label"), w.literal("l" + std::to_string(pick(2000))),
                   into);
    else if (kind == 2)
      store.insert(subject, w.iri("http://e/value"), mixed_value(w, pick(8), pick(30)), into);
    else
      store.insert(subject, w.iri("http://e/p" + std::to_string(pick(5))),
                   w.iri("http://e/s" + std::to_string(pick(60))), into);
  }
}

std::vector<std::string> scan(const Store& store, NodeRef predicate, NodeRef object) {
  std::vector<std::string> quads;
  for (const Quad& quad : store.match({}, predicate, object, {}))
    quads.push_back(quad.subject.to_ntriples() + " " + quad.predicate.to_ntriples() + " " +
                    quad.object.to_ntriples());
  return quads;
}

// The same node in another store's world.
NodeRef in(Store& store, NodeRef node) {
  return node ? store.world().intern(node.to_term()) : NodeRef();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rdf_predicate_runs)

BOOST_AUTO_TEST_CASE(scans_from_the_copy_equal_sords_in_order) {
  // The same triples in a named graph: that store keeps Sord's POS index and scans it.
  Store copied, plain;
  fill(copied, 7);
  fill(plain, 7, "http://e/g");
  size_t long_runs = 0;
  for (const auto& [predicate, count] : plain.predicate_counts()) {
    BOOST_TEST_CONTEXT(predicate.value()) {
      BOOST_TEST(scan(copied, in(copied, predicate), {}) == scan(plain, predicate, {}),
                 boost::test_tools::per_element());
      std::vector<NodeRef> objects;
      for (const Quad& quad : plain.match({}, predicate, {}, {}))
        if (objects.empty() || objects.back() != quad.object) objects.push_back(quad.object);
      for (NodeRef object : objects) {
        std::vector<std::string> expected = scan(plain, predicate, object);
        long_runs += expected.size() >= PredicateRuns::kShortestIndexedRun;
        BOOST_TEST(scan(copied, in(copied, predicate), in(copied, object)) == expected);
      }
      // A pair with no triple at all.
      NodeRef absent = copied.world().iri("http://e/nothing");
      BOOST_TEST(scan(copied, in(copied, predicate), absent).empty());
    }
  }
  BOOST_TEST(long_runs > 0u);  // both kinds of (predicate, object) lookup were exercised
}

BOOST_AUTO_TEST_CASE(the_copy_follows_inserts_erasures_and_named_graphs) {
  Store store;
  World& w = store.world();
  NodeRef type = w.iri("http://e/type"), c = w.iri("http://e/C"), g = w.iri("http://e/g");
  for (int i = 0; i < 40; ++i)
    store.insert(w.iri("http://e/s" + std::to_string(i)), type, c);
  BOOST_TEST(scan(store, type, c).size() == 40u);
  store.insert(w.iri("http://e/new"), type, c);
  BOOST_TEST(scan(store, type, c).size() == 41u);
  BOOST_TEST(scan(store, type, {}).size() == 41u);
  store.erase(w.iri("http://e/s0"), type, c);
  BOOST_TEST(scan(store, type, c).size() == 40u);
  // Once a named graph holds the same triples, the union still yields each triple once.
  for (int i = 1; i < 40; ++i)
    store.insert(w.iri("http://e/s" + std::to_string(i)), type, c, g);
  BOOST_TEST(scan(store, type, c).size() == 40u);
  size_t in_named = 0;
  for (const Quad& quad : store.match({}, type, c, g))
    in_named += quad.graph == g;
  BOOST_TEST(in_named == 39u);
}

BOOST_AUTO_TEST_CASE(only_fixed_width_dates_count_as_ordered_by_their_text) {
  using Form = PredicateRuns::OrderedForm;
  const std::string date = "http://www.w3.org/2001/XMLSchema#date";
  const std::string date_time = "http://www.w3.org/2001/XMLSchema#dateTime";
  BOOST_TEST((PredicateRuns::ordered_form(date, "1995-01-31") == Form::Date));
  BOOST_TEST(
      (PredicateRuns::ordered_form(date_time, "1995-01-31T23:59:59") == Form::LocalDateTime));
  BOOST_TEST((PredicateRuns::ordered_form(date_time, "1995-01-31T23:59:59Z") == Form::UtcDateTime));
  for (const char* other : {"1995-01-31Z", "-0044-03-15", "12345-01-01", "1995-1-31", ""})
    BOOST_TEST((PredicateRuns::ordered_form(date, other) == Form::None), other);
  // Midnight written as 24:00:00 equals the next day's 00:00:00 but sorts before it.
  for (const char* other : {"1995-01-31T24:00:00", "1995-01-31T10:00:00.5",
                            "1995-01-31T10:00:00+09:00", "1995-01-31", "T"})
    BOOST_TEST((PredicateRuns::ordered_form(date_time, other) == Form::None), other);
  BOOST_TEST((PredicateRuns::ordered_form("http://www.w3.org/2001/XMLSchema#string",
                                          "1995-01-31") == Form::None));
}

BOOST_AUTO_TEST_SUITE_END()
