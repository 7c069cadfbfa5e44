// Reading SPARQL Query Results JSON (.srj) with nlohmann/json.
#include <nlohmann/json.hpp>

#include "sparql/results/reader_base.hpp"

namespace kg::sparql {

namespace {

using nlohmann::json;

[[noreturn]] void fail_path(std::string_view source, std::string path, const std::string& message) {
  throw Error(SourceLocation{std::string(source), 0, 0, std::move(path)}, message);
}

// nlohmann reports the byte offset just past the error; editors want line and column.
[[noreturn]] void fail_parse(std::string_view source, std::string_view text,
                             const json::parse_error& error) {
  size_t offset = error.byte > 0 ? error.byte - 1 : 0;
  std::string message = error.what();
  // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: ".
  if (size_t colon = message.rfind(": "); colon != std::string::npos)
    message = message.substr(colon + 2);
  throw Error(SourceLocation::at_offset(std::string(source), text, offset), message);
}

std::string string_member(std::string_view source, const json& object, const char* key,
                          const std::string& path, bool required) {
  auto found = object.find(key);
  if (found == object.end()) {
    if (required) fail_path(source, path, std::string("missing \"") + key + "\"");
    return {};
  }
  if (!found->is_string()) fail_path(source, path + "/" + key, "expected a string");
  return found->get<std::string>();
}

rdf::Term read_term(std::string_view source, const json& value, const std::string& path) {
  if (!value.is_object()) fail_path(source, path, "expected an RDF term object");
  std::string type = string_member(source, value, "type", path, true);
  std::string lexical = string_member(source, value, "value", path, true);
  if (type == "uri") return rdf::Term::iri(std::move(lexical));
  if (type == "bnode") return rdf::Term::blank(std::move(lexical));
  // "typed-literal" is what drafts of the format wrote for literals with a datatype.
  if (type != "literal" && type != "typed-literal")
    fail_path(source, path + "/type", "unknown term type \"" + type + "\"");
  return results_detail::make_literal(std::move(lexical),
                                      string_member(source, value, "datatype", path, false),
                                      string_member(source, value, "xml:lang", path, false));
}

void read_bindings(std::string_view source, const json& bindings, ResultTable& table) {
  if (!bindings.is_array()) fail_path(source, "/results/bindings", "expected an array");
  for (size_t i = 0; i < bindings.size(); ++i) {
    std::string path = "/results/bindings/" + std::to_string(i);
    if (!bindings[i].is_object()) fail_path(source, path, "expected an object");
    results_detail::RowBuilder row(table.variables);
    for (const auto& [name, value] : bindings[i].items())
      if (!row.bind(name, read_term(source, value, path + "/" + name)))
        fail_path(source, path + "/" + name, "variable '" + name + "' is not in head.vars");
    table.rows.push_back(row.take());
  }
}

}  // namespace

ResultTable read_srj(std::string_view text, std::string_view source_name) {
  json document;
  try {
    document = json::parse(text);
  } catch (const json::parse_error& error) {
    fail_parse(source_name, text, error);
  }
  if (!document.is_object()) fail_path(source_name, "", "expected a JSON object");
  ResultTable table;
  auto head = document.find("head");
  if (head != document.end() && head->contains("vars")) {
    const json& vars = (*head)["vars"];
    if (!vars.is_array()) fail_path(source_name, "/head/vars", "expected an array");
    for (size_t i = 0; i < vars.size(); ++i) {
      if (!vars[i].is_string())
        fail_path(source_name, "/head/vars/" + std::to_string(i), "expected a string");
      table.variables.push_back(vars[i].get<std::string>());
    }
  }
  if (auto boolean = document.find("boolean"); boolean != document.end()) {
    if (!boolean->is_boolean()) fail_path(source_name, "/boolean", "expected true or false");
    table.boolean = boolean->get<bool>();
    return table;
  }
  auto results = document.find("results");
  if (results == document.end() || !results->is_object() || !results->contains("bindings"))
    fail_path(source_name, "/results", "missing results.bindings (or boolean)");
  read_bindings(source_name, (*results)["bindings"], table);
  return table;
}

}  // namespace kg::sparql
