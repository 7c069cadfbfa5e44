// kg export: the built dataset in another RDF syntax, to stdout or atomically to a file.
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/dataset.hpp"
#include "cli/project.hpp"
#include "convert/convert.hpp"
#include "util/atomic_file.hpp"

namespace kg::cli {

namespace {

rdf::Syntax export_syntax(const Args& args) {
  if (auto name = args.value("format")) {
    auto syntax = rdf::syntax_from_name(*name);
    if (!syntax || *syntax == rdf::Syntax::RdfXml)
      throw UsageError("--format must be turtle, ntriples, nquads or trig, not '" + *name + "'");
    return *syntax;
  }
  if (auto out = args.value("out"))
    if (auto syntax = rdf::syntax_for_path(*out); syntax && *syntax != rdf::Syntax::RdfXml)
      return *syntax;
  return rdf::Syntax::Turtle;
}

}  // namespace

int run_export(const Arguments& arguments) {
  Args args("kg export [--format turtle|ntriples|nquads|trig] [--out FILE]",
            "Writes the built graph (exports/kg.nq): Turtle and N-Triples get the merged graph of\n"
            "entities and sources, N-Quads and TriG every named graph, the ontology included.");
  args.option("format", "FORMAT",
              "turtle, ntriples, nquads or trig (default: from --out's extension, else turtle)");
  args.option("out", "FILE", "write FILE (replaced atomically) instead of stdout");
  if (!args.parse(arguments)) return 0;
  if (!args.positionals().empty())
    throw UsageError("unexpected argument '" + args.positionals().front() + "'");
  rdf::Syntax syntax = export_syntax(args);

  auto store = load_dataset(locate_project(), {});
  std::string text = convert::serialize_dataset(*store, syntax);
  if (auto out = args.value("out"))
    write_file_atomically(*out, std::move(text));
  else
    std::cout << text;
  return 0;
}

}  // namespace kg::cli
