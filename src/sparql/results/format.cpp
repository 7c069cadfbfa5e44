#include <array>
#include <utility>

#include "rdf/term.hpp"
#include "sparql/results/results.hpp"
#include "sparql/results/writer_base.hpp"
#include "util/error.hpp"

namespace kg::sparql {

namespace {

struct FormatName {
  std::string_view name;
  ResultFormat format;
};

// The first name of each format is its canonical one.
constexpr std::array kFormatNames{
    FormatName{"table", ResultFormat::Table},
    FormatName{"text", ResultFormat::Table},
    FormatName{"json", ResultFormat::Json},
    FormatName{"srj", ResultFormat::Json},
    FormatName{"application/sparql-results+json", ResultFormat::Json},
    FormatName{"xml", ResultFormat::Xml},
    FormatName{"srx", ResultFormat::Xml},
    FormatName{"application/sparql-results+xml", ResultFormat::Xml},
    FormatName{"csv", ResultFormat::Csv},
    FormatName{"text/csv", ResultFormat::Csv},
    FormatName{"tsv", ResultFormat::Tsv},
    FormatName{"text/tab-separated-values", ResultFormat::Tsv},
    FormatName{"ntriples", ResultFormat::NTriples},
    FormatName{"nt", ResultFormat::NTriples},
    FormatName{"n-triples", ResultFormat::NTriples},
    FormatName{"application/n-triples", ResultFormat::NTriples},
    FormatName{"turtle", ResultFormat::Turtle},
    FormatName{"ttl", ResultFormat::Turtle},
    FormatName{"text/turtle", ResultFormat::Turtle},
};

bool is_graph_format(ResultFormat format) {
  return format == ResultFormat::NTriples || format == ResultFormat::Turtle;
}

bool is_graph_form(QueryForm form) {
  return form == QueryForm::Construct || form == QueryForm::Describe;
}

std::string_view form_name(QueryForm form) {
  switch (form) {
    case QueryForm::Select:
      return "SELECT";
    case QueryForm::Ask:
      return "ASK";
    case QueryForm::Construct:
      return "CONSTRUCT";
    case QueryForm::Describe:
      return "DESCRIBE";
  }
  return "SELECT";
}

}  // namespace

std::optional<ResultFormat> result_format_from_name(std::string_view name) {
  std::string lower = rdf::lowercase_ascii(name);
  for (const FormatName& entry : kFormatNames)
    if (entry.name == lower) return entry.format;
  return std::nullopt;
}

std::string_view result_format_name(ResultFormat format) {
  for (const FormatName& entry : kFormatNames)
    if (entry.format == format) return entry.name;
  return "table";
}

void check_result_format(ResultFormat format, QueryForm form) {
  if (format == ResultFormat::Table) return;
  bool fits = is_graph_form(form) ? is_graph_format(format) : !is_graph_format(format);
  if (!fits) results_detail::reject_form(format, form);
}

namespace results_detail {

void reject_form(ResultFormat format, QueryForm form) {
  std::string message = std::string(form_name(form)) + " results cannot be written as " +
                        std::string(result_format_name(format)) + ": ";
  if (is_graph_form(form))
    message += "a graph needs turtle, ntriples or table";
  else
    message += "solutions and booleans need table, json, xml, csv or tsv";
  throw Error(message);
}

}  // namespace results_detail

std::unique_ptr<ResultHandler> make_result_writer(ResultFormat format, std::ostream& out,
                                                  const rdf::PrefixMap& prefixes) {
  using namespace results_detail;
  switch (format) {
    case ResultFormat::Table:
      return make_table_writer(out, prefixes);
    case ResultFormat::Json:
      return make_json_writer(out);
    case ResultFormat::Xml:
      return make_xml_writer(out);
    case ResultFormat::Csv:
      return make_csv_writer(out);
    case ResultFormat::Tsv:
      return make_tsv_writer(out);
    case ResultFormat::NTriples:
      return make_ntriples_writer(out);
    case ResultFormat::Turtle:
      return make_turtle_writer(out, prefixes);
  }
  return make_table_writer(out, prefixes);
}

}  // namespace kg::sparql
