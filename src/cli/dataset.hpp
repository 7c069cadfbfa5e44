// Loading the RDF files a command works on, by default the project's built dataset.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "cli/project.hpp"
#include "rdf/store.hpp"

namespace kg::cli {

// Parses each file into one store (triples into the default graph, quads into their named
// graphs). No files: the project's built dataset, exports/kg.nq, which must exist.
std::unique_ptr<rdf::Store> load_dataset(const Project& project,
                                         const std::vector<std::filesystem::path>& files);

}  // namespace kg::cli
