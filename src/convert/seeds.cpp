#include "convert/seeds.hpp"

#include "convert/seed_json.hpp"
#include "rdf/datatypes.hpp"
#include "rdf/term.hpp"
#include "rdf/vocabulary.hpp"

namespace kg::convert {

namespace {

// Ids become the last segment of an IRI; these characters would change or break it.
void check_identifier(const JsonNode& node, const std::string& id) {
  constexpr std::string_view kForbidden = "<>\"{}|\\^`/?#%";
  for (char c : id) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f ||
        kForbidden.find(c) != std::string_view::npos)
      node.fail("'" + id +
                "' cannot be used as an id: it contains a space, a control character or one of " +
                std::string(kForbidden));
  }
}

std::string read_identifier(const JsonNode& node) {
  std::string id = node.text();
  check_identifier(node, id);
  return id;
}

std::string read_language(const JsonNode& node) {
  std::string tag = node.text();
  if (!rdf::is_language_tag(tag)) node.fail("'" + tag + "' is not a language tag");
  return rdf::lowercase_ascii(tag);
}

std::vector<std::string> read_identifiers(const JsonNode& node) {
  std::vector<std::string> ids;
  for (const JsonNode& element : node.elements())
    ids.push_back(read_identifier(element));
  return ids;
}

// {"en": "...", "ru": "..."}: one text per language.
std::map<std::string, std::string> read_language_map(const JsonNode& node) {
  std::map<std::string, std::string> texts;
  for (const auto& [language, value] : node.members()) {
    if (!rdf::is_language_tag(language)) value.fail("'" + language + "' is not a language tag");
    if (!texts.emplace(rdf::lowercase_ascii(language), value.text()).second)
      value.fail("language '" + language + "' given twice");
  }
  return texts;
}

std::optional<std::string> optional_text(const JsonNode& node, std::string_view key) {
  if (auto member = node.optional_member(key)) return member->text();
  return std::nullopt;
}

// Remembers where each id was first defined, to report duplicates.
class IdRegistry {
 public:
  explicit IdRegistry(std::string what) : what_(std::move(what)) {}
  void add(const JsonNode& node, const std::string& id) {
    auto [first, inserted] = first_at_.emplace(id, node.pointer());
    if (!inserted)
      node.fail("duplicate " + what_ + " id '" + id + "' (first at " + first->second + ")");
  }

 private:
  std::string what_;
  std::map<std::string, std::string> first_at_;
};

bool is_date_or_date_time(std::string_view text) {
  return rdf::is_valid_lexical_form(rdf::vocab::kXsdDate, text) ||
         rdf::is_valid_lexical_form(rdf::vocab::kXsdDateTime, text);
}

bool is_absolute_iri(std::string_view text) {
  size_t colon = text.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = text[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))
      return false;
  }
  return rdf::is_valid_lexical_form(std::string(rdf::vocab::kXsd) + "anyURI", text);
}

SourceRecord read_source(const JsonNode& node) {
  node.expect_object({"id", "file", "title", "language", "publisher", "url", "published"});
  SourceRecord source;
  source.at = node.pointer();
  source.id = read_identifier(node.member("id"));
  source.file = node.member("file").text();
  if (source.file != source.id + ".txt")
    node.member("file").fail("expected \"" + source.id + ".txt\", the id with \".txt\"");
  source.title = node.member("title").text();
  source.language = read_language(node.member("language"));
  source.publisher = optional_text(node, "publisher");
  source.url = optional_text(node, "url");
  if (source.url && !is_absolute_iri(*source.url))
    node.member("url").fail("'" + *source.url + "' is not an absolute IRI");
  source.published = optional_text(node, "published");
  if (source.published && !is_date_or_date_time(*source.published))
    node.member("published")
        .fail("'" + *source.published + "' is not a valid xsd:date or xsd:dateTime");
  return source;
}

AliasRecord read_alias(const JsonNode& node) {
  node.expect_object({"text", "lang", "sources", "note"});
  AliasRecord alias;
  alias.at = node.pointer();
  alias.text = node.member("text").text();
  alias.language = read_language(node.member("lang"));
  if (auto sources = node.optional_member("sources")) alias.sources = read_identifiers(*sources);
  return alias;
}

EntityRecord read_entity(const JsonNode& node) {
  node.expect_object({"id", "types", "labels", "aliases", "description", "note"});
  EntityRecord entity;
  entity.at = node.pointer();
  entity.id = read_identifier(node.member("id"));
  for (const JsonNode& type : node.member("types").elements())
    entity.types.push_back(type.text());
  if (entity.types.empty()) node.member("types").fail("an entity needs at least one type");
  entity.labels = read_language_map(node.member("labels"));
  if (entity.labels.empty()) node.member("labels").fail("an entity needs at least one label");
  if (auto aliases = node.optional_member("aliases"))
    for (const JsonNode& alias : aliases->elements())
      entity.aliases.push_back(read_alias(alias));
  if (auto description = node.optional_member("description"))
    entity.descriptions = read_language_map(*description);
  return entity;
}

FactObject read_object(const JsonNode& node) {
  FactObject object;
  if (node.is_string()) {
    object.entity = read_identifier(node);
    return object;
  }
  node.expect_object({"value", "datatype", "lang"});
  object.value = node.member("value").text();
  object.datatype = optional_text(node, "datatype");
  if (auto language = node.optional_member("lang")) object.language = read_language(*language);
  if (object.datatype && object.language)
    node.fail("a literal has either \"datatype\" or \"lang\", not both");
  return object;
}

Statement read_statement(const JsonNode& node) {
  node.expect_object({"source", "evidence"});
  return Statement{read_identifier(node.member("source")), node.member("evidence").text(),
                   node.pointer()};
}

FactRecord read_fact(const JsonNode& node) {
  node.expect_object({"id", "subject", "predicate", "object", "sources", "conflicts_with", "note"});
  FactRecord fact;
  fact.at = node.pointer();
  fact.id = read_identifier(node.member("id"));
  fact.subject = read_identifier(node.member("subject"));
  fact.predicate = node.member("predicate").text();
  fact.object = read_object(node.member("object"));
  for (const JsonNode& statement : node.member("sources").elements())
    fact.statements.push_back(read_statement(statement));
  if (fact.statements.empty()) node.member("sources").fail("a fact needs at least one source");
  if (auto conflicts = node.optional_member("conflicts_with"))
    fact.conflicts_with = read_identifiers(*conflicts);
  fact.note = optional_text(node, "note");
  return fact;
}

// The array under the file's one top-level key, each element read by read_record.
template <typename Record>
std::vector<Record> read_records(const JsonFile& file, std::string_view key, const char* what,
                                 Record (*read_record)(const JsonNode&)) {
  JsonNode root = file.root_node();
  root.expect_object({key});
  IdRegistry ids(what);
  std::vector<Record> records;
  for (const JsonNode& element : root.member(key).elements()) {
    records.push_back(read_record(element));
    ids.add(element.member("id"), records.back().id);
  }
  return records;
}

}  // namespace

std::string display_name(const std::filesystem::path& file, const std::filesystem::path& root) {
  std::filesystem::path relative =
      file.lexically_normal().lexically_relative(root.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") return file.string();
  return relative.generic_string();
}

Seeds read_seeds(const std::filesystem::path& seeds_dir,
                 const std::filesystem::path& display_root) {
  Seeds seeds;
  auto load = [&](const char* name, std::string& display) {
    display = display_name(seeds_dir / name, display_root);
    return load_json_file(seeds_dir / name, display);
  };
  JsonFile sources = load("sources.json", seeds.sources_file);
  JsonFile entities = load("entities.json", seeds.entities_file);
  JsonFile facts = load("facts.json", seeds.facts_file);
  seeds.sources = read_records(sources, "sources", "source", read_source);
  seeds.entities = read_records(entities, "entities", "entity", read_entity);
  seeds.facts = read_records(facts, "facts", "fact", read_fact);
  return seeds;
}

}  // namespace kg::convert
