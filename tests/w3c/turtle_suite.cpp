// RDF 1.1 Turtle: evaluation tests parse the action with base mf:assumedTestBase + file name
// and compare with the N-Triples result by graph isomorphism; syntax tests must parse / fail.
#include "harness.hpp"
#include "sparql/results/results.hpp"
#include "util/error.hpp"

namespace kg::w3c {

namespace {

std::vector<std::array<rdf::Term, 3>> parse_triples(const std::filesystem::path& path,
                                                    const std::string& base_iri) {
  rdf::Store store;
  rdf::ParseOptions options;
  options.base_iri = base_iri;
  rdf::parse_file(store, path, options);
  std::vector<std::array<rdf::Term, 3>> triples;
  for (const rdf::Quad& quad : rdf::quads_of(store))
    triples.push_back({quad.subject.to_term(), quad.predicate.to_term(), quad.object.to_term()});
  return triples;
}

class TurtleRunner {
 public:
  TurtleRunner(Manifests& manifests, std::string assumed_base)
      : manifests_(manifests), assumed_base_(std::move(assumed_base)) {}

  Outcome run(const TestEntry& test) {
    Outcome outcome{test, false, {}};
    std::filesystem::path action =
        Manifests::path_of(manifests_.object(test.node, std::string(kMf) + "action"));
    std::string base = assumed_base_ + action.filename().string();
    try {
      if (test.type == "TestTurtleEval") {
        auto actual = parse_triples(action, base);
        auto expected = parse_triples(
            Manifests::path_of(manifests_.object(test.node, std::string(kMf) + "result")), base);
        auto difference = sparql::compare_graphs(expected, actual);
        outcome.passed = !difference;
        outcome.reason = difference.value_or("");
      } else if (test.type == "TestTurtlePositiveSyntax") {
        parse_triples(action, base);
        outcome.passed = true;
      } else if (test.type == "TestTurtleNegativeSyntax") {
        parse_triples(action, base);
        outcome.reason = "parsed without error, but the document is not valid Turtle";
      } else {
        outcome.reason = "unknown test type " + test.type;
      }
    } catch (const Error& error) {
      outcome.passed = test.type == "TestTurtleNegativeSyntax";
      if (!outcome.passed) outcome.reason = error.what();
    }
    return outcome;
  }

 private:
  Manifests& manifests_;
  std::string assumed_base_;
};

}  // namespace

SuiteRun run_turtle_suite(const RunOptions& options) {
  std::filesystem::path root = options.w3c_dir / "turtle";
  Manifests manifests(root);
  std::vector<TestEntry> tests = manifests.load(root / "manifest.ttl");
  rdf::NodeRef assumed = manifests.object(manifests.iri(rdf::file_iri(root / "manifest.ttl")),
                                          std::string(kMf) + "assumedTestBase");
  if (!assumed) throw Error("turtle/manifest.ttl has no mf:assumedTestBase");
  TurtleRunner runner(manifests, std::string(assumed.value()));
  SuiteRun run{"turtle", {}, {}};
  for (const TestEntry& test : tests)
    if (test.iri.find(options.filter) != std::string::npos)
      run.outcomes.push_back(runner.run(test));
  return run;
}

}  // namespace kg::w3c
