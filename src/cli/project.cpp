#include "cli/project.hpp"

#include <cstdlib>

namespace kg::cli {

namespace fs = std::filesystem;

fs::path Project::seed_documents() const {
  if (const char* configured = std::getenv("KG_SEED_DOCS"); configured && *configured)
    return configured;
  return root.parent_path() / "shared" / "seeds";
}

namespace {
bool is_project_root(const fs::path& dir) {
  std::error_code ignored;
  return fs::is_directory(dir / "ontology", ignored) && fs::is_directory(dir / "seeds", ignored);
}
}  // namespace

Project locate_project() {
  if (const char* configured = std::getenv("KG_ROOT"); configured && *configured)
    return Project{fs::absolute(configured).lexically_normal()};
  std::error_code ignored;
  for (fs::path dir = fs::current_path(ignored); !dir.empty(); dir = dir.parent_path()) {
    if (is_project_root(dir)) return Project{dir};
    if (dir == dir.root_path()) break;
  }
  return Project{fs::path(KG_SOURCE_DIR)};
}

}  // namespace kg::cli
