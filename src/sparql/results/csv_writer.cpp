// SPARQL 1.1 Query Results CSV and TSV Formats. CSV keeps only the text of each term (IRIs
// bare, literals as their lexical form, blank nodes as _:label) and ends lines with CRLF; TSV
// writes terms as Turtle does, with a "?name" header and LF line ends.
#include <ostream>

#include "sparql/results/writer_base.hpp"

namespace kg::sparql::results_detail {

namespace {

void write_csv_field(std::ostream& out, std::string_view text) {
  if (text.find_first_of("\",\r\n") == std::string_view::npos) {
    out << text;
    return;
  }
  out << '"';
  for (char c : text) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

class DelimitedWriter : public TableFormatWriter {
 public:
  DelimitedWriter(std::ostream& out, ResultFormat format)
      : TableFormatWriter(format), out_(out), tsv_(format == ResultFormat::Tsv) {}

  void begin_solutions(const std::vector<std::string>& variables) override {
    for (size_t i = 0; i < variables.size(); ++i) {
      if (i) out_ << separator();
      if (tsv_)
        out_ << '?' << variables[i];
      else
        write_csv_field(out_, variables[i]);
    }
    out_ << line_end();
  }

  void solution(std::span<const rdf::NodeRef> row) override {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out_ << separator();
      if (row[i]) write_value(row[i]);
    }
    out_ << line_end();
  }

  void end_solutions() override { out_.flush(); }

  void boolean(bool value) override { out_ << (value ? "true" : "false") << line_end(); }

 private:
  char separator() const { return tsv_ ? '\t' : ','; }
  std::string_view line_end() const { return tsv_ ? "\n" : "\r\n"; }

  void write_value(rdf::NodeRef node) {
    if (tsv_)
      out_ << turtle_term(node, nullptr);
    else if (node.is_blank())
      write_csv_field(out_, "_:" + std::string(node.value()));
    else
      write_csv_field(out_, node.value());
  }

  std::ostream& out_;
  bool tsv_;
};

}  // namespace

std::unique_ptr<ResultHandler> make_csv_writer(std::ostream& out) {
  return std::make_unique<DelimitedWriter>(out, ResultFormat::Csv);
}

std::unique_ptr<ResultHandler> make_tsv_writer(std::ostream& out) {
  return std::make_unique<DelimitedWriter>(out, ResultFormat::Tsv);
}

}  // namespace kg::sparql::results_detail
