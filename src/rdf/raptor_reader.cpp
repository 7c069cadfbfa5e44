// RDF/XML through Raptor: Serd has no RDF/XML parser, and a hand-written one would be a
// second XML parser in the project for a format only a few inputs use.
#include <atomic>
#include <memory>
#include <optional>
#include <raptor2.h>

#include "rdf/reader_detail.hpp"
#include "rdf/store.hpp"
#include "util/error.hpp"

namespace kg::rdf::detail {
namespace {

struct RaptorWorldDeleter {
  void operator()(raptor_world* world) const { raptor_free_world(world); }
};
struct RaptorParserDeleter {
  void operator()(raptor_parser* parser) const { raptor_free_parser(parser); }
};
struct RaptorUriDeleter {
  void operator()(raptor_uri* uri) const { raptor_free_uri(uri); }
};

struct RaptorSink {
  Store& store;
  NodeRef target_graph;
  std::string source_name;
  std::string blank_prefix;
  ParseResult result;
  std::optional<Error> error;

  NodeRef node(const raptor_term* term) {
    World& world = store.world();
    switch (term->type) {
      case RAPTOR_TERM_TYPE_URI:
        return world.iri(reinterpret_cast<const char*>(raptor_uri_as_string(term->value.uri)));
      case RAPTOR_TERM_TYPE_BLANK:
        return world.blank(blank_prefix + reinterpret_cast<const char*>(term->value.blank.string));
      case RAPTOR_TERM_TYPE_LITERAL: {
        const auto& literal = term->value.literal;
        std::string_view lexical(reinterpret_cast<const char*>(literal.string), literal.string_len);
        std::string_view language =
            literal.language ? std::string_view(reinterpret_cast<const char*>(literal.language),
                                                literal.language_len)
                             : std::string_view();
        std::string_view datatype = literal.datatype
                                        ? std::string_view(reinterpret_cast<const char*>(
                                              raptor_uri_as_string(literal.datatype)))
                                        : std::string_view();
        return world.literal(lexical, datatype, language);
      }
      default:
        return {};
    }
  }
};

void on_statement(void* handle, raptor_statement* statement) {
  auto* sink = static_cast<RaptorSink*>(handle);
  if (sink->error) return;
  NodeRef graph = statement->graph ? sink->node(statement->graph) : sink->target_graph;
  ++sink->result.statements;
  if (sink->store.insert(sink->node(statement->subject), sink->node(statement->predicate),
                         sink->node(statement->object), graph))
    ++sink->result.added;
}

void on_log(void* handle, raptor_log_message* message) {
  auto* sink = static_cast<RaptorSink*>(handle);
  if (sink->error || message->level < RAPTOR_LOG_LEVEL_ERROR) return;
  SourceLocation where{sink->source_name, 0, 0, {}};
  if (message->locator) {
    where.line = message->locator->line > 0 ? static_cast<unsigned>(message->locator->line) : 0;
    where.column =
        message->locator->column > 0 ? static_cast<unsigned>(message->locator->column) : 0;
  }
  sink->error = Error(where, message->text ? message->text : "RDF/XML error");
}

}  // namespace

ParseResult raptor_parse(Store& store, const ParseOptions& options, std::string_view source_name,
                         const std::string& base_iri, std::string_view text) {
  static std::atomic<unsigned long> counter{0};
  RaptorSink sink{store,
                  options.graph ? options.graph : store.default_graph(),
                  std::string(source_name),
                  "x" + std::to_string(counter.fetch_add(1)) + "_",
                  {},
                  {}};
  std::unique_ptr<raptor_world, RaptorWorldDeleter> world(raptor_new_world());
  raptor_world_set_log_handler(world.get(), &sink, on_log);
  raptor_world_open(world.get());
  std::unique_ptr<raptor_parser, RaptorParserDeleter> parser(
      raptor_new_parser(world.get(), "rdfxml"));
  if (!parser) throw Error(std::string(source_name) + ": RDF/XML parser unavailable");
  raptor_parser_set_statement_handler(parser.get(), &sink, on_statement);
  std::unique_ptr<raptor_uri, RaptorUriDeleter> base(raptor_new_uri(
      world.get(), reinterpret_cast<const unsigned char*>(base_iri.empty() ? "urn:x-kg:no-base"
                                                                           : base_iri.c_str())));
  raptor_parser_parse_start(parser.get(), base.get());
  raptor_parser_parse_chunk(parser.get(), reinterpret_cast<const unsigned char*>(text.data()),
                            text.size(), 0);
  raptor_parser_parse_chunk(parser.get(), nullptr, 0, 1);
  if (sink.error) throw *sink.error;
  return sink.result;
}

}  // namespace kg::rdf::detail
