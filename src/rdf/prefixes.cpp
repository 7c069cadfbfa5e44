#include "rdf/prefixes.hpp"

#include "rdf/vocabulary.hpp"

namespace kg::rdf {

PrefixMap PrefixMap::standard() {
  PrefixMap map;
  map.set("rdf", std::string(vocab::kRdf));
  map.set("rdfs", std::string(vocab::kRdfs));
  map.set("xsd", std::string(vocab::kXsd));
  map.set("owl", std::string(vocab::kOwl));
  map.set("skos", std::string(vocab::kSkos));
  map.set("prov", std::string(vocab::kProv));
  map.set("schema", std::string(vocab::kSchema));
  map.set("dcterms", std::string(vocab::kDcterms));
  map.set("kg", std::string(vocab::kKg));
  map.set("kgd", std::string(vocab::kKgData));
  map.set("kgs", std::string(vocab::kKgSource));
  map.set("kgc", std::string(vocab::kKgClaim));
  return map;
}

void PrefixMap::set(std::string prefix, std::string namespace_iri) {
  entries_[std::move(prefix)] = std::move(namespace_iri);
}

std::optional<std::string_view> PrefixMap::find(std::string_view prefix) const {
  auto found = entries_.find(std::string(prefix));
  if (found == entries_.end()) return std::nullopt;
  return std::string_view(found->second);
}

namespace {
bool is_ascii_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}
}  // namespace

bool is_plain_local_name(std::string_view text) {
  if (text.empty()) return true;
  // Conservative: ASCII letters, digits, '_', '-' and inner '.', not starting with '-' or '.'.
  if (text.front() == '-' || text.front() == '.' || text.back() == '.') return false;
  for (char c : text)
    if (!is_ascii_name_char(c) && c != '.' && static_cast<unsigned char>(c) < 0x80) return false;
  return true;
}

std::optional<std::string> PrefixMap::abbreviate(std::string_view iri) const {
  const std::pair<const std::string, std::string>* best = nullptr;
  for (const auto& entry : entries_) {
    const std::string& ns = entry.second;
    if (ns.empty() || iri.size() < ns.size() || iri.compare(0, ns.size(), ns) != 0) continue;
    if (!is_plain_local_name(iri.substr(ns.size()))) continue;
    if (!best || ns.size() > best->second.size()) best = &entry;
  }
  if (!best) return std::nullopt;
  return best->first + ':' + std::string(iri.substr(best->second.size()));
}

std::optional<std::string> PrefixMap::expand(std::string_view prefixed_name) const {
  size_t colon = prefixed_name.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto ns = find(prefixed_name.substr(0, colon));
  if (!ns) return std::nullopt;
  return std::string(*ns) + std::string(prefixed_name.substr(colon + 1));
}

}  // namespace kg::rdf
