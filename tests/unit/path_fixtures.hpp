// Shared by the path layer's tests: small graphs written inline, the news-shaped fixture, and
// running the kg binary.
#pragma once

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>

#include "path/path.hpp"
#include "rdf/rdf.hpp"

namespace path_test {

inline const std::string kNewsFixture = std::string(KG_SOURCE_DIR) + "/tests/data/path/news.trig";

// Turtle with ex: = http://example.org/ and the project's standard prefixes declared.
inline void load_turtle(kg::rdf::Store& store, std::string_view body) {
  std::string text =
      "@prefix ex: <http://example.org/> .\n"
      "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
      "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
      "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
      "@prefix kg: <https://kg.example.org/ontology#> .\n";
  kg::rdf::parse_string(store, text + std::string(body), "inline.ttl", {});
}

inline void load_news(kg::rdf::Store& store) {
  kg::rdf::parse_file(store, kNewsFixture);
}

inline kg::rdf::NodeRef ex(kg::rdf::Store& store, std::string_view local) {
  return store.world().iri("http://example.org/" + std::string(local));
}

inline kg::rdf::NodeRef kgd(kg::rdf::Store& store, std::string_view local) {
  return store.world().iri("https://kg.example.org/id/" + std::string(local));
}

inline kg::rdf::NodeRef kg_term(kg::rdf::Store& store, std::string_view local) {
  return store.world().iri("https://kg.example.org/ontology#" + std::string(local));
}

inline kg::path::PathResult paths_between(kg::rdf::Store& store, kg::rdf::NodeRef from,
                                          kg::rdf::NodeRef to,
                                          const kg::path::PathOptions& options = {}) {
  return kg::path::find_paths(kg::path::EntityGraph::build(store), from, to, options);
}

struct CommandResult {
  int status = -1;
  std::string out, err;
};

// Runs the built kg with the given shell-quoted arguments; environment is prefixed as is
// ("KG_ROOT=/tmp/x").
inline CommandResult run_kg(const std::string& arguments, const std::string& environment = {}) {
  char err_file[] = "/tmp/kg_path_test_XXXXXX";
  int fd = mkstemp(err_file);
  if (fd >= 0) close(fd);
  std::string command =
      environment + " " + std::string(KG_BINARY) + " " + arguments + " 2>" + err_file;
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
    result.out.append(buffer.data(), n);
  int raw = pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  if (FILE* err = std::fopen(err_file, "r")) {
    while (size_t n = fread(buffer.data(), 1, buffer.size(), err))
      result.err.append(buffer.data(), n);
    std::fclose(err);
  }
  std::remove(err_file);
  return result;
}

inline std::string quote(std::string_view text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace path_test
