// kg validate: checks RDF files (by default the built dataset) against the ontology and the
// SHACL shapes that go with it.
#include "validate/validate.hpp"

#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/dataset.hpp"
#include "cli/project.hpp"
#include "rdf/prefixes.hpp"
#include "validate/shacl/shacl.hpp"

namespace kg::cli {

namespace {

namespace fs = std::filesystem;

// --shapes FILE, else the project's ontology/shapes.ttl where there is one; none with
// --no-shapes.
std::optional<fs::path> shapes_file(const Args& args, const Project& project) {
  if (args.has("no-shapes")) {
    if (args.has("shapes")) throw UsageError("--shapes and --no-shapes conflict");
    return std::nullopt;
  }
  if (auto given = args.value("shapes")) return fs::path(*given);
  fs::path bundled = project.ontology_dir() / "shapes.ttl";
  std::error_code ignored;
  if (fs::is_regular_file(bundled, ignored)) return bundled;
  return std::nullopt;
}

std::string shacl_text(const validate::shacl::ValidationReport& report, const fs::path& shapes,
                       const rdf::PrefixMap& prefixes) {
  return "SHACL shapes " + shapes.string() + ": " +
         validate::shacl::report_to_text(report, prefixes);
}

std::string combined_json(const validate::Report& report,
                          const std::optional<validate::shacl::ValidationReport>& shacl) {
  nlohmann::json json = nlohmann::json::parse(report.to_json());
  if (shacl) {
    json["shacl"] = nlohmann::json::parse(validate::shacl::report_to_json(*shacl));
    json["conforms"] = report.conforms() && shacl->conforms;
  }
  return json.dump(2) + "\n";
}

}  // namespace

int run_validate(const Arguments& arguments) {
  Args args(
      "kg validate [FILE...] [--ontology FILE] [--shapes FILE | --no-shapes] "
      "[--format text|json]",
      "Checks a graph against the ontology: undeclared classes, properties and datatypes,\n"
      "domain and range violations, ill-typed literals, entities without an English label\n"
      "and facts without a claim; then against SHACL shapes (Core and SPARQL), by default\n"
      "the project's ontology/shapes.ttl. Prints one line per violation (or a JSON\n"
      "report) and exits 1 if there is any.");
  args.positional("FILE", "Turtle, N-Triples, N-Quads, TriG or RDF/XML (default: exports/kg.nq)");
  args.option("ontology", "FILE", "the ontology (default: the project's ontology/kg.ttl)");
  args.option("shapes", "FILE", "SHACL shapes (default: the project's ontology/shapes.ttl)");
  args.flag("no-shapes", "check against the ontology only");
  args.option("format", "FORMAT", "text (default) or json");
  if (!args.parse(arguments)) return 0;
  std::string format = args.value("format").value_or("text");
  if (format != "text" && format != "json")
    throw UsageError("--format must be text or json, not '" + format + "'");

  Project project = locate_project();
  fs::path ontology_file = args.value("ontology") ? fs::path(*args.value("ontology"))
                                                  : project.ontology_dir() / "kg.ttl";
  validate::Ontology ontology = validate::Ontology::load(ontology_file);
  std::optional<fs::path> shapes = shapes_file(args, project);
  std::vector<fs::path> files(args.positionals().begin(), args.positionals().end());
  auto store = load_dataset(project, files);

  validate::Report report = validate::validate_graph(*store, ontology);
  std::optional<validate::shacl::ValidationReport> shacl;
  if (shapes) {
    shacl = validate::shacl::validate_with_shapes_file(
        *store, validate::shacl::GraphSelection::every_graph(), *shapes);
    if (!args.has("shapes")) shapes = shapes->lexically_relative(project.root);
  }
  bool conforms = report.conforms() && (!shacl || shacl->conforms);

  rdf::PrefixMap prefixes = rdf::PrefixMap::standard();
  if (format == "json") {
    std::cout << combined_json(report, shacl);
  } else {
    std::cout << report.to_text(prefixes);
    if (shacl) std::cout << shacl_text(*shacl, *shapes, prefixes);
  }
  return conforms ? 0 : 1;
}

}  // namespace kg::cli
