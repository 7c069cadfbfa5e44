// Pieces the result writers share: base classes that reject the query forms a format cannot
// carry, and the textual forms of terms.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include "rdf/node.hpp"
#include "rdf/prefixes.hpp"
#include "sparql/results/results.hpp"

namespace kg::sparql::results_detail {

// Throws the error check_result_format gives for this combination.
[[noreturn]] void reject_form(ResultFormat format, QueryForm form);

// A writer of solution tables (and possibly booleans): graphs are an error.
class TableFormatWriter : public ResultHandler {
 public:
  explicit TableFormatWriter(ResultFormat format) : format_(format) {}
  void boolean(bool) override { reject_form(format_, QueryForm::Ask); }
  void triple(rdf::NodeRef, rdf::NodeRef, rdf::NodeRef) override {
    reject_form(format_, QueryForm::Construct);
  }
  void end_graph() override { reject_form(format_, QueryForm::Construct); }

 private:
  ResultFormat format_;
};

// A writer of graphs: solutions and booleans are an error.
class GraphFormatWriter : public ResultHandler {
 public:
  explicit GraphFormatWriter(ResultFormat format) : format_(format) {}
  void begin_solutions(const std::vector<std::string>&) override {
    reject_form(format_, QueryForm::Select);
  }
  void solution(std::span<const rdf::NodeRef>) override { reject_form(format_, QueryForm::Select); }
  void end_solutions() override { reject_form(format_, QueryForm::Select); }
  void boolean(bool) override { reject_form(format_, QueryForm::Ask); }

 private:
  ResultFormat format_;
};

// True if the lexical form may stand bare in Turtle for its datatype (xsd:integer, decimal,
// double, boolean), so that writing it bare keeps both the value and the lexical form.
bool has_bare_turtle_form(std::string_view lexical, std::string_view datatype);

// The term as Turtle writes it: numbers and booleans bare where that keeps the term, other
// literals quoted with @lang or ^^datatype; IRIs (datatypes included) abbreviated with
// `prefixes` when given, else <...>. Control characters in literals are escaped, so the text
// never spans lines (what TSV and the terminal table need).
std::string turtle_term(rdf::NodeRef node, const rdf::PrefixMap* prefixes);

// One per format; make_result_writer picks among them.
std::unique_ptr<ResultHandler> make_json_writer(std::ostream& out);
std::unique_ptr<ResultHandler> make_xml_writer(std::ostream& out);
std::unique_ptr<ResultHandler> make_csv_writer(std::ostream& out);
std::unique_ptr<ResultHandler> make_tsv_writer(std::ostream& out);
std::unique_ptr<ResultHandler> make_ntriples_writer(std::ostream& out);
std::unique_ptr<ResultHandler> make_turtle_writer(std::ostream& out,
                                                  const rdf::PrefixMap& prefixes);
std::unique_ptr<ResultHandler> make_table_writer(std::ostream& out, const rdf::PrefixMap& prefixes);

}  // namespace kg::sparql::results_detail
