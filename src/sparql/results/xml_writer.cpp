// SPARQL Query Results XML Format (application/sparql-results+xml).
#include <ostream>

#include "rdf/vocabulary.hpp"
#include "sparql/results/writer_base.hpp"

namespace kg::sparql::results_detail {

namespace {

void write_xml_text(std::ostream& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out << "&amp;";
        break;
      case '<':
        out << "&lt;";
        break;
      case '>':
        out << "&gt;";
        break;
      case '"':
        out << "&quot;";
        break;
      // An unescaped CR would be normalised away by XML parsers.
      case '\r':
        out << "&#13;";
        break;
      default:
        out << c;
    }
  }
}

void write_xml_term(std::ostream& out, rdf::NodeRef node) {
  if (node.is_iri()) {
    out << "<uri>";
    write_xml_text(out, node.value());
    out << "</uri>";
    return;
  }
  if (node.is_blank()) {
    out << "<bnode>";
    write_xml_text(out, node.value());
    out << "</bnode>";
    return;
  }
  out << "<literal";
  if (!node.language().empty()) {
    out << " xml:lang=\"";
    write_xml_text(out, node.language());
    out << '"';
  } else if (node.datatype_iri() != rdf::vocab::kXsdString) {
    out << " datatype=\"";
    write_xml_text(out, node.datatype_iri());
    out << '"';
  }
  out << '>';
  write_xml_text(out, node.value());
  out << "</literal>";
}

constexpr std::string_view kHeader =
    "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n";

class XmlWriter : public TableFormatWriter {
 public:
  explicit XmlWriter(std::ostream& out) : TableFormatWriter(ResultFormat::Xml), out_(out) {}

  void begin_solutions(const std::vector<std::string>& variables) override {
    variables_ = variables;
    out_ << kHeader << "<head>\n";
    for (const std::string& variable : variables) {
      out_ << "  <variable name=\"";
      write_xml_text(out_, variable);
      out_ << "\"/>\n";
    }
    out_ << "</head>\n<results>\n";
  }

  void solution(std::span<const rdf::NodeRef> row) override {
    out_ << "  <result>\n";
    for (size_t i = 0; i < row.size() && i < variables_.size(); ++i) {
      if (!row[i]) continue;
      out_ << "    <binding name=\"";
      write_xml_text(out_, variables_[i]);
      out_ << "\">";
      write_xml_term(out_, row[i]);
      out_ << "</binding>\n";
    }
    out_ << "  </result>\n";
  }

  void end_solutions() override { out_ << "</results>\n</sparql>\n"; }

  void boolean(bool value) override {
    out_ << kHeader << "<head/>\n<boolean>" << (value ? "true" : "false")
         << "</boolean>\n</sparql>\n";
  }

 private:
  std::ostream& out_;
  std::vector<std::string> variables_;
};

}  // namespace

std::unique_ptr<ResultHandler> make_xml_writer(std::ostream& out) {
  return std::make_unique<XmlWriter>(out);
}

}  // namespace kg::sparql::results_detail
