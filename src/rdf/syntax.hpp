// The RDF serialisation formats kg reads and writes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kg::rdf {

enum class Syntax { Turtle, NTriples, NQuads, TriG, RdfXml };

// By file extension: .ttl .nt .nq .trig .rdf/.owl/.xml; nothing for others.
std::optional<Syntax> syntax_for_path(const std::filesystem::path& path);
// "turtle", "ntriples", "nquads", "trig", "rdfxml" (and "nt", "nq", "ttl" as aliases).
std::optional<Syntax> syntax_from_name(std::string_view name);
std::string_view syntax_name(Syntax syntax);
bool syntax_has_graphs(Syntax syntax);

// The absolute file: IRI of a path (resolved against the current directory).
std::string file_iri(const std::filesystem::path& path);

// %XX escapes decoded to their bytes (file_iri's inverse, for the part after "file://");
// a '%' not followed by two hex digits stays as it is.
std::string percent_decode(std::string_view text);

}  // namespace kg::rdf
