// Turtle, N-Triples, N-Quads and TriG through Serd.
#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <memory>

#include <serd/serd.h>
#include <sord/sord.h>

#include "rdf/iri.hpp"
#include "rdf/prefixes.hpp"
#include "rdf/reader.hpp"
#include "rdf/reader_detail.hpp"
#include "rdf/serd_syntax.hpp"
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
  SerdSink(Store& target, SerdEnv* prefix_env, const ParseOptions& parse_options,
           std::string_view name)
      : store(target),
        env(prefix_env),
        options(parse_options),
        source_name(name),
        default_target(parse_options.graph ? parse_options.graph : target.default_graph()),
        base_iri(parse_options.base_iri) {}

  Store& store;
  SerdEnv* env;
  const ParseOptions& options;
  std::string source_name;
  NodeRef default_target;
  std::string base_iri;  // resolved by kg: Serd 0.30 keeps the dot segments of references
  ParseResult result;
  std::optional<Error> error;
  // Turtle repeats subjects and predicates; remembering the last ones skips re-interning.
  std::string last_subject_text, last_predicate_text;
  NodeRef last_subject, last_predicate;

  // Set with error when a node held an encoded surrogate: the error then gets its location
  // from a scan of the document, which Serd cannot give.
  bool encoded_surrogate = false;

  void fail(const std::string& message) {
    if (!error) error = Error(SourceLocation{source_name, 0, 0, {}}, message);
  }

  // False (recording the error) if Serd decoded an escape of a surrogate into text.
  bool valid_text(std::string_view text) {
    if (!has_encoded_surrogate(text)) return true;
    if (!error) encoded_surrogate = true;
    fail("an escape of a UTF-16 surrogate (U+D800 to U+DFFF), which is not a Unicode character");
    return false;
  }

  // Expands CURIEs and resolves relative IRIs; returns "" after recording an error.
  std::string absolute_iri(const SerdNode* node) {
    std::string_view text = text_of(node);
    if (!valid_text(text)) return {};
    if (node->type == SERD_URI) return resolve(text);
    SerdNodeOwner expanded;
    expanded.node = serd_env_expand_node(env, node);
    if (!expanded.node.buf) {
      fail("cannot expand '" + std::string(text) + "'");
      return {};
    }
    return std::string(text_of(&expanded.node));
  }

  std::string resolve(std::string_view reference) {
    if (has_iri_scheme(reference)) return std::string(reference);
    if (base_iri.empty()) {
      fail("relative IRI <" + std::string(reference) + "> and no base IRI");
      return {};
    }
    return resolve_iri(base_iri, reference);
  }

  NodeRef node(const SerdNode* node, const SerdNode* datatype = nullptr,
               const SerdNode* lang = nullptr) {
    World& world = store.world();
    switch (node->type) {
      case SERD_URI:
      case SERD_CURIE: {
        std::string iri = absolute_iri(node);
        return iri.empty() ? NodeRef() : world.iri(iri);
      }
      case SERD_BLANK:
        return world.blank(text_of(node));
      case SERD_LITERAL: {
        if (!valid_text(text_of(node))) return {};
        std::string datatype_iri = datatype && datatype->buf ? absolute_iri(datatype) : "";
        std::string_view language = lang && lang->buf ? text_of(lang) : std::string_view();
        return world.literal(text_of(node), datatype_iri, language);
      }
      default:
        return {};
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
  auto* sink = static_cast<SerdSink*>(handle);
  std::string base = sink->absolute_iri(uri);
  if (base.empty()) return SERD_ERR_BAD_ARG;
  sink->base_iri = std::move(base);
  return SERD_SUCCESS;
}

// The namespace IRI is resolved here, not by serd_env_set_prefix, which would keep its dot
// segments.
SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto* sink = static_cast<SerdSink*>(handle);
  std::string namespace_iri = sink->absolute_iri(uri);
  if (namespace_iri.empty()) return SERD_ERR_BAD_ARG;
  SerdNode absolute =
      serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(namespace_iri.c_str()));
  SerdStatus status = serd_env_set_prefix(sink->env, name, &absolute);
  if (sink->options.prefixes && status == SERD_SUCCESS)
    sink->options.prefixes->set(std::string(text_of(name)), namespace_iri);
  return status;
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph,
                        const SerdNode* subject, const SerdNode* predicate, const SerdNode* object,
                        const SerdNode* object_datatype, const SerdNode* object_lang) {
  auto* sink = static_cast<SerdSink*>(handle);
  NodeRef s = sink->cached(subject, sink->last_subject_text, sink->last_subject);
  NodeRef p = sink->cached(predicate, sink->last_predicate_text, sink->last_predicate);
  NodeRef o = sink->node(object, object_datatype, object_lang);
  NodeRef g = graph && graph->buf ? sink->node(graph) : sink->default_target;
  if (sink->error || !s || !p || !o) {
    sink->fail("invalid statement");
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
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  sink->error = Error(SourceLocation{sink->source_name, error->line, error->col + 1, {}}, text);
  return SERD_SUCCESS;
}

std::string next_blank_prefix() {
  static std::atomic<unsigned long> counter{0};
  return "f" + std::to_string(counter.fetch_add(1)) + "_";
}

// The whole document again, for locating an error; nullopt if the file cannot be re-read (a
// pipe).
std::optional<std::string> reread(FILE* file) {
  if (std::fseek(file, 0, SEEK_SET) != 0) return std::nullopt;
  std::string contents;
  char buffer[1 << 16];
  while (size_t got = std::fread(buffer, 1, sizeof buffer, file))
    contents.append(buffer, got);
  if (std::ferror(file)) return std::nullopt;
  return contents;
}

// The error for an encoded surrogate that a node held, placed at its escape in the document.
Error locate_encoded_surrogate(const Error& unlocated, FILE* file, std::string_view text) {
  std::optional<std::string> reread_text;
  if (file) reread_text = reread(file);
  std::string_view document = file ? std::string_view(reread_text.value_or("")) : text;
  std::optional<size_t> offset = find_encoded_surrogate(document);
  if (!offset) return unlocated;
  return Error(SourceLocation::at_offset(unlocated.where().file, document, *offset),
               encoded_surrogate_message(document, *offset));
}

SerdStatus read_document(SerdReader* reader, const std::string& name, FILE* file,
                         std::string_view text) {
  if (file)
    return serd_reader_read_file_handle(reader, file,
                                        reinterpret_cast<const uint8_t*>(name.c_str()));
  std::string copy(text);  // Serd wants a NUL-terminated string
  return serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(copy.c_str()));
}

}  // namespace

ParseResult serd_parse(Store& store, const ParseOptions& options, Syntax syntax,
                       std::string_view source_name, FILE* file, std::string_view text) {
  // No base in the environment: the sink resolves relative IRIs itself.
  std::unique_ptr<SerdEnv, SerdEnvDeleter> env(serd_env_new(nullptr));
  SerdSink sink(store, env.get(), options, source_name);
  std::unique_ptr<SerdReader, SerdReaderDeleter> reader(serd_reader_new(
      serd_syntax(syntax), &sink, nullptr, on_base, on_prefix, on_statement, nullptr));
  serd_reader_set_strict(reader.get(), true);
  serd_reader_set_error_sink(reader.get(), on_error, &sink);
  std::string prefix = next_blank_prefix();
  serd_reader_add_blank_prefix(reader.get(), reinterpret_cast<const uint8_t*>(prefix.c_str()));

  SerdStatus status = read_document(reader.get(), sink.source_name, file, text);
  if (sink.encoded_surrogate) throw locate_encoded_surrogate(*sink.error, file, text);
  if (sink.error) throw *sink.error;
  if (status > SERD_FAILURE)
    throw Error(
        SourceLocation{sink.source_name, 0, 0, {}},
        std::string("parse failed: ") + reinterpret_cast<const char*>(serd_strerror(status)));
  return sink.result;
}

}  // namespace kg::rdf::detail
