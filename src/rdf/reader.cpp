#include "rdf/reader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "rdf/reader_detail.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"

namespace kg::rdf {

namespace {
struct FileCloser {
  void operator()(FILE* file) const { std::fclose(file); }
};
}  // namespace

ParseResult parse_file(Store& store, const std::filesystem::path& path,
                       const ParseOptions& options) {
  Syntax syntax = options.syntax.value_or(syntax_for_path(path).value_or(Syntax::Turtle));
  std::string base = options.base_iri.empty() ? file_iri(path) : options.base_iri;
  ParseOptions resolved = options;
  resolved.base_iri = base;
  if (syntax == Syntax::RdfXml)
    return detail::raptor_parse(store, resolved, path.string(), base, read_file(path));
  std::unique_ptr<FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) throw Error(path.string() + ": cannot read: " + std::strerror(errno));
  return detail::serd_parse(store, resolved, syntax, path.string(), file.get(), {});
}

ParseResult parse_string(Store& store, std::string_view text, std::string_view source_name,
                         const ParseOptions& options) {
  Syntax syntax = options.syntax.value_or(Syntax::Turtle);
  if (syntax == Syntax::RdfXml)
    return detail::raptor_parse(store, options, source_name, options.base_iri, text);
  return detail::serd_parse(store, options, syntax, source_name, nullptr, text);
}

}  // namespace kg::rdf
