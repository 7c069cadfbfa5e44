// Runs the W3C SHACL test suite (https://w3c.github.io/data-shapes/data-shapes-test-suite/):
// every sht:Validate test reachable from shacl/manifest.ttl through mf:include. A test passes
// when validation fails where the test expects sht:Failure, or when the report, cut down to
// the triples the suite compares, is isomorphic to the expected one.
//
// Usage: kg_w3c_shacl [--verbose] [SUBSTRING]   (SUBSTRING selects tests by IRI)
// The suite is read from $KG_W3C_DIR/shacl, by default ../shared/w3c beside the source tree.
// Known failures are listed in tests/w3c/shacl-exclusions.txt ("IRI reason" per line, the IRI
// relative to the suite folder, e.g. sparql/node/sparql-001, so that the list does not depend on
// where the suite lives); the run fails on any other failure, and on an excluded test that
// passes.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "rdf/rdf.hpp"
#include "shacl/isomorphism.hpp"
#include "util/error.hpp"
#include "validate/shacl/graph_view.hpp"
#include "validate/shacl/shacl.hpp"
#include "validate/shacl/vocabulary.hpp"

namespace fs = std::filesystem;
namespace shacl = kg::validate::shacl;
using kg::rdf::NodeRef;

namespace {

constexpr std::string_view kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
constexpr std::string_view kSht = "http://www.w3.org/ns/shacl-test#";

std::string mf(std::string_view local) {
  return std::string(kMf) + std::string(local);
}
std::string sht(std::string_view local) {
  return std::string(kSht) + std::string(local);
}

struct TestCase {
  std::string iri;  // relative to the suite folder
  std::string absolute_iri;
  fs::path file;
  std::string folder;  // relative to the suite root, e.g. "core/node"
};

struct Outcome {
  bool passed = false;
  std::string detail;
};

fs::path path_of(std::string_view file_iri) {
  constexpr std::string_view kScheme = "file://";
  if (!file_iri.starts_with(kScheme)) throw kg::Error("not a file IRI: " + std::string(file_iri));
  return fs::path(std::string(file_iri.substr(kScheme.size())));
}

// ---------------------------------------------------------------------------------------------
// Manifests

std::string relative_iri(std::string_view iri, const fs::path& root) {
  std::string prefix = kg::rdf::file_iri(root) + "/";
  return iri.starts_with(prefix) ? std::string(iri.substr(prefix.size())) : std::string(iri);
}

void collect_tests(const fs::path& manifest, const fs::path& root, std::vector<TestCase>& tests) {
  kg::rdf::Store store;
  kg::rdf::parse_file(store, manifest);
  shacl::GraphView graph(store, shacl::GraphSelection::every_graph());
  shacl::Vocab vocab(store.world());
  kg::rdf::World& world = store.world();
  NodeRef self = world.iri(kg::rdf::file_iri(manifest));

  std::vector<std::string> includes;
  for (NodeRef include : graph.objects(self, world.iri(mf("include"))))
    includes.emplace_back(include.value());
  std::sort(includes.begin(), includes.end());
  for (const std::string& include : includes)
    collect_tests(path_of(include), root, tests);

  NodeRef entries = graph.object(self, world.iri(mf("entries")));
  if (!entries) return;
  auto members = graph.list(entries, vocab);
  if (!members) throw kg::Error(manifest.string() + ": mf:entries is not a list");
  for (NodeRef test : *members)
    if (graph.contains(test, vocab.rdf_type, world.iri(sht("Validate"))))
      tests.push_back({relative_iri(test.value(), root), std::string(test.value()), manifest,
                       fs::relative(manifest.parent_path(), root).generic_string()});
}

std::map<std::string, std::string> read_exclusions(const fs::path& file) {
  std::map<std::string, std::string> exclusions;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.front() == '#') continue;
    size_t space = line.find(' ');
    std::string reason = space == std::string::npos ? "" : line.substr(space + 1);
    exclusions[line.substr(0, space)] = reason;
  }
  return exclusions;
}

// ---------------------------------------------------------------------------------------------
// Reports

// The triples of a report that the suite compares: the report node's type, sh:conforms and
// sh:result; the listed properties of each result; the structure of blank-node result paths.
// sh:resultMessage is kept only when the expected report states messages.
class ReportExtractor {
 public:
  ReportExtractor(const shacl::GraphView& graph, kg::rdf::World& world, bool keep_messages)
      : graph_(graph), vocab_(world) {
    for (std::string_view local :
         {"focusNode", "resultPath", "value", "sourceShape", "sourceConstraintComponent",
          "resultSeverity", "sourceConstraint"})
      kept_.insert(vocab_.sh(local));
    if (keep_messages) kept_.insert(vocab_.sh("resultMessage"));
    kept_.insert(vocab_.rdf_type);
  }

  std::vector<kg::w3c::Triple> extract(NodeRef report) {
    for (std::string_view local : {"conforms", "result"})
      for (NodeRef object : graph_.objects(report, vocab_.sh(local)))
        add(report, vocab_.sh(local), object);
    for (NodeRef type : graph_.objects(report, vocab_.rdf_type))
      add(report, vocab_.rdf_type, type);
    for (NodeRef result : graph_.objects(report, vocab_.sh("result")))
      for (const kg::rdf::Quad& triple : graph_.triples(result, {}, {})) {
        if (!kept_.contains(triple.predicate)) continue;
        add(result, triple.predicate, triple.object);
        if (triple.predicate == vocab_.sh("resultPath")) add_structure(triple.object);
      }
    return std::move(triples_);
  }

 private:
  void add_structure(NodeRef node) {
    if (!node.is_blank() || !visited_.insert(node).second) return;
    for (const kg::rdf::Quad& triple : graph_.triples(node, {}, {})) {
      add(node, triple.predicate, triple.object);
      add_structure(triple.object);
    }
  }

  void add(NodeRef subject, NodeRef predicate, NodeRef object) {
    triples_.push_back({subject.to_term(), predicate.to_term(), object.to_term()});
  }

  const shacl::GraphView& graph_;
  shacl::Vocab vocab_;
  std::set<NodeRef> kept_, visited_;
  std::vector<kg::w3c::Triple> triples_;
};

std::string show(std::vector<kg::w3c::Triple> triples) {
  std::sort(triples.begin(), triples.end());
  std::string text;
  for (const auto& [s, p, o] : triples)
    text += "    " + s.to_ntriples() + " " + p.to_ntriples() + " " + o.to_ntriples() + " .\n";
  return text;
}

// ---------------------------------------------------------------------------------------------
// Running one test

class TestRun {
 public:
  explicit TestRun(const TestCase& test) : test_(test), world_(store_.world()) {}

  Outcome run() {
    NodeRef manifest_graph = load(kg::rdf::file_iri(test_.file));
    shacl::GraphView manifest(store_, shacl::GraphSelection::only(manifest_graph));
    NodeRef test = world_.iri(test_.absolute_iri);
    NodeRef action = manifest.object(test, world_.iri(mf("action")));
    NodeRef data = load(manifest.object(action, world_.iri(sht("dataGraph"))).value());
    NodeRef shapes = load(manifest.object(action, world_.iri(sht("shapesGraph"))).value());
    NodeRef expected = manifest.object(test, world_.iri(mf("result")));
    bool expects_failure = expected == world_.iri(sht("Failure"));

    shacl::ValidationReport report;
    try {
      report = shacl::validate(store_, shacl::GraphSelection::only(data),
                               shacl::GraphSelection::only(shapes));
    } catch (const shacl::ValidationFailure& failure) {
      if (expects_failure) return {true, {}};
      return {false, std::string("validation failed: ") + failure.what()};
    }
    if (expects_failure) return {false, "expected a failure, got a report"};
    return compare(manifest, expected, report);
  }

 private:
  NodeRef load(std::string_view file_iri) {
    NodeRef graph = world_.iri(file_iri);
    if (loaded_.insert(graph).second) {
      kg::rdf::ParseOptions options;
      options.graph = graph;
      kg::rdf::parse_file(store_, path_of(file_iri), options);
    }
    return graph;
  }

  Outcome compare(const shacl::GraphView& manifest, NodeRef expected,
                  const shacl::ValidationReport& report) {
    shacl::Vocab vocab(world_);
    bool expects_messages = false;
    for (NodeRef result : manifest.objects(expected, vocab.sh("result")))
      expects_messages = expects_messages || manifest.object(result, vocab.sh("resultMessage"));
    NodeRef report_graph = world_.iri("urn:kg:w3c:actual-report");
    NodeRef actual = shacl::write_report(report, store_, report_graph);
    shacl::GraphView produced(store_, shacl::GraphSelection::only(report_graph));

    auto want = ReportExtractor(manifest, world_, expects_messages).extract(expected);
    auto got = ReportExtractor(produced, world_, expects_messages).extract(actual);
    if (kg::w3c::isomorphic(want, got)) return {true, {}};
    return {false, "report differs\n  expected:\n" + show(want) + "  actual:\n" + show(got)};
  }

  const TestCase& test_;
  kg::rdf::Store store_;
  kg::rdf::World& world_;
  std::set<NodeRef> loaded_;
};

Outcome run_test(const TestCase& test) {
  try {
    return TestRun(test).run();
  } catch (const std::exception& error) {
    return {false, std::string("error: ") + error.what()};
  }
}

// ---------------------------------------------------------------------------------------------
// The whole suite

struct FolderTally {
  int passed = 0, failed = 0, excluded = 0;
};

fs::path suite_root() {
  const char* configured = std::getenv("KG_W3C_DIR");
  fs::path w3c = configured ? fs::path(configured) : fs::path(KG_SOURCE_DIR) / "../shared/w3c";
  return fs::weakly_canonical(w3c / "shacl");
}

int run_suite(bool verbose, const std::string& filter) {
  fs::path root = suite_root();
  std::vector<TestCase> tests;
  collect_tests(root / "manifest.ttl", root, tests);
  auto exclusions = read_exclusions(fs::path(KG_SOURCE_DIR) / "tests/w3c/shacl-exclusions.txt");

  std::map<std::string, FolderTally> folders;
  int passed = 0, failed = 0, unexpected = 0;
  for (const TestCase& test : tests) {
    if (!filter.empty() && test.iri.find(filter) == std::string::npos) continue;
    Outcome outcome = run_test(test);
    FolderTally& tally = folders[test.folder];
    auto excluded = exclusions.find(test.iri);
    bool is_excluded = excluded != exclusions.end();
    (outcome.passed ? tally.passed : tally.failed)++;
    (outcome.passed ? passed : failed)++;
    if (is_excluded && !outcome.passed) ++tally.excluded;
    if (is_excluded && outcome.passed) {
      ++unexpected;
      std::cout << "PASS (excluded, remove from shacl-exclusions.txt) " << test.iri << "\n";
    } else if (!outcome.passed && (!is_excluded || verbose)) {
      if (!is_excluded) ++unexpected;
      std::cout << (is_excluded ? "FAIL (excluded: " + excluded->second + ") " : "FAIL ")
                << test.iri << "\n  " << outcome.detail << "\n";
    }
  }
  for (const auto& [folder, tally] : folders) {
    std::cout << folder << ": " << tally.passed << "/" << (tally.passed + tally.failed)
              << " passed";
    if (tally.excluded) std::cout << " (" << tally.excluded << " excluded)";
    std::cout << "\n";
  }
  // The same final line as the other W3C runners, which scripts/test collects.
  int known = 0;
  for (const auto& [folder, tally] : folders)
    known += tally.excluded;
  std::cout << "shacl: " << passed << " passed, " << failed - known << " failed, " << known
            << " excluded (known failures, see tests/w3c/shacl-exclusions.txt)\n";
  return unexpected == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  bool verbose = false;
  std::string filter;
  for (int i = 1; i < argc; ++i) {
    std::string argument = argv[i];
    if (argument == "--verbose")
      verbose = true;
    else
      filter = argument;
  }
  try {
    return run_suite(verbose, filter);
  } catch (const std::exception& error) {
    std::cerr << "kg_w3c_shacl: " << error.what() << "\n";
    return 2;
  }
}
