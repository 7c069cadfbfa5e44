#include "cli/result_output.hpp"

#include <unistd.h>

namespace kg::cli {

void add_result_format_option(Args& args) {
  args.option("format", "NAME", "table, json, xml, csv, tsv, ntriples or turtle");
}

sparql::ResultFormat choose_result_format(const Args& args, sparql::QueryForm form) {
  sparql::ResultFormat format;
  if (auto name = args.value("format")) {
    auto named = sparql::result_format_from_name(*name);
    if (!named)
      throw UsageError("unknown --format '" + *name +
                       "' (table, json, xml, csv, tsv, ntriples, turtle)");
    format = *named;
  } else if (isatty(STDOUT_FILENO)) {
    format = sparql::ResultFormat::Table;
  } else {
    bool graph = form == sparql::QueryForm::Construct || form == sparql::QueryForm::Describe;
    format = graph ? sparql::ResultFormat::Turtle : sparql::ResultFormat::Json;
  }
  sparql::check_result_format(format, form);
  return format;
}

rdf::PrefixMap output_prefixes(const rdf::PrefixMap& data_prefixes, const sparql::Query& query) {
  rdf::PrefixMap prefixes = data_prefixes;
  for (const auto& [prefix, iri] : query.prefixes.entries())
    prefixes.set(prefix, iri);
  return prefixes;
}

}  // namespace kg::cli
