// Saved queries: the .rq files in queries/, each a SPARQL 1.1 query with a header of comment
// lines that gives its title, description and parameters (docs/saved-queries.md):
//
//   # title: Works released in a month
//   # description: Albums, songs and videos whose release date falls in the month.
//   # param: month: the month, as "2024-05"^^xsd:gYearMonth
//   # default: month = "2024-05"^^xsd:gYearMonth
//
// A parameter names a variable of the query; its value is bound as an RDF term into the
// parsed algebra (binding.hpp), never spliced into the text.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/term.hpp"
#include "sparql/sparql.hpp"

namespace kg::saved {

struct Parameter {
  std::string name;  // the variable it binds, without '?'
  std::string description;
  bool optional = false;                   // "(optional)": left unbound when not given
  std::optional<rdf::Term> default_value;  // "# default:": bound when not given
  // "# example:": the value the committed expected answer is recorded with (else the default).
  std::optional<rdf::Term> example;

  bool required() const { return !optional && !default_value; }
};

struct SavedQuery {
  std::string name;  // the file name without ".rq"
  std::filesystem::path file;
  std::string title;
  std::string description;
  std::vector<Parameter> parameters;
  sparql::Query query;  // as parsed, nothing bound

  const Parameter* parameter(std::string_view parameter_name) const;
  // Beside the query: NAME.expected.srj for SELECT and ASK, NAME.expected.nt for CONSTRUCT
  // and DESCRIBE (both formats read back without loss).
  std::filesystem::path expected_file() const;
};

// Reads and checks one saved query: its header (title present, every parameter a variable
// of the query, defaults and examples valid terms for declared parameters) and its SPARQL.
// Throws kg::Error "FILE:LINE: ..." for a malformed header or query.
SavedQuery read_saved_query(const std::filesystem::path& file);

// Every *.rq file in dir, sorted by name. Throws kg::Error when dir cannot be read.
std::vector<std::filesystem::path> saved_query_files(const std::filesystem::path& dir);

// The query NAME in dir. Throws kg::Error "unknown saved query 'NAME' ..." when there is none.
SavedQuery find_saved_query(const std::filesystem::path& dir, std::string_view name);

}  // namespace kg::saved
