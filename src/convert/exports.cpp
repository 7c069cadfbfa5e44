// The exported forms of a built dataset, and the summary `kg build` prints.
#include "convert/convert.hpp"
#include "rdf/prefixes.hpp"
#include "rdf/vocabulary.hpp"
#include "rdf/writer.hpp"

namespace kg::convert {

std::vector<rdf::Quad> merged_graph(const rdf::Store& store) {
  std::vector<rdf::Quad> quads;
  for (const rdf::Quad& quad : rdf::quads_of(store))
    if (quad.graph.value() != rdf::vocab::kOntologyGraph) quads.push_back(quad);
  return quads;
}

std::string serialize_dataset(const rdf::Store& store, rdf::Syntax syntax) {
  rdf::PrefixMap prefixes = rdf::PrefixMap::standard();
  rdf::WriteOptions options;
  options.syntax = syntax;
  options.prefixes = &prefixes;
  // Entities first, then the sources, then the claims about them: a reader of the Turtle
  // meets the things before the bookkeeping.
  options.subject_rank = [](rdf::NodeRef subject) {
    std::string_view iri = subject.value();
    if (iri.starts_with(rdf::vocab::kKgClaim)) return 2;
    return iri.starts_with(rdf::vocab::kKgSource) ? 1 : 0;
  };
  std::vector<rdf::Quad> quads =
      rdf::syntax_has_graphs(syntax) ? rdf::quads_of(store) : merged_graph(store);
  return rdf::serialize(store, std::move(quads), options);
}

std::vector<std::pair<std::filesystem::path, std::string>> export_files(
    const rdf::Store& store, const std::filesystem::path& exports_dir) {
  return {{exports_dir / "kg.ttl", serialize_dataset(store, rdf::Syntax::Turtle)},
          {exports_dir / "kg.nq", serialize_dataset(store, rdf::Syntax::NQuads)}};
}

std::string BuildSummary::to_text() const {
  rdf::PrefixMap prefixes = rdf::PrefixMap::standard();
  std::string out = std::to_string(entities) + " entities, " + std::to_string(facts) + " facts, " +
                    std::to_string(claims) + " claims from " + std::to_string(sources) +
                    " sources\n";
  out += "entities by class:\n";
  for (const auto& [name, count] : entities_by_class)
    out += "  " + name + ": " + std::to_string(count) + "\n";
  out += "quads per graph:\n";
  for (const auto& [graph, count] : quads_per_graph)
    out += "  " + prefixes.abbreviate(graph).value_or("<" + graph + ">") + ": " +
           std::to_string(count) + "\n";
  out += "total quads: " + std::to_string(total_quads) + "\n";
  return out;
}

}  // namespace kg::convert
