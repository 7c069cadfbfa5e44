// Pieces the result readers share.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sparql/results/results.hpp"
#include "util/error.hpp"

namespace kg::sparql::results_detail {

[[noreturn]] inline void fail_at(std::string_view source, unsigned line, unsigned column,
                                 const std::string& message) {
  throw Error(SourceLocation{std::string(source), line, column, {}}, message);
}

// Builds one row, finding each binding's column by variable name.
class RowBuilder {
 public:
  explicit RowBuilder(const std::vector<std::string>& variables)
      : variables_(variables), row_(variables.size()) {}

  // False if the variable is not in the header, or was bound already in this row.
  bool bind(std::string_view variable, rdf::Term value);
  std::vector<std::optional<rdf::Term>> take() { return std::move(row_); }

 private:
  const std::vector<std::string>& variables_;
  std::vector<std::optional<rdf::Term>> row_;
};

// Appends a code point as UTF-8; false if it is not a Unicode scalar value.
bool append_utf8(std::string& out, unsigned long code_point);

// An xsd:string, rdf:langString or typed literal from the parts result formats give.
rdf::Term make_literal(std::string lexical, std::string_view datatype, std::string_view language);

}  // namespace kg::sparql::results_detail
