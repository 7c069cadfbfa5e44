// Shared between the reader front end and the per-library parsers.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "rdf/reader.hpp"

namespace kg::rdf::detail {

// Exactly one of file and text is used (file when non-null).
ParseResult serd_parse(Store& store, const ParseOptions& options, Syntax syntax,
                       std::string_view source_name, FILE* file, std::string_view text);
ParseResult raptor_parse(Store& store, const ParseOptions& options, std::string_view source_name,
                         const std::string& base_iri, std::string_view text);

// True if utf8 holds the bytes of an encoded UTF-16 surrogate (U+D800 to U+DFFF), as Serd
// makes of a \u or \U escape of one.
bool has_encoded_surrogate(std::string_view utf8);
// The byte offset of the first encoded surrogate of a Turtle-family document: an escape of one
// in an IRI or string, or its raw UTF-8 bytes.
std::optional<size_t> find_encoded_surrogate(std::string_view document);
// Why the encoded surrogate at offset (as found above) is an error.
std::string encoded_surrogate_message(std::string_view document, size_t offset);

}  // namespace kg::rdf::detail
