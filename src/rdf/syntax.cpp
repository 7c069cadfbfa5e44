#include "rdf/syntax.hpp"

#include <serd/serd.h>

#include "rdf/term.hpp"

namespace kg::rdf {

std::optional<Syntax> syntax_for_path(const std::filesystem::path& path) {
  std::string extension = lowercase_ascii(path.extension().string());
  if (extension == ".ttl") return Syntax::Turtle;
  if (extension == ".nt") return Syntax::NTriples;
  if (extension == ".nq") return Syntax::NQuads;
  if (extension == ".trig") return Syntax::TriG;
  if (extension == ".rdf" || extension == ".owl" || extension == ".xml") return Syntax::RdfXml;
  return std::nullopt;
}

std::optional<Syntax> syntax_from_name(std::string_view name) {
  std::string lower = lowercase_ascii(name);
  if (lower == "turtle" || lower == "ttl") return Syntax::Turtle;
  if (lower == "ntriples" || lower == "nt" || lower == "n-triples") return Syntax::NTriples;
  if (lower == "nquads" || lower == "nq" || lower == "n-quads") return Syntax::NQuads;
  if (lower == "trig") return Syntax::TriG;
  if (lower == "rdfxml" || lower == "rdf/xml" || lower == "xml") return Syntax::RdfXml;
  return std::nullopt;
}

std::string_view syntax_name(Syntax syntax) {
  switch (syntax) {
    case Syntax::Turtle:
      return "turtle";
    case Syntax::NTriples:
      return "ntriples";
    case Syntax::NQuads:
      return "nquads";
    case Syntax::TriG:
      return "trig";
    case Syntax::RdfXml:
      return "rdfxml";
  }
  return "turtle";
}

bool syntax_has_graphs(Syntax syntax) {
  return syntax == Syntax::NQuads || syntax == Syntax::TriG;
}

std::string file_iri(const std::filesystem::path& path) {
  std::error_code ignored;
  std::filesystem::path absolute = std::filesystem::absolute(path, ignored).lexically_normal();
  SerdNode node = serd_node_new_file_uri(reinterpret_cast<const uint8_t*>(absolute.c_str()),
                                         nullptr, nullptr, true);
  std::string iri(reinterpret_cast<const char*>(node.buf), node.n_bytes);
  serd_node_free(&node);
  return iri;
}

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string percent_decode(std::string_view text) {
  std::string decoded;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      decoded += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      decoded += text[i];
    }
  }
  return decoded;
}

}  // namespace kg::rdf
