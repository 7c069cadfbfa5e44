// Turtle, N-Triples, N-Quads and TriG through Serd.
#include <serd/serd.h>
#include <sord/sord.h>

#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <memory>

#include "rdf/prefixes.hpp"
#include "rdf/reader.hpp"
#include "rdf/reader_detail.hpp"
#include "rdf/store.hpp"
#include "util/error.hpp"

namespace kg::rdf::detail {
namespace {

std::string_view text_of(const SerdNode* node) {
  return {reinterpret_cast<const char*>(node->buf), node->n_bytes};
}

struct SerdEnvDeleter {
  void operator()(SerdEnv* env) const { serd_env_free(env); }
};
struct SerdReaderDeleter {
  void operator()(SerdReader* reader) const { serd_reader_free(reader); }
};
struct SerdNodeOwner {
  SerdNode node = SERD_NODE_NULL;
  ~SerdNodeOwner() { serd_node_free(&node); }
};

// The state the Serd callbacks share while one document is read.
struct SerdSink {
  Store& store;
  SerdEnv* env;
  const ParseOptions& options;
  std::string source_name;
  NodeRef default_target;
  ParseResult result;
  std::optional<Error> error;
  // Turtle repeats subjects and predicates; remembering the last ones skips re-interning.
  std::string last_subject_text, last_predicate_text;
  NodeRef last_subject, last_predicate;

  void fail(const SerdNode* node, const std::string& message) {
    (void)node;
    if (!error) error = Error(SourceLocation{source_name, 0, 0, {}}, message);
  }

  // Expands CURIEs and resolves relative IRIs; returns "" after recording an error.
  std::string absolute_iri(const SerdNode* node) {
    if (node->type == SERD_URI && serd_uri_string_has_scheme(node->buf))
      return std::string(text_of(node));
    if (node->type == SERD_URI) {
      SerdURI base;
      serd_env_get_base_uri(env, &base);
      if (!base.scheme.buf) {
        fail(node, "relative IRI <" + std::string(text_of(node)) + "> and no base IRI");
        return {};
      }
    }
    SerdNodeOwner expanded;
    expanded.node = serd_env_expand_node(env, node);
    if (!expanded.node.buf) {
      fail(node, "cannot expand '" + std::string(text_of(node)) + "'");
      return {};
    }
    return std::string(text_of(&expanded.node));
  }

  NodeRef node(const SerdNode* node, const SerdNode* datatype = nullptr,
               const SerdNode* lang = nullptr) {
    World& world = store.world();
    switch (node->type) {
      case SERD_URI:
      case SERD_CURIE: return world.iri(absolute_iri(node));
      case SERD_BLANK: return world.blank(text_of(node));
      case SERD_LITERAL: {
        std::string datatype_iri = datatype && datatype->buf ? absolute_iri(datatype) : "";
        std::string_view language = lang && lang->buf ? text_of(lang) : std::string_view();
        return world.literal(text_of(node), datatype_iri, language);
      }
      default: return {};
    }
  }

  NodeRef cached(const SerdNode* serd_node, std::string& last_text, NodeRef& last) {
    std::string_view text = text_of(serd_node);
    if (last && serd_node->type != SERD_BLANK && text == last_text) return last;
    last = node(serd_node);
    last_text = text;
    return last;
  }
};

SerdStatus on_base(void* handle, const SerdNode* uri) {
  return serd_env_set_base_uri(static_cast<SerdSink*>(handle)->env, uri);
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto* sink = static_cast<SerdSink*>(handle);
  SerdStatus status = serd_env_set_prefix(sink->env, name, uri);
  if (sink->options.prefixes && status == SERD_SUCCESS) {
    SerdChunk prefix, suffix;
    SerdNode lookup = serd_node_from_string(SERD_CURIE, name->buf);
    std::string joined = std::string(text_of(name)) + ":";
    lookup = serd_node_from_string(SERD_CURIE, reinterpret_cast<const uint8_t*>(joined.c_str()));
    if (serd_env_expand(sink->env, &lookup, &prefix, &suffix) == SERD_SUCCESS)
      sink->options.prefixes->set(std::string(text_of(name)),
                                  std::string(reinterpret_cast<const char*>(prefix.buf), prefix.len));
  }
  return status;
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph,
                        const SerdNode* subject, const SerdNode* predicate,
                        const SerdNode* object, const SerdNode* object_datatype,
                        const SerdNode* object_lang) {
  auto* sink = static_cast<SerdSink*>(handle);
  NodeRef s = sink->cached(subject, sink->last_subject_text, sink->last_subject);
  NodeRef p = sink->cached(predicate, sink->last_predicate_text, sink->last_predicate);
  NodeRef o = sink->node(object, object_datatype, object_lang);
  NodeRef g = graph && graph->buf ? sink->node(graph) : sink->default_target;
  if (sink->error || !s || !p || !o) {
    sink->fail(subject, "invalid statement");
    return SERD_ERR_BAD_SYNTAX;
  }
  ++sink->result.statements;
  if (sink->store.insert(s, p, o, g)) ++sink->result.added;
  return SERD_SUCCESS;
}

SerdStatus on_error(void* handle, const SerdError* error) {
  auto* sink = static_cast<SerdSink*>(handle);
  if (sink->error) return SERD_SUCCESS;
  char message[1024];
  va_list args;
  va_copy(args, *error->args);
  std::vsnprintf(message, sizeof message, error->fmt, args);
  va_end(args);
  std::string text = message;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  sink->error = Error(SourceLocation{sink->source_name, error->line, error->col + 1, {}}, text);
  return SERD_SUCCESS;
}

SerdSyntax serd_syntax(Syntax syntax) {
  switch (syntax) {
    case Syntax::NTriples: return SERD_NTRIPLES;
    case Syntax::NQuads: return SERD_NQUADS;
    case Syntax::TriG: return SERD_TRIG;
    default: return SERD_TURTLE;
  }
}

std::string next_blank_prefix() {
  static std::atomic<unsigned long> counter{0};
  return "f" + std::to_string(counter.fetch_add(1)) + "_";
}

}  // namespace

ParseResult serd_parse(Store& store, const ParseOptions& options, Syntax syntax,
                       std::string_view source_name, FILE* file, std::string_view text) {
  SerdNodeOwner base;
  if (!options.base_iri.empty())
    base.node = serd_node_new_uri_from_string(
        reinterpret_cast<const uint8_t*>(options.base_iri.c_str()), nullptr, nullptr);
  std::unique_ptr<SerdEnv, SerdEnvDeleter> env(serd_env_new(base.node.buf ? &base.node : nullptr));
  SerdSink sink{store, env.get(), options, std::string(source_name),
                options.graph ? options.graph : store.default_graph(), {}, {}, {}, {}, {}, {}};
  std::unique_ptr<SerdReader, SerdReaderDeleter> reader(serd_reader_new(
      serd_syntax(syntax), &sink, nullptr, on_base, on_prefix, on_statement, nullptr));
  serd_reader_set_strict(reader.get(), true);
  serd_reader_set_error_sink(reader.get(), on_error, &sink);
  std::string prefix = next_blank_prefix();
  serd_reader_add_blank_prefix(reader.get(), reinterpret_cast<const uint8_t*>(prefix.c_str()));

  SerdStatus status;
  std::string name(source_name);
  if (file) {
    status = serd_reader_read_file_handle(reader.get(), file,
                                          reinterpret_cast<const uint8_t*>(name.c_str()));
  } else {
    std::string copy(text);  // Serd wants a NUL-terminated string
    status = serd_reader_read_string(reader.get(), reinterpret_cast<const uint8_t*>(copy.c_str()));
  }
  if (sink.error) throw *sink.error;
  if (status > SERD_FAILURE)
    throw Error(SourceLocation{name, 0, 0, {}}, std::string("parse failed: ") +
                                                    reinterpret_cast<const char*>(serd_strerror(status)));
  return sink.result;
}

}  // namespace kg::rdf::detail
