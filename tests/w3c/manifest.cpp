#include "manifest.hpp"

#include <set>

#include "rdf/syntax.hpp"
#include "util/error.hpp"

namespace kg::w3c {

namespace {

std::string local_name(std::string_view iri) {
  size_t cut = iri.find_last_of("#/");
  return std::string(cut == std::string_view::npos ? iri : iri.substr(cut + 1));
}

}  // namespace

std::filesystem::path Manifests::path_of(rdf::NodeRef file_iri) {
  std::string_view iri = file_iri.value();
  if (!iri.starts_with("file://"))
    throw Error("expected a file: IRI in a manifest, found <" + std::string(iri) + ">");
  iri.remove_prefix(7);
  if (size_t fragment = iri.find('#'); fragment != std::string_view::npos)
    iri = iri.substr(0, fragment);
  return rdf::percent_decode(iri);
}

rdf::NodeRef Manifests::object(rdf::NodeRef subject, std::string_view predicate) {
  for (const rdf::Quad& quad : store_.match(subject, iri(predicate), {}, {}))
    return quad.object;
  return {};
}

std::vector<rdf::NodeRef> Manifests::objects(rdf::NodeRef subject, std::string_view predicate) {
  std::vector<rdf::NodeRef> found;
  for (const rdf::Quad& quad : store_.match(subject, iri(predicate), {}, {}))
    found.push_back(quad.object);
  return found;
}

std::vector<rdf::NodeRef> Manifests::list(rdf::NodeRef head) {
  std::vector<rdf::NodeRef> items;
  std::set<rdf::NodeRef> visited;
  rdf::NodeRef nil = iri(rdf::vocab::kRdfNil);
  while (head && head != nil && visited.insert(head).second) {
    if (rdf::NodeRef first = object(head, rdf::vocab::kRdfFirst)) items.push_back(first);
    head = object(head, rdf::vocab::kRdfRest);
  }
  return items;
}

// Relative test IRIs (<#name>) resolve to file: IRIs of this machine; reports show them under
// the suite's mf:assumedTestBase (or relative to the suite root) so exclusions stay portable.
std::string Manifests::reported_iri(std::string_view test_iri,
                                    std::string_view assumed_base) const {
  std::string root_iri = rdf::file_iri(root_);
  if (!root_iri.ends_with('/')) root_iri += '/';
  if (!test_iri.starts_with(root_iri)) return std::string(test_iri);
  return std::string(assumed_base) + std::string(test_iri.substr(root_iri.size()));
}

std::vector<TestEntry> Manifests::load(const std::filesystem::path& manifest) {
  if (!std::filesystem::exists(manifest)) throw Error(manifest.string() + ": manifest not found");
  // Each manifest gets a graph of its own, so that its mf:Manifest node (often <>, sometimes
  // a blank node) can be told from those of the other files.
  rdf::ParseOptions options;
  options.graph = iri(rdf::file_iri(manifest));
  rdf::parse_file(store_, manifest, options);
  std::string folder =
      std::filesystem::relative(manifest.parent_path(), root_).lexically_normal().string();
  std::vector<TestEntry> tests;
  rdf::NodeRef manifest_type = iri(std::string(kMf) + "Manifest");
  // Collected first: loading included manifests changes the store under a live match.
  std::vector<rdf::NodeRef> manifest_nodes;
  for (const rdf::Quad& quad :
       store_.match({}, iri(rdf::vocab::kRdfType), manifest_type, options.graph))
    manifest_nodes.push_back(quad.subject);
  for (rdf::NodeRef self : manifest_nodes) {
    for (rdf::NodeRef included : list(object(self, std::string(kMf) + "include"))) {
      std::vector<TestEntry> more = load(path_of(included));
      tests.insert(tests.end(), more.begin(), more.end());
    }
    rdf::NodeRef assumed = object(self, std::string(kMf) + "assumedTestBase");
    for (rdf::NodeRef test : list(object(self, std::string(kMf) + "entries"))) {
      rdf::NodeRef type = object(test, rdf::vocab::kRdfType);
      tests.push_back(TestEntry{test, reported_iri(test.value(), assumed ? assumed.value() : ""),
                                type ? local_name(type.value()) : "", folder});
    }
  }
  return tests;
}

}  // namespace kg::w3c
