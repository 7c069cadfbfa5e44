// Where a kg project's files are: the checkout holding ontology/, seeds/, exports/, queries/.
#pragma once

#include <filesystem>

namespace kg::cli {

struct Project {
  std::filesystem::path root;

  std::filesystem::path ontology_dir() const { return root / "ontology"; }
  std::filesystem::path seeds_dir() const { return root / "seeds"; }
  std::filesystem::path exports_dir() const { return root / "exports"; }
  std::filesystem::path queries_dir() const { return root / "queries"; }
  // The built graph with one named graph per source; what commands read by default.
  std::filesystem::path built_dataset() const { return exports_dir() / "kg.nq"; }
  // The source articles: $KG_SEED_DOCS, else ../shared/seeds beside the checkout.
  std::filesystem::path seed_documents() const;
};

// $KG_ROOT if set; else the nearest directory upward from the working directory that holds
// ontology/ and seeds/; else the source tree kg was built from.
Project locate_project();

}  // namespace kg::cli
