// Prefix declarations: collected from parsed files, used to abbreviate IRIs on output.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kg::rdf {

class PrefixMap {
 public:
  // The prefixes the project's own files use (rdf, rdfs, xsd, owl, skos, prov, schema,
  // dcterms, kg, kgd, kgs, kgc).
  static PrefixMap standard();

  void set(std::string prefix, std::string namespace_iri);
  std::optional<std::string_view> find(std::string_view prefix) const;

  // "kg:directed" for an IRI under a known namespace whose local part is a valid
  // PN_LOCAL; nothing otherwise. The longest matching namespace wins.
  std::optional<std::string> abbreviate(std::string_view iri) const;
  // The IRI for "prefix:local", or nothing for an unknown prefix.
  std::optional<std::string> expand(std::string_view prefixed_name) const;

  const std::map<std::string, std::string>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }

 private:
  std::map<std::string, std::string> entries_;  // prefix -> namespace IRI
};

// True if text can stand as the local part of a Turtle prefixed name without escapes.
bool is_plain_local_name(std::string_view text);

}  // namespace kg::rdf
