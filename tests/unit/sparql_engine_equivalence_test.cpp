// The optimiser must not change answers: every query evaluation test of the W3C SPARQL 1.0 and
// 1.1 suites is run on its dataset with optimize=true and optimize=false, and the two answers
// must be equal as multisets. (Whether they are right is the W3C harness's business.)
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "sparql_engine_support.hpp"
#include "util/error.hpp"

namespace {

namespace fs = std::filesystem;
using kg::rdf::NodeRef;

constexpr std::string_view kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
constexpr std::string_view kQt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";

fs::path w3c_directory() {
  if (const char* configured = std::getenv("KG_W3C_DIR"); configured && *configured)
    return configured;
  return fs::path(KG_SOURCE_DIR) / ".." / "shared" / "w3c";
}

struct EvaluationTest {
  std::string name;
  fs::path query;
  std::vector<fs::path> data, graph_data;
};

fs::path path_of(NodeRef iri) {
  std::string_view text = iri.value();
  if (text.starts_with("file://")) text.remove_prefix(7);
  return fs::path(std::string(text));
}

// Reads manifests (following mf:include) with kg's own Turtle reader.
class ManifestWalker {
 public:
  void walk(const fs::path& manifest) {
    kg::rdf::Store store;
    kg::rdf::parse_file(store, manifest);
    kg::rdf::World& world = store.world();
    auto iri = [&](std::string_view ns, std::string_view local) {
      return world.iri(std::string(ns) + std::string(local));
    };
    for (const kg::rdf::Quad& include : store.match({}, iri(kMf, "include"), {}, {}))
      for (NodeRef sub : list(store, include.object))
        walk(path_of(sub));
    NodeRef type = world.iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    for (const kg::rdf::Quad& entries : store.match({}, iri(kMf, "entries"), {}, {})) {
      for (NodeRef test : list(store, entries.object)) {
        if (!store.contains(test, type, iri(kMf, "QueryEvaluationTest"), {})) continue;
        NodeRef action = object(store, test, iri(kMf, "action"));
        NodeRef query = action ? object(store, action, iri(kQt, "query")) : NodeRef();
        if (!query) continue;
        EvaluationTest entry{std::string(test.value()), path_of(query), {}, {}};
        for (const kg::rdf::Quad& data : store.match(action, iri(kQt, "data"), {}, {}))
          entry.data.push_back(path_of(data.object));
        for (const kg::rdf::Quad& graph : store.match(action, iri(kQt, "graphData"), {}, {}))
          entry.graph_data.push_back(path_of(graph.object));
        tests.push_back(entry);
      }
    }
  }

  std::vector<EvaluationTest> tests;

 private:
  static NodeRef object(const kg::rdf::Store& store, NodeRef subject, NodeRef predicate) {
    for (const kg::rdf::Quad& quad : store.match(subject, predicate, {}, {}))
      return quad.object;
    return {};
  }
  static std::vector<NodeRef> list(const kg::rdf::Store& store, NodeRef head) {
    kg::rdf::World& world = const_cast<kg::rdf::Store&>(store).world();
    NodeRef first = world.iri(kg::rdf::vocab::kRdfFirst);
    NodeRef rest = world.iri(kg::rdf::vocab::kRdfRest);
    std::vector<NodeRef> items;
    for (NodeRef node = head; node && node.value() != kg::rdf::vocab::kRdfNil;
         node = object(store, node, rest))
      if (NodeRef item = object(store, node, first)) items.push_back(item);
    return items;
  }
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The answer as sorted lines, or the error's message.
std::vector<std::string> answer(const EvaluationTest& test, bool optimize) {
  kg::rdf::Store store;
  sparql::Dataset dataset;
  dataset.store = &store;
  for (const fs::path& data : test.data)
    kg::rdf::parse_file(store, data);
  for (const fs::path& graph : test.graph_data) {
    kg::rdf::ParseOptions options;
    options.graph = store.world().iri(kg::rdf::file_iri(graph));
    kg::rdf::parse_file(store, graph, options);
    dataset.named_graphs.push_back(options.graph);
  }
  sparql::ParseOptions parse_options;
  parse_options.base_iri = kg::rdf::file_iri(test.query);
  try {
    sparql::Query query = sparql::parse_query(read_text(test.query), parse_options);
    if (test.data.empty() && test.graph_data.empty())
      dataset = sparql::dataset_for_query(query, store, dataset);
    sparql::ExecOptions options;
    options.optimize = optimize;
    options.now = std::chrono::system_clock::time_point{};
    kg::test::RenderingHandler handler(true);
    sparql::execute(query, dataset, handler, options);
    return handler.sorted();
  } catch (const kg::Error& error) {
    return {std::string("error: ") + error.what()};
  }
}

// Answers that differ run to run whatever the plan: random numbers and fresh identifiers.
bool is_nondeterministic(const EvaluationTest& test) {
  std::string text = read_text(test.query);
  for (const char* word : {"RAND", "UUID", "STRUUID", "rand(", "uuid(", "struuid("})
    if (text.find(word) != std::string::npos) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sparql_engine_equivalence)

BOOST_AUTO_TEST_CASE(optimised_and_reference_evaluation_agree_on_the_w3c_queries) {
  fs::path root = w3c_directory();
  BOOST_TEST_REQUIRE(fs::is_directory(root), "W3C suites not found at " << root);
  ManifestWalker walker;
  walker.walk(root / "sparql10" / "manifest.ttl");
  walker.walk(root / "sparql11" / "manifest.ttl");
  BOOST_TEST_REQUIRE(walker.tests.size() > 300u);
  size_t compared = 0, with_answers = 0;
  for (const EvaluationTest& test : walker.tests) {
    if (is_nondeterministic(test)) continue;
    std::vector<std::string> optimized = answer(test, true);
    std::vector<std::string> reference = answer(test, false);
    BOOST_TEST(optimized == reference, test.name);
    ++compared;
    bool failed = !optimized.empty() && optimized[0].starts_with("error: ");
    if (!optimized.empty() && !failed) ++with_answers;
  }
  BOOST_TEST_MESSAGE("compared " << compared << " W3C evaluation tests, " << with_answers
                                 << " with a non-empty answer");
  BOOST_TEST(compared > 450u);
  BOOST_TEST(with_answers > 400u);
}

BOOST_AUTO_TEST_SUITE_END()
