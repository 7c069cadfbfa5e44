// CONSTRUCT and DESCRIBE answers as N-Triples (streamed, one line per triple) or Turtle
// (collected, then written sorted and abbreviated by the rdf layer's writer).
#include <ostream>

#include "rdf/store.hpp"
#include "rdf/writer.hpp"
#include "sparql/results/writer_base.hpp"

namespace kg::sparql::results_detail {

namespace {

class NTriplesWriter : public GraphFormatWriter {
 public:
  explicit NTriplesWriter(std::ostream& out)
      : GraphFormatWriter(ResultFormat::NTriples), out_(out) {}

  void triple(rdf::NodeRef subject, rdf::NodeRef predicate, rdf::NodeRef object) override {
    out_ << subject.to_ntriples() << ' ' << predicate.to_ntriples() << ' ' << object.to_ntriples()
         << " .\n";
  }
  void end_graph() override { out_.flush(); }

 private:
  std::ostream& out_;
};

class TurtleWriter : public GraphFormatWriter {
 public:
  TurtleWriter(std::ostream& out, const rdf::PrefixMap& prefixes)
      : GraphFormatWriter(ResultFormat::Turtle), out_(out), prefixes_(prefixes) {}

  // The triples are copied into a store of our own: the writer needs them all to group them,
  // and the dataset's store must not change.
  void triple(rdf::NodeRef subject, rdf::NodeRef predicate, rdf::NodeRef object) override {
    graph_.insert(subject.to_term(), predicate.to_term(), object.to_term());
  }

  void end_graph() override {
    rdf::WriteOptions options;
    options.syntax = rdf::Syntax::Turtle;
    options.prefixes = &prefixes_;
    out_ << rdf::serialize(graph_, rdf::quads_of(graph_), options);
    out_.flush();
  }

 private:
  std::ostream& out_;
  rdf::PrefixMap prefixes_;
  rdf::Store graph_;
};

}  // namespace

std::unique_ptr<ResultHandler> make_ntriples_writer(std::ostream& out) {
  return std::make_unique<NTriplesWriter>(out);
}

std::unique_ptr<ResultHandler> make_turtle_writer(std::ostream& out,
                                                  const rdf::PrefixMap& prefixes) {
  return std::make_unique<TurtleWriter>(out, prefixes);
}

}  // namespace kg::sparql::results_detail
