// kg validate: checks RDF files (by default the built dataset) against the ontology.
#include "validate/validate.hpp"

#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/dataset.hpp"
#include "cli/project.hpp"
#include "rdf/prefixes.hpp"

namespace kg::cli {

int run_validate(const Arguments& arguments) {
  Args args("kg validate [FILE...] [--ontology FILE] [--format text|json]",
            "Checks a graph against the ontology: undeclared classes, properties and datatypes,\n"
            "domain and range violations, ill-typed literals, entities without an English label\n"
            "and facts without a claim. Prints one line per violation (or a JSON report) and\n"
            "exits 1 if there is any.");
  args.positional("FILE", "Turtle, N-Triples, N-Quads, TriG or RDF/XML (default: exports/kg.nq)");
  args.option("ontology", "FILE", "the ontology (default: the project's ontology/kg.ttl)");
  args.option("format", "FORMAT", "text (default) or json");
  if (!args.parse(arguments)) return 0;
  std::string format = args.value("format").value_or("text");
  if (format != "text" && format != "json")
    throw UsageError("--format must be text or json, not '" + format + "'");

  Project project = locate_project();
  std::filesystem::path ontology_file = args.value("ontology")
                                            ? std::filesystem::path(*args.value("ontology"))
                                            : project.ontology_dir() / "kg.ttl";
  validate::Ontology ontology = validate::Ontology::load(ontology_file);
  std::vector<std::filesystem::path> files(args.positionals().begin(), args.positionals().end());
  auto store = load_dataset(project, files);

  validate::Report report = validate::validate_graph(*store, ontology);
  std::cout << (format == "json" ? report.to_json() : report.to_text(rdf::PrefixMap::standard()));
  return report.conforms() ? 0 : 1;
}

}  // namespace kg::cli
