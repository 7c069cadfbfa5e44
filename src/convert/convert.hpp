// From curated seeds to an RDF dataset: the converter reads seeds/*.json (docs/seed-format.md),
// checks every name in them against the ontology, and builds one store holding
//   - the ontology, in graph vocab::kOntologyGraph;
//   - entities (types, labels, aliases, descriptions) and source document descriptions, in
//     graph vocab::kEntitiesGraph;
//   - per source document, in the graph named by its IRI: each fact the source states, its
//     claim (kgc:<fact>-<source>, with evidence and conflicts), and the aliases it attests.
// It also serialises the dataset into the files `kg build` and `kg export` write.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "rdf/store.hpp"
#include "rdf/syntax.hpp"

namespace kg::convert {

struct SeedInputs {
  std::filesystem::path ontology_file;  // ontology/kg.ttl
  std::filesystem::path seeds_dir;      // holds sources.json, entities.json, facts.json
  // Messages name files relative to this directory (the project root).
  std::filesystem::path display_root;
};

struct BuildSummary {
  size_t sources = 0, entities = 0, facts = 0, claims = 0;
  std::map<std::string, size_t> entities_by_class;              // prefixed class name -> entities
  std::vector<std::pair<std::string, size_t>> quads_per_graph;  // graph IRI, in IRI order
  size_t total_quads = 0;

  std::string to_text() const;
};

struct BuiltGraph {
  std::unique_ptr<rdf::Store> store;
  BuildSummary summary;
};

// Throws kg::Error at the first problem, naming the file and its line and column (syntax
// errors) or the JSON pointer of the offending value.
BuiltGraph build_graph(const SeedInputs& inputs);

// Every quad outside the ontology graph: the merged graph of entities and sources.
std::vector<rdf::Quad> merged_graph(const rdf::Store& store);

// Deterministic serialisation: triple syntaxes (Turtle, N-Triples) get the merged graph,
// quad syntaxes (N-Quads, TriG) every graph, the ontology included. Turtle and TriG use the
// project's prefixes.
std::string serialize_dataset(const rdf::Store& store, rdf::Syntax syntax);

// The files `kg build` writes into an exports directory, with their contents.
std::vector<std::pair<std::filesystem::path, std::string>> export_files(
    const rdf::Store& store, const std::filesystem::path& exports_dir);

}  // namespace kg::convert
