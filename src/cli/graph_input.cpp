#include "cli/graph_input.hpp"

#include <filesystem>

#include "cli/project.hpp"
#include "rdf/reader.hpp"
#include "util/error.hpp"

namespace kg::cli {

void add_data_option(Args& args) {
  args.option("data", "FILE", "read this RDF file instead of the built graph", true);
}

void load_graph(const Args& args, rdf::Store& store, rdf::PrefixMap& prefixes) {
  std::vector<std::string> files = args.values("data");
  if (files.empty()) {
    std::filesystem::path built = locate_project().built_dataset();
    if (!std::filesystem::exists(built))
      throw Error("no built graph: run 'kg build' first (or pass --data FILE)");
    files.push_back(built.string());
  }
  prefixes = rdf::PrefixMap::standard();
  rdf::PrefixMap declared;
  rdf::ParseOptions options;
  options.prefixes = &declared;
  for (const std::string& file : files)
    rdf::parse_file(store, file, options);
  for (const auto& [prefix, iri] : declared.entries())
    prefixes.set(prefix, iri);
}

std::string output_format(const Args& args, std::initializer_list<std::string_view> allowed) {
  std::string format = args.value("format").value_or(std::string(*allowed.begin()));
  for (std::string_view name : allowed)
    if (format == name) return format;
  std::string names;
  for (std::string_view name : allowed)
    names += (names.empty() ? "" : ", ") + std::string(name);
  throw UsageError("unknown --format '" + format + "' (choose " + names + ")");
}

}  // namespace kg::cli
