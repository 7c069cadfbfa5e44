#include "path/labels.hpp"

#include "rdf/vocabulary.hpp"

namespace kg::path {

namespace {
// Language rank for display: English first, then no language, then any other.
int language_rank(std::string_view language) {
  if (language == "en" || language.starts_with("en-")) return 0;
  return language.empty() ? 1 : 2;
}
}  // namespace

const std::vector<std::string_view>& label_predicate_iris() {
  static const std::vector<std::string_view> iris = {
      "http://www.w3.org/2004/02/skos/core#prefLabel",
      "http://www.w3.org/2000/01/rdf-schema#label",
      "http://schema.org/name",
      "http://www.w3.org/2004/02/skos/core#altLabel",
  };
  return iris;
}

rdf::NodeRef find_predicate(const rdf::Store& store, std::string_view iri) {
  for (const auto& [predicate, count] : store.predicate_counts())
    if (predicate.value() == iri) return predicate;
  return {};
}

Labeler::Labeler(const rdf::Store& store, rdf::PrefixMap prefixes)
    : store_(store), prefixes_(std::move(prefixes)) {}

const std::string& Labeler::label(rdf::NodeRef node) {
  return remembered(labels_, node, &Labeler::short_name);
}

const std::string& Labeler::predicate_label(rdf::NodeRef predicate) {
  return remembered(predicate_labels_, predicate, &Labeler::local_name);
}

const std::string& Labeler::remembered(std::unordered_map<rdf::NodeRef, std::string>& cache,
                                       rdf::NodeRef node,
                                       std::string (Labeler::*fallback)(rdf::NodeRef) const) {
  auto [cached, added] = cache.try_emplace(node);
  if (added) {
    cached->second = stated_label(node);
    if (cached->second.empty()) cached->second = (this->*fallback)(node);
  }
  return cached->second;
}

std::string Labeler::stated_label(rdf::NodeRef node) const {
  if (node.is_literal()) return std::string(node.value());
  rdf::NodeRef best;
  int best_rank = 3;
  const auto& iris = label_predicate_iris();
  // Looked up per label, not once, so that a Labeler made before the store is filled works.
  for (size_t i = 0; i + 1 < iris.size(); ++i) {
    rdf::NodeRef predicate = find_predicate(store_, iris[i]);
    if (!predicate) continue;
    for (const rdf::Quad& quad : store_.match(node, predicate, {}, {})) {
      if (!quad.object.is_literal()) continue;
      int rank = language_rank(quad.object.language());
      if (rank < best_rank) {
        best = quad.object;
        best_rank = rank;
      }
    }
  }
  return best ? std::string(best.value()) : std::string();
}

std::string Labeler::short_name(rdf::NodeRef node) const {
  if (node.is_blank()) return "_:" + std::string(node.value());
  if (node.is_literal()) return node.to_ntriples();
  if (auto prefixed = prefixes_.abbreviate(node.value())) return *prefixed;
  return "<" + std::string(node.value()) + ">";
}

std::string Labeler::local_name(rdf::NodeRef predicate) const {
  std::string_view iri = predicate.value();
  size_t cut = iri.find_last_of("#/");
  if (cut == std::string_view::npos || cut + 1 == iri.size()) return short_name(predicate);
  return std::string(iri.substr(cut + 1));
}

}  // namespace kg::path
