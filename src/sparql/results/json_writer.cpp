// SPARQL 1.1 Query Results JSON Format (application/sparql-results+json).
#include <cstdio>
#include <ostream>

#include "rdf/vocabulary.hpp"
#include "sparql/results/writer_base.hpp"

namespace kg::sparql::results_detail {

namespace {

void write_json_string(std::ostream& out, std::string_view text) {
  out << '"';
  for (char c : text) {
    switch (c) {
      case '"':
        out << "\\\"";
        break;
      case '\\':
        out << "\\\\";
        break;
      case '\n':
        out << "\\n";
        break;
      case '\r':
        out << "\\r";
        break;
      case '\t':
        out << "\\t";
        break;
      case '\b':
        out << "\\b";
        break;
      case '\f':
        out << "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned char>(c));
          out << buffer;
        } else {
          out << c;
        }
    }
  }
  out << '"';
}

void write_json_term(std::ostream& out, rdf::NodeRef node) {
  out << "{\"type\":";
  if (node.is_iri()) {
    out << "\"uri\"";
  } else if (node.is_blank()) {
    out << "\"bnode\"";
  } else {
    out << "\"literal\"";
    if (!node.language().empty()) {
      out << ",\"xml:lang\":";
      write_json_string(out, node.language());
    } else if (node.datatype_iri() != rdf::vocab::kXsdString) {
      out << ",\"datatype\":";
      write_json_string(out, node.datatype_iri());
    }
  }
  out << ",\"value\":";
  write_json_string(out, node.value());
  out << '}';
}

class JsonWriter : public TableFormatWriter {
 public:
  explicit JsonWriter(std::ostream& out) : TableFormatWriter(ResultFormat::Json), out_(out) {}

  void begin_solutions(const std::vector<std::string>& variables) override {
    variables_ = variables;
    out_ << "{\"head\":{\"vars\":[";
    for (size_t i = 0; i < variables.size(); ++i) {
      if (i) out_ << ',';
      write_json_string(out_, variables[i]);
    }
    out_ << "]},\n\"results\":{\"bindings\":[";
  }

  void solution(std::span<const rdf::NodeRef> row) override {
    out_ << (first_row_ ? "\n{" : ",\n{");
    first_row_ = false;
    bool first_binding = true;
    for (size_t i = 0; i < row.size() && i < variables_.size(); ++i) {
      if (!row[i]) continue;
      if (!first_binding) out_ << ',';
      first_binding = false;
      write_json_string(out_, variables_[i]);
      out_ << ':';
      write_json_term(out_, row[i]);
    }
    out_ << '}';
  }

  void end_solutions() override { out_ << "\n]}}\n"; }

  void boolean(bool value) override {
    out_ << "{\"head\":{},\"boolean\":" << (value ? "true" : "false") << "}\n";
  }

 private:
  std::ostream& out_;
  std::vector<std::string> variables_;
  bool first_row_ = true;
};

}  // namespace

std::unique_ptr<ResultHandler> make_json_writer(std::ostream& out) {
  return std::make_unique<JsonWriter>(out);
}

}  // namespace kg::sparql::results_detail
