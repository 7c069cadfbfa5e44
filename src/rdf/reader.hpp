// Parsing RDF files into a store: Turtle, N-Triples, N-Quads and TriG with Serd; RDF/XML with
// Raptor. Errors throw kg::Error naming file, line and column; a failed parse may leave the
// quads read before the error in the store, so callers that must not change on failure parse
// into a fresh store first.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "rdf/node.hpp"
#include "rdf/syntax.hpp"

namespace kg::rdf {

class Store;
class PrefixMap;

struct ParseOptions {
  // Default: from the file extension, else Turtle.
  std::optional<Syntax> syntax;
  // Default: the file's own file: IRI (for strings: no base, so relative IRIs are errors).
  std::string base_iri;
  // Where triples go; null means the store's default graph. Quads keep their own graph
  // (and a quad without one goes here too).
  NodeRef graph;
  // Receives the prefixes the document declares, if given.
  PrefixMap* prefixes = nullptr;
};

struct ParseResult {
  size_t statements = 0;  // statements read
  size_t added = 0;       // of which were new to the store
};

ParseResult parse_file(Store& store, const std::filesystem::path& path,
                       const ParseOptions& options = {});
// source_name names the text in error messages.
ParseResult parse_string(Store& store, std::string_view text, std::string_view source_name,
                         const ParseOptions& options);

}  // namespace kg::rdf
