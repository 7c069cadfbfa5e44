// SHACL-SPARQL query text (prefixes, $PATH, message templates) and running the queries.
#include "validate/shacl/sparql_query.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "rdf/prefixes.hpp"
#include "rdf/vocabulary.hpp"
#include "validate/shacl/shapes.hpp"
#include "validate/shacl/validator.hpp"

namespace kg::validate::shacl {

using rdf::NodeRef;

namespace {

// VARNAME characters (SPARQL grammar [166]); bytes of multi-byte UTF-8 characters count as
// name characters, which is all a scan for ASCII delimiters needs.
bool is_name_char(char c) {
  auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

// The end of the string literal starting at `start` (at its quote), past the closing quote.
size_t skip_string(std::string_view text, size_t start) {
  char quote = text[start];
  bool long_form = text.substr(start, 3) == std::string(3, quote);
  size_t at = start + (long_form ? 3 : 1);
  while (at < text.size()) {
    if (text[at] == '\\') {
      at += 2;
    } else if (long_form ? text.substr(at, 3) == std::string(3, quote) : text[at] == quote) {
      return at + (long_form ? 3 : 1);
    } else {
      ++at;
    }
  }
  return text.size();
}

// Past the IRI reference starting at `start` (at '<'), or `start` itself if the '<' is the
// less-than operator: IRIREF (grammar [139]) excludes spaces and the characters below, which
// every comparison written as an expression has before its next '>'.
size_t skip_iri(std::string_view text, size_t start) {
  for (size_t at = start + 1; at < text.size(); ++at) {
    char c = text[at];
    if (c == '>') return at + 1;
    if (static_cast<unsigned char>(c) <= 0x20 ||
        std::string_view("<\"{}|^`\\").find(c) != std::string_view::npos)
      return start;
  }
  return start;
}

std::string text_of(const rdf::Term& term) {
  return term.is_blank() ? "_:" + term.value : term.value;
}

}  // namespace

std::string substitute_path(std::string_view query_text, const PropertyPath& path) {
  std::string path_text = path.to_sparql(rdf::PrefixMap());
  if (path.kind != PathKind::Predicate) path_text = "(" + path_text + ")";
  constexpr std::string_view kPathVariable = "$PATH";
  std::string result;
  size_t at = 0;
  while (at < query_text.size()) {
    char c = query_text[at];
    size_t next = at + 1;
    if (c == '"' || c == '\'') {
      next = skip_string(query_text, at);
    } else if (c == '<') {
      next = std::max(skip_iri(query_text, at), at + 1);
    } else if (c == '#') {
      next = std::min(query_text.find('\n', at), query_text.size());
    } else if (query_text.substr(at, kPathVariable.size()) == kPathVariable &&
               (at + kPathVariable.size() == query_text.size() ||
                !is_name_char(query_text[at + kPathVariable.size()]))) {
      result += path_text;
      at += kPathVariable.size();
      continue;
    }
    result.append(query_text.substr(at, next - at));
    at = next;
  }
  return result;
}

std::string prefix_declarations(const ShapesGraph& shapes, NodeRef executable) {
  const GraphView& graph = shapes.graph();
  const Vocab& vocab = shapes.vocab();
  NodeRef imports = vocab.world.iri(std::string(rdf::vocab::kOwl) + "imports");
  std::vector<NodeRef> pending = graph.objects(executable, vocab.sh("prefixes"));
  std::unordered_set<NodeRef> visited(pending.begin(), pending.end());
  std::map<std::string, std::string> namespaces;
  while (!pending.empty()) {
    NodeRef node = pending.back();
    pending.pop_back();
    for (NodeRef declaration : graph.objects(node, vocab.sh("declare"))) {
      NodeRef prefix = shapes.single_value(declaration, vocab.sh("prefix"));
      NodeRef name = shapes.single_value(declaration, vocab.sh("namespace"));
      if (!prefix.is_literal() || !name.is_literal())
        shapes.ill_formed(declaration,
                          "is a prefix declaration without a literal sh:prefix "
                          "and sh:namespace");
      auto [entry, added] = namespaces.emplace(prefix.value(), name.value());
      if (!added && entry->second != name.value())
        shapes.ill_formed(
            declaration, "declares the prefix '" + entry->first + "' again with another namespace");
    }
    for (NodeRef imported : graph.objects(node, imports))
      if (visited.insert(imported).second) pending.push_back(imported);
  }
  std::string text;
  for (const auto& [prefix, name] : namespaces)
    text += "PREFIX " + prefix + ": <" + rdf::escape_iri(name) + ">\n";
  return text;
}

rdf::Term substitute_message(const rdf::Term& message,
                             const std::function<NodeRef(std::string_view)>& value_of) {
  rdf::Term result = message;
  result.value.clear();
  std::string_view text = message.value;
  size_t at = 0;
  while (at < text.size()) {
    size_t open = text.find('{', at);
    size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    result.value.append(text.substr(at, open - at));
    std::string_view placeholder = text.substr(open, close + 1 - open);
    NodeRef value;
    if (placeholder.size() > 3 && (placeholder[1] == '$' || placeholder[1] == '?'))
      value = value_of(placeholder.substr(2, placeholder.size() - 3));
    result.value += value ? text_of(value.to_term()) : std::string(placeholder);
    at = close + 1;
  }
  result.value.append(text.substr(std::min(at, text.size())));
  return result;
}

NodeRef Solutions::value(size_t row, std::string_view variable) const {
  for (size_t column = 0; column < variables.size(); ++column)
    if (variables[column] == variable) return rows[row][column];
  return {};
}

namespace {

class SolutionCollector : public sparql::ResultHandler {
 public:
  explicit SolutionCollector(Solutions& solutions) : solutions_(solutions) {}

  void begin_solutions(const std::vector<std::string>& variables) override {
    solutions_.variables = variables;
  }
  void solution(std::span<const NodeRef> row) override {
    solutions_.rows.emplace_back(row.begin(), row.end());
  }
  void end_solutions() override {}
  void boolean(bool value) override { answer = value; }
  void triple(NodeRef, NodeRef, NodeRef) override {}
  void end_graph() override {}

  bool answer = false;

 private:
  Solutions& solutions_;
};

std::string query_text(const ShapesGraph& shapes, NodeRef executable, NodeRef text_property) {
  std::vector<NodeRef> texts = shapes.graph().objects(executable, text_property);
  if (texts.size() != 1 || !texts.front().is_literal())
    shapes.ill_formed(executable, "needs exactly one literal " + text_property.to_ntriples());
  return std::string(texts.front().value());
}

}  // namespace

std::shared_ptr<const PreparedQuery> PreparedQuery::read(const ShapesGraph& shapes,
                                                         NodeRef executable, NodeRef text_property,
                                                         const PropertyPath* path,
                                                         const std::vector<std::string>& prebound) {
  std::string text = query_text(shapes, executable, text_property);
  if (path) text = substitute_path(text, *path);
  text = prefix_declarations(shapes, executable) + text;
  bool wants_ask = text_property == shapes.vocab().sh("ask");
  sparql::ParseOptions options;
  options.source_name = executable.to_ntriples();
  sparql::Query query;
  try {
    query = sparql::parse_query(text, options);
  } catch (const Error& error) {
    throw ValidationFailure("invalid SPARQL query at " + executable.to_ntriples() + ": " +
                            error.what());
  }
  if ((query.form == sparql::QueryForm::Ask) != wants_ask ||
      (!wants_ask && query.form != sparql::QueryForm::Select))
    shapes.ill_formed(executable, std::string("needs ") + (wants_ask ? "an ASK" : "a SELECT") +
                                      " query in " + text_property.to_ntriples());
  check_prebinding_support(query, prebound);
  return std::shared_ptr<const PreparedQuery>(new PreparedQuery(std::move(query), executable));
}

void PreparedQuery::run(Validator& validator, const PreBindings& bindings,
                        sparql::ResultHandler& handler) const {
  sparql::Query bound = prebind(query_, bindings);
  try {
    sparql::execute(bound, validator.sparql_dataset(), handler);
  } catch (const Error& error) {
    throw ValidationFailure("SPARQL query at " + executable_.to_ntriples() +
                            " failed: " + error.what());
  }
}

Solutions PreparedQuery::select(Validator& validator, const PreBindings& bindings) const {
  Solutions solutions;
  SolutionCollector collector(solutions);
  run(validator, bindings, collector);
  return solutions;
}

bool PreparedQuery::ask(Validator& validator, const PreBindings& bindings) const {
  Solutions unused;
  SolutionCollector collector(unused);
  run(validator, bindings, collector);
  return collector.answer;
}

}  // namespace kg::validate::shacl
