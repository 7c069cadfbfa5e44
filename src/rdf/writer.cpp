#include "rdf/writer.hpp"

#include <algorithm>
#include <memory>
#include <set>

#include <serd/serd.h>
#include <sord/sord.h>

#include "rdf/prefixes.hpp"
#include "rdf/serd_syntax.hpp"
#include "rdf/vocabulary.hpp"
#include "util/error.hpp"

namespace kg::rdf {

namespace {

int kind_rank(TermKind kind) {
  switch (kind) {
    case TermKind::Iri:
      return 0;
    case TermKind::Blank:
      return 1;
    case TermKind::Literal:
      return 2;
  }
  return 0;
}

int three_way(std::string_view a, std::string_view b) {
  return a < b ? -1 : (a == b ? 0 : 1);
}

int compare_predicates(NodeRef a, NodeRef b) {
  bool a_type = a.value() == vocab::kRdfType, b_type = b.value() == vocab::kRdfType;
  if (a_type != b_type) return a_type ? -1 : 1;
  return compare_terms(a, b);
}

size_t append_to_string(const void* buffer, size_t length, void* stream) {
  static_cast<std::string*>(stream)->append(static_cast<const char*>(buffer), length);
  return length;
}

struct EnvDeleter {
  void operator()(SerdEnv* env) const { serd_env_free(env); }
};
struct WriterDeleter {
  void operator()(SerdWriter* writer) const { serd_writer_free(writer); }
};

const SerdNode* serd_node(NodeRef node) {
  return sord_node_to_serd_node(node.sord());
}

// Serd abbreviates an IRI only when its local part is alphanumeric, but names such as
// kgd:Kim_Min-ha are valid Turtle too; the writer hands Serd those as CURIEs itself. rdf:type
// stays an IRI so that Serd still writes it as "a". storage must outlive the returned node.
SerdNode output_node(NodeRef node, const PrefixMap* prefixes, std::string& storage) {
  if (prefixes && node.is_iri() && node.value() != vocab::kRdfType) {
    if (auto name = prefixes->abbreviate(node.value())) {
      storage = std::move(*name);
      return serd_node_from_substring(SERD_CURIE, reinterpret_cast<const uint8_t*>(storage.data()),
                                      storage.size());
    }
  }
  return *serd_node(node);
}

// The prefixes whose namespaces some IRI in the quads is abbreviated with.
std::vector<std::pair<std::string, std::string>> used_prefixes(const std::vector<Quad>& quads,
                                                               const PrefixMap& prefixes) {
  std::set<std::string> used;
  auto note = [&](NodeRef node) {
    if (!node) return;
    std::string_view iri = node.is_iri() ? node.value() : node.datatype_iri();
    if (node.is_literal() && !node.explicit_datatype()) return;
    if (auto name = prefixes.abbreviate(iri)) used.insert(name->substr(0, name->find(':')));
  };
  for (const Quad& quad : quads) {
    note(quad.subject);
    // Serd writes rdf:type as "a", which needs no prefix.
    if (quad.predicate.value() != vocab::kRdfType) note(quad.predicate);
    note(quad.object);
    note(quad.graph);
  }
  std::vector<std::pair<std::string, std::string>> result;
  for (const std::string& prefix : used)
    result.emplace_back(prefix, *prefixes.find(prefix));
  return result;
}

}  // namespace

int compare_terms(NodeRef a, NodeRef b) {
  if (a == b) return 0;
  if (!a || !b) return a ? 1 : -1;
  if (int c = kind_rank(a.kind()) - kind_rank(b.kind())) return c;
  if (int c = three_way(a.value(), b.value())) return c;
  if (int c = three_way(a.datatype_iri(), b.datatype_iri())) return c;
  return three_way(a.language(), b.language());
}

std::vector<Quad> quads_of(const Store& store, NodeRef graph) {
  std::vector<Quad> quads;
  if (graph) {
    for (const Quad& quad : store.match({}, {}, {}, graph))
      quads.push_back(quad);
    return quads;
  }
  quads.reserve(store.size());
  std::vector<NodeRef> graphs = store.named_graphs();
  graphs.push_back(store.default_graph());
  for (NodeRef each : graphs)
    for (const Quad& quad : store.match({}, {}, {}, each))
      quads.push_back(quad);
  return quads;
}

std::string serialize(const Store& store, std::vector<Quad> quads, const WriteOptions& options) {
  const bool with_graphs = syntax_has_graphs(options.syntax);
  NodeRef default_graph = store.default_graph();
  for (Quad& quad : quads)
    if (!with_graphs || quad.graph == default_graph) quad.graph = NodeRef();
  const auto& rank = options.subject_rank;
  std::sort(quads.begin(), quads.end(), [&rank](const Quad& x, const Quad& y) {
    if (int c = compare_terms(x.graph, y.graph)) return c < 0;
    if (rank && x.subject != y.subject) {
      int x_rank = rank(x.subject), y_rank = rank(y.subject);
      if (x_rank != y_rank) return x_rank < y_rank;
    }
    if (int c = compare_terms(x.subject, y.subject)) return c < 0;
    if (int c = compare_predicates(x.predicate, y.predicate)) return c < 0;
    return compare_terms(x.object, y.object) < 0;
  });
  quads.erase(std::unique(quads.begin(), quads.end()), quads.end());

  std::string out;
  std::unique_ptr<SerdEnv, EnvDeleter> env(serd_env_new(nullptr));
  const bool abbreviate =
      options.prefixes && (options.syntax == Syntax::Turtle || options.syntax == Syntax::TriG);
  std::vector<std::pair<std::string, std::string>> prefixes;
  if (abbreviate) prefixes = used_prefixes(quads, *options.prefixes);
  for (const auto& [name, iri] : prefixes)
    serd_env_set_prefix_from_strings(env.get(), reinterpret_cast<const uint8_t*>(name.c_str()),
                                     reinterpret_cast<const uint8_t*>(iri.c_str()));
  const bool terse = options.syntax == Syntax::Turtle || options.syntax == Syntax::TriG;
  unsigned style = (terse ? static_cast<unsigned>(SERD_STYLE_ABBREVIATED) : 0u) |
                   (abbreviate ? static_cast<unsigned>(SERD_STYLE_CURIED) : 0u);
  std::unique_ptr<SerdWriter, WriterDeleter> writer(
      serd_writer_new(detail::serd_syntax(options.syntax), static_cast<SerdStyle>(style), env.get(),
                      nullptr, append_to_string, &out));
  for (const auto& [name, iri] : prefixes) {
    SerdNode name_node =
        serd_node_from_string(SERD_LITERAL, reinterpret_cast<const uint8_t*>(name.c_str()));
    SerdNode iri_node =
        serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(iri.c_str()));
    serd_writer_set_prefix(writer.get(), &name_node, &iri_node);
  }
  const PrefixMap* curie_prefixes = abbreviate ? options.prefixes : nullptr;
  std::string graph_text, subject_text, predicate_text, object_text;
  for (const Quad& quad : quads) {
    const SerdNode* datatype = nullptr;
    SerdNode language = SERD_NODE_NULL;
    if (quad.object.is_literal()) {
      if (NodeRef explicit_type = quad.object.explicit_datatype())
        datatype = serd_node(explicit_type);
      std::string_view lang = quad.object.language();
      if (!lang.empty())
        language = serd_node_from_substring(
            SERD_LITERAL, reinterpret_cast<const uint8_t*>(lang.data()), lang.size());
    }
    SerdNode graph =
        quad.graph ? output_node(quad.graph, curie_prefixes, graph_text) : SERD_NODE_NULL;
    SerdNode subject = output_node(quad.subject, curie_prefixes, subject_text);
    SerdNode predicate = output_node(quad.predicate, curie_prefixes, predicate_text);
    SerdNode object = output_node(quad.object, curie_prefixes, object_text);
    serd_writer_write_statement(writer.get(), 0, quad.graph ? &graph : nullptr, &subject,
                                &predicate, &object, datatype, language.buf ? &language : nullptr);
  }
  serd_writer_finish(writer.get());
  return out;
}

}  // namespace kg::rdf
