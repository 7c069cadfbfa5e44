// Runs the W3C SPARQL syntax tests through parse_query: every positive syntax test must parse,
// every negative one must be rejected, and the query of every evaluation test must parse.
// Failures are allowed only when tests/w3c/syntax-exclusions.txt lists them with a reason.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "rdf/rdf.hpp"
#include "sparql/sparql.hpp"
#include "util/error.hpp"

namespace fs = std::filesystem;
using kg::rdf::NodeRef;
using kg::rdf::Store;

namespace {

constexpr std::string_view kManifest = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
constexpr std::string_view kQueryTest = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";

enum class Expectation { Parses, Fails };

struct SyntaxCase {
  std::string iri;
  std::string folder;  // e.g. "sparql11/syntax-query"
  fs::path query;
  Expectation expectation = Expectation::Parses;
};

fs::path w3c_dir() {
  if (const char* dir = std::getenv("KG_W3C_DIR")) return dir;
  return fs::path(KG_SOURCE_DIR) / ".." / "shared" / "w3c";
}

fs::path path_of_file_iri(std::string_view iri) {
  constexpr std::string_view kScheme = "file://";
  if (!iri.starts_with(kScheme)) throw kg::Error("not a file IRI: " + std::string(iri));
  iri.remove_prefix(kScheme.size());
  std::string path;
  for (size_t i = 0; i < iri.size(); ++i) {
    if (iri[i] == '%' && i + 2 < iri.size()) {
      path += static_cast<char>(std::stoi(std::string(iri.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      path += iri[i];
    }
  }
  return path;
}

class ManifestReader {
 public:
  explicit ManifestReader(fs::path root) : root_(std::move(root)) {}

  void read(const fs::path& manifest) {
    Store store;
    kg::rdf::parse_file(store, manifest);
    kg::rdf::World& world = store.world();
    NodeRef include = world.iri(std::string(kManifest) + "include");
    NodeRef entries = world.iri(std::string(kManifest) + "entries");
    for (NodeRef list : objects(store, {}, include))
      for (NodeRef sub : list_items(store, list))
        read(path_of_file_iri(sub.value()));
    std::string folder = fs::relative(manifest.parent_path(), root_).generic_string();
    for (NodeRef list : objects(store, {}, entries))
      for (NodeRef test : list_items(store, list))
        add_test(store, test, folder);
  }

  std::vector<SyntaxCase> cases;

 private:
  static std::vector<NodeRef> objects(const Store& store, NodeRef subject, NodeRef predicate) {
    std::vector<NodeRef> found;
    for (const kg::rdf::Quad& quad : store.match(subject, predicate, {}, {}))
      found.push_back(quad.object);
    return found;
  }

  static NodeRef object(const Store& store, NodeRef subject, NodeRef predicate) {
    std::vector<NodeRef> found = objects(store, subject, predicate);
    return found.empty() ? NodeRef() : found.front();
  }

  static std::vector<NodeRef> list_items(Store& store, NodeRef list) {
    kg::rdf::World& world = store.world();
    NodeRef first = world.iri(kg::rdf::vocab::kRdfFirst);
    NodeRef rest = world.iri(kg::rdf::vocab::kRdfRest);
    NodeRef nil = world.iri(kg::rdf::vocab::kRdfNil);
    std::vector<NodeRef> items;
    while (list && list != nil) {
      items.push_back(object(store, list, first));
      list = object(store, list, rest);
    }
    return items;
  }

  void add_test(Store& store, NodeRef test, const std::string& folder) {
    kg::rdf::World& world = store.world();
    NodeRef type = object(store, test, world.iri(kg::rdf::vocab::kRdfType));
    NodeRef action = object(store, test, world.iri(std::string(kManifest) + "action"));
    if (!type || !action) return;
    std::string_view type_iri = type.value();
    if (!type_iri.starts_with(kManifest)) return;
    std::string_view kind = type_iri.substr(kManifest.size());
    SyntaxCase syntax_case{std::string(test.value()), folder, {}, Expectation::Parses};
    if (kind == "PositiveSyntaxTest11" || kind == "PositiveSyntaxTest") {
      syntax_case.query = path_of_file_iri(action.value());
    } else if (kind == "NegativeSyntaxTest11" || kind == "NegativeSyntaxTest") {
      syntax_case.query = path_of_file_iri(action.value());
      syntax_case.expectation = Expectation::Fails;
    } else if (kind == "QueryEvaluationTest" || kind == "CSVResultFormatTest") {
      NodeRef query = object(store, action, world.iri(std::string(kQueryTest) + "query"));
      if (!query) return;
      syntax_case.query = path_of_file_iri(query.value());
    } else {
      return;  // update, protocol and service description tests are not about query syntax
    }
    cases.push_back(std::move(syntax_case));
  }

  fs::path root_;
};

std::map<std::string, std::string> read_exclusions() {
  std::map<std::string, std::string> exclusions;
  std::ifstream in(fs::path(KG_SOURCE_DIR) / "tests" / "w3c" / "syntax-exclusions.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t space = line.find(' ');
    exclusions[line.substr(0, space)] = space == std::string::npos ? "" : line.substr(space + 1);
  }
  return exclusions;
}

// Empty when the outcome is as expected; otherwise what went wrong.
std::string run(const SyntaxCase& syntax_case) {
  std::ifstream in(syntax_case.query, std::ios::binary);
  if (!in) return "cannot read " + syntax_case.query.string();
  std::stringstream text;
  text << in.rdbuf();
  kg::sparql::ParseOptions options;
  options.base_iri = kg::rdf::file_iri(syntax_case.query);
  options.source_name = syntax_case.query.filename().string();
  try {
    kg::sparql::parse_query(text.str(), options);
  } catch (const kg::Error& error) {
    if (syntax_case.expectation == Expectation::Parses) return error.what();
    return {};
  }
  if (syntax_case.expectation == Expectation::Fails) return "parsed, but must be rejected";
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sparql_parser_w3c)

BOOST_AUTO_TEST_CASE(every_w3c_syntax_test_and_evaluation_query) {
  fs::path root = w3c_dir();
  BOOST_REQUIRE_MESSAGE(fs::exists(root / "sparql11" / "manifest-all.ttl"),
                        "W3C suites not found at " << root << " (set KG_W3C_DIR)");
  ManifestReader reader(root);
  reader.read(root / "sparql11" / "manifest-all.ttl");
  reader.read(root / "sparql10" / "manifest.ttl");
  std::map<std::string, std::string> exclusions = read_exclusions();

  std::map<std::string, std::pair<size_t, size_t>> per_folder;  // passed, total
  std::set<std::string> seen;
  size_t passed = 0, failed = 0, excluded = 0, updates = 0;
  for (const SyntaxCase& syntax_case : reader.cases) {
    if (!seen.insert(syntax_case.iri).second) continue;  // a test listed by two manifests
    if (syntax_case.query.extension() == ".ru") {
      // A few negative tests typed as query syntax tests hold SPARQL Update requests; the
      // query parser would reject them for being updates, which proves nothing.
      ++updates;
      continue;
    }
    std::string problem = run(syntax_case);
    auto& [folder_passed, folder_total] = per_folder[syntax_case.folder];
    ++folder_total;
    bool is_excluded = exclusions.count(syntax_case.iri) > 0;
    if (problem.empty()) {
      ++passed;
      ++folder_passed;
      BOOST_CHECK_MESSAGE(!is_excluded, syntax_case.iri << " passes but is in the exclusions");
    } else {
      ++failed;
      if (is_excluded) ++excluded;
      BOOST_CHECK_MESSAGE(is_excluded, syntax_case.iri << ": " << problem);
    }
  }
  for (const auto& [folder, counts] : per_folder)
    std::cout << "  " << folder << ": " << counts.first << "/" << counts.second << "\n";
  std::cout << "W3C query syntax: " << passed << " passed, " << failed << " failed (" << excluded
            << " of them excluded); not run: " << updates
            << " update requests (SPARQL Update is out of the query parser's scope)\n";
  BOOST_TEST(passed + failed > 700u);  // the suites hold about 770 such tests
}

BOOST_AUTO_TEST_SUITE_END()
