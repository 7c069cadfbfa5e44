// Helpers for the engine tests: a store loaded from Turtle, and queries run with and without
// the optimiser, their answers rendered as sorted strings so that tests compare multisets.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "rdf/rdf.hpp"
#include "sparql/sparql.hpp"

namespace sparql = kg::sparql;
namespace rdf = kg::rdf;

namespace kg::test {

// Renders an answer: a solution as "name=term" pairs in projection order (unbound ones left
// out), a triple in N-Triples, ASK as "true"/"false". Blank node labels are kept unless
// anonymous, then every blank node prints as "_:".
class RenderingHandler final : public sparql::ResultHandler {
 public:
  explicit RenderingHandler(bool anonymous_blanks = false) : anonymous_(anonymous_blanks) {}

  void begin_solutions(const std::vector<std::string>& variables) override {
    variables_ = variables;
  }
  void solution(std::span<const rdf::NodeRef> row) override {
    std::string text;
    for (size_t i = 0; i < row.size(); ++i) {
      if (!row[i]) continue;
      if (!text.empty()) text += ' ';
      text += variables_[i] + "=" + term(row[i]);
    }
    lines.push_back(text);
  }
  void end_solutions() override {}
  void boolean(bool value) override { lines.push_back(value ? "true" : "false"); }
  void triple(rdf::NodeRef s, rdf::NodeRef p, rdf::NodeRef o) override {
    lines.push_back(term(s) + " " + term(p) + " " + term(o));
  }
  void end_graph() override {}

  std::vector<std::string> sorted() const {
    std::vector<std::string> result = lines;
    std::sort(result.begin(), result.end());
    return result;
  }

  std::vector<std::string> lines;

 private:
  std::string term(rdf::NodeRef node) const {
    if (anonymous_ && node.is_blank()) return "_:";
    return node.to_ntriples();
  }

  bool anonymous_;
  std::vector<std::string> variables_;
};

inline constexpr const char* kPrefixes =
    "PREFIX : <http://ex/>\n"
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";

class EngineFixture {
 public:
  EngineFixture() { dataset.store = &store; }

  // Turtle with ":" bound to <http://ex/>, into the default graph or a named graph.
  void load(const std::string& turtle, const std::string& graph_iri = {}) {
    rdf::ParseOptions options;
    if (!graph_iri.empty()) {
      options.graph = store.world().iri(graph_iri);
      dataset.named_graphs.push_back(options.graph);
    }
    rdf::parse_string(store, "@prefix : <http://ex/> .\n" + turtle, "test.ttl", options);
  }

  sparql::Query parse(const std::string& text) const {
    return sparql::parse_query(std::string(kPrefixes) + text);
  }

  // The answer with the optimiser on or off.
  std::vector<std::string> run(const std::string& text, bool optimize,
                               const sparql::ExecOptions& base = {}) {
    sparql::Query query = parse(text);
    sparql::ExecOptions options = base;
    options.optimize = optimize;
    RenderingHandler handler;
    sparql::execute(query, sparql::dataset_for_query(query, store, dataset), handler, options);
    return handler.sorted();
  }

  // The answer, after checking that both evaluations agree.
  std::vector<std::string> query(const std::string& text, const sparql::ExecOptions& base = {}) {
    std::vector<std::string> optimized = run(text, true, base);
    std::vector<std::string> reference = run(text, false, base);
    if (optimized != reference) {
      std::string message = "optimised and reference answers differ for " + text;
      throw std::runtime_error(message);
    }
    return optimized;
  }

  std::string explain(const std::string& text) {
    sparql::Query query = parse(text);
    return sparql::explain(query, dataset);
  }

  rdf::Store store;
  sparql::Dataset dataset;
};

using Rows = std::vector<std::string>;

}  // namespace kg::test
