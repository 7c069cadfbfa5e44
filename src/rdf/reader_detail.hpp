// Shared between the reader front end and the per-library parsers.
#pragma once

#include <cstdio>
#include <string_view>

#include "rdf/reader.hpp"

namespace kg::rdf::detail {

// Exactly one of file and text is used (file when non-null).
ParseResult serd_parse(Store& store, const ParseOptions& options, Syntax syntax,
                       std::string_view source_name, FILE* file, std::string_view text);
ParseResult raptor_parse(Store& store, const ParseOptions& options, std::string_view source_name,
                         const std::string& base_iri, std::string_view text);

}  // namespace kg::rdf::detail
