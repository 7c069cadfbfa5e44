// dataset_for_query: FROM and FROM NAMED name graphs, loading files the store does not hold.
#include <filesystem>

#include "rdf/reader.hpp"
#include "rdf/syntax.hpp"
#include "sparql/sparql.hpp"
#include "util/error.hpp"

namespace kg::sparql {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kEmptyGraphIri = "urn:x-kg:empty-graph";

bool has_scheme(std::string_view iri) {
  size_t colon = iri.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = iri[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter && !(i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))
      return false;
  }
  return true;
}

// The local file an IRI names: a file: IRI, or a relative reference taken as a path.
std::optional<fs::path> file_for(std::string_view iri) {
  if (iri.starts_with("file://")) return fs::path(rdf::percent_decode(iri.substr(7)));
  if (iri.starts_with("file:")) return fs::path(rdf::percent_decode(iri.substr(5)));
  if (!has_scheme(iri)) return fs::path(rdf::percent_decode(iri));
  return std::nullopt;
}

rdf::NodeRef graph_for(rdf::Store& store, const std::string& iri) {
  std::optional<fs::path> file = file_for(iri);
  // A relative reference is interned under the file's own IRI, as the file's graph is named.
  rdf::NodeRef graph =
      store.world().iri(file && !iri.starts_with("file:") ? rdf::file_iri(*file) : iri);
  if (store.graph_size(graph) > 0 || !file) return graph;
  std::error_code error;
  if (!fs::is_regular_file(*file, error)) {
    if (iri.starts_with("file:")) throw Error("dataset graph <" + iri + ">: no such file");
    return graph;
  }
  rdf::ParseOptions options;
  options.graph = graph;
  rdf::parse_file(store, *file, options);
  return graph;
}

}  // namespace

Dataset dataset_for_query(const Query& query, rdf::Store& store, const Dataset& fallback) {
  if (query.from.empty() && query.from_named.empty()) return fallback;
  Dataset dataset;
  dataset.store = &store;
  for (const std::string& iri : query.from)
    dataset.default_graphs.push_back(graph_for(store, iri));
  for (const std::string& iri : query.from_named)
    dataset.named_graphs.push_back(graph_for(store, iri));
  // FROM NAMED alone leaves the default graph empty (§13.2).
  if (dataset.default_graphs.empty())
    dataset.default_graphs.push_back(store.world().iri(kEmptyGraphIri));
  return dataset;
}

}  // namespace kg::sparql
