// Reading SPARQL Query Results XML (.srx) with libxml2's tree API: result files are small.
#include <climits>
#include <memory>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "rdf/vocabulary.hpp"
#include "sparql/results/reader_base.hpp"

namespace kg::sparql {

namespace {

using results_detail::fail_at;

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ContextFree {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

std::string_view name_of(const xmlNode* node) {
  return reinterpret_cast<const char*>(node->name);
}

bool is_element(const xmlNode* node, std::string_view name) {
  return node->type == XML_ELEMENT_NODE && name_of(node) == name;
}

std::string text_of(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return text;
}

// An attribute, in no namespace unless one is given.
std::optional<std::string> attribute(const xmlNode* node, const char* name,
                                     const char* namespace_iri = nullptr) {
  xmlChar* value = namespace_iri ? xmlGetNsProp(node, BAD_CAST name, BAD_CAST namespace_iri)
                                 : xmlGetNoNsProp(node, BAD_CAST name);
  if (!value) return std::nullopt;
  std::string text = reinterpret_cast<const char*>(value);
  xmlFree(value);
  return text;
}

class SrxReader {
 public:
  explicit SrxReader(std::string_view source) : source_(source) {}

  ResultTable read(const xmlNode* root) {
    if (!root || !is_element(root, "sparql")) fail(root, "expected a <sparql> root element");
    for (const xmlNode* child = root->children; child; child = child->next) {
      if (is_element(child, "head")) read_head(child);
      if (is_element(child, "results")) read_results(child);
      if (is_element(child, "boolean")) read_boolean(child);
    }
    return std::move(table_);
  }

 private:
  [[noreturn]] void fail(const xmlNode* node, const std::string& message) const {
    long line = node ? xmlGetLineNo(node) : 0;
    fail_at(source_, line > 0 && line < INT_MAX ? static_cast<unsigned>(line) : 0, 0, message);
  }

  void read_head(const xmlNode* head) {
    for (const xmlNode* child = head->children; child; child = child->next) {
      if (!is_element(child, "variable")) continue;
      auto name = attribute(child, "name");
      if (!name) fail(child, "<variable> without a name");
      table_.variables.push_back(*name);
    }
  }

  void read_boolean(const xmlNode* node) {
    std::string text = text_of(node);
    if (text != "true" && text != "false") fail(node, "<boolean> must be true or false");
    table_.boolean = text == "true";
  }

  void read_results(const xmlNode* results) {
    for (const xmlNode* result = results->children; result; result = result->next) {
      if (!is_element(result, "result")) continue;
      results_detail::RowBuilder row(table_.variables);
      for (const xmlNode* binding = result->children; binding; binding = binding->next) {
        if (!is_element(binding, "binding")) continue;
        auto name = attribute(binding, "name");
        if (!name) fail(binding, "<binding> without a name");
        if (!row.bind(*name, read_term(binding)))
          fail(binding, "binding of '" + *name + "', which the head lacks or is bound twice");
      }
      table_.rows.push_back(row.take());
    }
  }

  rdf::Term read_term(const xmlNode* binding) const {
    for (const xmlNode* value = binding->children; value; value = value->next) {
      if (is_element(value, "uri")) return rdf::Term::iri(text_of(value));
      if (is_element(value, "bnode")) return rdf::Term::blank(text_of(value));
      if (is_element(value, "literal")) {
        auto language = attribute(value, "lang", "http://www.w3.org/XML/1998/namespace");
        auto datatype = attribute(value, "datatype");
        return results_detail::make_literal(text_of(value), datatype.value_or(""),
                                            language.value_or(""));
      }
      if (value->type == XML_ELEMENT_NODE)
        fail(value, "unexpected <" + std::string(name_of(value)) + "> in a binding");
    }
    fail(binding, "<binding> without a value");
  }

  std::string source_;
  ResultTable table_;
};

}  // namespace

ResultTable read_srx(std::string_view text, std::string_view source_name) {
  std::unique_ptr<xmlParserCtxt, ContextFree> context(xmlNewParserCtxt());
  if (!context) throw Error("out of memory creating an XML parser");
  std::string name(source_name);
  std::unique_ptr<xmlDoc, DocFree> doc(
      xmlCtxtReadMemory(context.get(), text.data(), static_cast<int>(text.size()), name.c_str(),
                        nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    const xmlError* error = xmlCtxtGetLastError(context.get());
    std::string message = error && error->message ? error->message : "malformed XML";
    while (!message.empty() && message.back() == '\n')
      message.pop_back();
    unsigned line = error && error->line > 0 ? static_cast<unsigned>(error->line) : 0;
    unsigned column = error && error->int2 > 0 ? static_cast<unsigned>(error->int2) : 0;
    fail_at(source_name, line, column, message);
  }
  return SrxReader(source_name).read(xmlDocGetRootElement(doc.get()));
}

}  // namespace kg::sparql
