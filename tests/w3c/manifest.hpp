// Reading W3C test manifests (the mf: vocabulary) with kg's own rdf layer: one store holds
// every manifest of a suite; mf:include lists are followed and mf:entries lists walked.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "rdf/rdf.hpp"

namespace kg::w3c {

inline constexpr std::string_view kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
inline constexpr std::string_view kQt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
inline constexpr std::string_view kRdft = "http://www.w3.org/ns/rdftest#";
inline constexpr std::string_view kSd = "http://www.w3.org/ns/sparql-service-description#";

struct TestEntry {
  rdf::NodeRef node;
  std::string iri;     // as reported and listed in exclusions.txt
  std::string type;    // local name of its rdf:type, e.g. "QueryEvaluationTest"
  std::string folder;  // its manifest's folder, relative to the suite's root
};

class Manifests {
 public:
  // `suite_root` is the folder reported IRIs and folders are relative to.
  explicit Manifests(std::filesystem::path suite_root) : root_(std::move(suite_root)) {}

  // The tests of a manifest and of everything it includes, in manifest order.
  std::vector<TestEntry> load(const std::filesystem::path& manifest);

  rdf::NodeRef iri(std::string_view text) { return store_.world().iri(text); }
  rdf::NodeRef object(rdf::NodeRef subject, std::string_view predicate);
  std::vector<rdf::NodeRef> objects(rdf::NodeRef subject, std::string_view predicate);
  // The file a file: IRI names.
  static std::filesystem::path path_of(rdf::NodeRef file_iri);

 private:
  std::vector<rdf::NodeRef> list(rdf::NodeRef head);
  std::string reported_iri(std::string_view iri, std::string_view assumed_base) const;

  std::filesystem::path root_;
  rdf::Store store_;
};

}  // namespace kg::w3c
