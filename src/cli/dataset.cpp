#include "cli/dataset.hpp"

#include "rdf/reader.hpp"
#include "util/error.hpp"

namespace kg::cli {

std::unique_ptr<rdf::Store> load_dataset(const Project& project,
                                         const std::vector<std::filesystem::path>& files) {
  auto store = std::make_unique<rdf::Store>();
  if (files.empty()) {
    std::filesystem::path built = project.built_dataset();
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(built, ignored))
      throw Error(built.string() + ": missing file (run 'kg build' first)");
    rdf::parse_file(*store, built);
    return store;
  }
  for (const std::filesystem::path& file : files)
    rdf::parse_file(*store, file);
  return store;
}

}  // namespace kg::cli
