// kg build: seeds JSON -> checked RDF dataset -> validated -> exports/, all files or none.
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/project.hpp"
#include "convert/convert.hpp"
#include "rdf/prefixes.hpp"
#include "rdf/vocabulary.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"
#include "validate/validate.hpp"

namespace kg::cli {

int run_build(const Arguments& arguments) {
  Args args("kg build [--exports DIR]",
            "Reads seeds/sources.json, entities.json and facts.json, checks every name in them\n"
            "against ontology/kg.ttl, builds the graph (one named graph per source document),\n"
            "validates it and writes kg.ttl (the merged graph) and kg.nq (every graph) into\n"
            "exports/. Nothing is written unless the whole build succeeds.");
  args.option("exports", "DIR", "write into DIR instead of the project's exports/");
  if (!args.parse(arguments)) return 0;
  if (!args.positionals().empty())
    throw UsageError("unexpected argument '" + args.positionals().front() + "'");

  Project project = locate_project();
  std::filesystem::path exports_dir =
      args.value("exports") ? std::filesystem::path(*args.value("exports")) : project.exports_dir();
  convert::BuiltGraph built =
      convert::build_graph({project.ontology_dir() / "kg.ttl", project.seeds_dir(), project.root});

  rdf::NodeRef ontology_graph = built.store->world().iri(rdf::vocab::kOntologyGraph);
  validate::Report report = validate::validate_graph(
      *built.store, validate::Ontology::read(*built.store, ontology_graph));
  if (!report.conforms()) {
    std::cerr << report.to_text(rdf::PrefixMap::standard());
    throw Error("the built graph does not conform to the ontology; " + exports_dir.string() +
                " left unchanged");
  }

  auto files = convert::export_files(*built.store, exports_dir);
  write_files_atomically(files);
  std::cout << built.summary.to_text() << "wrote";
  for (const auto& [path, contents] : files)
    std::cout << " " << path.string();
  std::cout << "\n";
  return 0;
}

}  // namespace kg::cli
