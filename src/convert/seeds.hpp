// The seed files (docs/seed-format.md) as plain records. Reading checks their shape; whether
// the names in them mean anything is checked against the ontology when the graph is built.
// Every record keeps its JSON pointer so later checks can say where a problem lies.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kg::convert {

struct SourceRecord {
  std::string id, file, title, language;
  std::optional<std::string> publisher, url, published;
  std::string at;
};

struct AliasRecord {
  std::string text, language;
  std::vector<std::string> sources;  // empty: a curator's alias, not quoted from a source
  std::string at;
};

struct EntityRecord {
  std::string id;
  std::vector<std::string> types;                   // prefixed class names
  std::map<std::string, std::string> labels;        // language -> preferred label
  std::map<std::string, std::string> descriptions;  // language -> text
  std::vector<AliasRecord> aliases;
  std::string at;
};

// A fact's object: an entity id, or a literal.
struct FactObject {
  std::optional<std::string> entity;
  std::string value;
  std::optional<std::string> datatype;  // prefixed name
  std::optional<std::string> language;
};

struct Statement {
  std::string source, evidence;
  std::string at;
};

struct FactRecord {
  std::string id, subject, predicate;
  FactObject object;
  std::vector<Statement> statements;
  std::vector<std::string> conflicts_with;
  std::optional<std::string> note;  // the curator's remark, in English
  std::string at;
};

struct Seeds {
  // The files' names as messages give them ("seeds/facts.json").
  std::string sources_file, entities_file, facts_file;
  std::vector<SourceRecord> sources;
  std::vector<EntityRecord> entities;
  std::vector<FactRecord> facts;
};

// Reads sources.json, entities.json and facts.json from seeds_dir; messages name the files
// relative to display_root. Throws kg::Error at the first malformed file or record.
Seeds read_seeds(const std::filesystem::path& seeds_dir, const std::filesystem::path& display_root);

// The name a message gives a file: relative to root when it lies inside it.
std::string display_name(const std::filesystem::path& file, const std::filesystem::path& root);

}  // namespace kg::convert
