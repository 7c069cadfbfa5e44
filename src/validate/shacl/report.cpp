// The validation report as RDF (§3.6), text and JSON, and the entry points that produce it.
#include <algorithm>
#include <tuple>

#include <nlohmann/json.hpp>

#include "rdf/prefixes.hpp"
#include "rdf/reader.hpp"
#include "rdf/store.hpp"
#include "rdf/syntax.hpp"
#include "rdf/vocabulary.hpp"
#include "rdf/writer.hpp"
#include "validate/shacl/shacl.hpp"
#include "validate/shacl/validator.hpp"
#include "validate/shacl/vocabulary.hpp"

namespace kg::validate::shacl {

using rdf::NodeRef;
using rdf::Term;

namespace {

// ---------------------------------------------------------------------------------------------
// RDF

class ReportWriter {
 public:
  ReportWriter(rdf::Store& store, NodeRef graph)
      : store_(store), world_(store.world()), vocab_(store.world()), graph_(graph) {}

  NodeRef write(const ValidationReport& report) {
    NodeRef node = world_.fresh_blank();
    add(node, vocab_.rdf_type, vocab_.sh("ValidationReport"));
    add(node, vocab_.sh("conforms"),
        world_.literal(report.conforms ? "true" : "false", rdf::vocab::kXsdBoolean));
    for (const ValidationResult& result : report.results)
      add(node, vocab_.sh("result"), write(result));
    return node;
  }

 private:
  NodeRef write(const ValidationResult& result) {
    NodeRef node = world_.fresh_blank();
    add(node, vocab_.rdf_type, vocab_.sh("ValidationResult"));
    add(node, vocab_.sh("focusNode"), world_.intern(result.focus_node));
    if (result.result_path) add(node, vocab_.sh("resultPath"), write(*result.result_path));
    if (result.value) add(node, vocab_.sh("value"), world_.intern(*result.value));
    add(node, vocab_.sh("sourceShape"), world_.intern(result.source_shape));
    add(node, vocab_.sh("sourceConstraintComponent"),
        world_.intern(result.source_constraint_component));
    if (result.source_constraint)
      add(node, vocab_.sh("sourceConstraint"), world_.intern(*result.source_constraint));
    add(node, vocab_.sh("resultSeverity"), world_.intern(result.severity));
    for (const Term& message : result.messages)
      add(node, vocab_.sh("resultMessage"), world_.intern(message));
    return node;
  }

  // A path in its SHACL RDF form: an IRI, a list for sequences, a blank node otherwise.
  NodeRef write(const PropertyPath& path) {
    switch (path.kind) {
      case PathKind::Predicate:
        return world_.intern(path.iri);
      case PathKind::Sequence:
        return write_list(path.operands);
      case PathKind::Alternative:
        return wrap("alternativePath", write_list(path.operands));
      case PathKind::Inverse:
        return wrap("inversePath", write(path.operands.front()));
      case PathKind::ZeroOrMore:
        return wrap("zeroOrMorePath", write(path.operands.front()));
      case PathKind::OneOrMore:
        return wrap("oneOrMorePath", write(path.operands.front()));
      case PathKind::ZeroOrOne:
        return wrap("zeroOrOnePath", write(path.operands.front()));
    }
    return {};
  }

  NodeRef wrap(std::string_view predicate, NodeRef operand) {
    NodeRef node = world_.fresh_blank();
    add(node, vocab_.sh(predicate), operand);
    return node;
  }

  NodeRef write_list(const std::vector<PropertyPath>& members) {
    NodeRef head = vocab_.rdf_nil;
    for (auto member = members.rbegin(); member != members.rend(); ++member) {
      NodeRef cell = world_.fresh_blank();
      add(cell, vocab_.rdf_first, write(*member));
      add(cell, vocab_.rdf_rest, head);
      head = cell;
    }
    return head;
  }

  void add(NodeRef subject, NodeRef predicate, NodeRef object) {
    store_.insert(subject, predicate, object, graph_);
  }

  rdf::Store& store_;
  rdf::World& world_;
  Vocab vocab_;
  NodeRef graph_;
};

// ---------------------------------------------------------------------------------------------
// Text and JSON

std::vector<const ValidationResult*> sorted_results(const ValidationReport& report) {
  rdf::PrefixMap no_prefixes;
  auto key = [&](const ValidationResult* result) {
    return std::make_tuple(
        result->focus_node, result->result_path ? result->result_path->to_sparql(no_prefixes) : "",
        result->source_shape, result->source_constraint_component, result->value.value_or(Term()));
  };
  std::vector<const ValidationResult*> sorted;
  for (const ValidationResult& result : report.results)
    sorted.push_back(&result);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const auto* a, const auto* b) { return key(a) < key(b); });
  return sorted;
}

std::string show(const Term& term, const rdf::PrefixMap& prefixes) {
  if (term.is_iri())
    if (auto prefixed = prefixes.abbreviate(term.value)) return *prefixed;
  return term.to_ntriples();
}

// sh:MinCountConstraintComponent -> MinCount
std::string component_name(const Term& component) {
  std::string_view name = component.value;
  if (name.starts_with(kSh)) name.remove_prefix(kSh.size());
  if (name.ends_with("ConstraintComponent")) name.remove_suffix(19);
  return std::string(name);
}

std::string severity_name(const Term& severity) {
  std::string_view name = severity.value;
  if (name.starts_with(kSh)) name.remove_prefix(kSh.size());
  return std::string(name);
}

}  // namespace

ValidationReport validate(rdf::Store& store, const GraphSelection& data,
                          const GraphSelection& shapes) {
  return Validator(store, data, shapes).run();
}

ValidationReport validate_with_shapes_file(const rdf::Store& store, const GraphSelection& data,
                                           const std::filesystem::path& shapes_file) {
  rdf::Store scratch;
  Term data_graph = Term::iri("urn:kg:shacl:data-graph");
  std::vector<NodeRef> graphs = data.graphs.empty() ? std::vector<NodeRef>{NodeRef()} : data.graphs;
  for (NodeRef graph : graphs)
    for (const rdf::Quad& quad : store.match({}, {}, {}, graph))
      scratch.insert(quad.subject.to_term(), quad.predicate.to_term(), quad.object.to_term(),
                     &data_graph);
  rdf::ParseOptions options;
  options.graph = scratch.world().iri(rdf::file_iri(shapes_file));
  rdf::parse_file(scratch, shapes_file, options);
  return validate(scratch, GraphSelection::only(scratch.world().intern(data_graph)),
                  GraphSelection::only(options.graph));
}

NodeRef write_report(const ValidationReport& report, rdf::Store& store, NodeRef graph) {
  return ReportWriter(store, graph).write(report);
}

std::string report_to_turtle(const ValidationReport& report, const rdf::PrefixMap& prefixes) {
  rdf::Store scratch;
  ValidationReport ordered{report.conforms, {}};
  for (const ValidationResult* result : sorted_results(report))
    ordered.results.push_back(*result);
  write_report(ordered, scratch);
  rdf::PrefixMap with_shacl = prefixes;
  with_shacl.set("sh", std::string(kSh));
  return rdf::serialize(scratch, rdf::quads_of(scratch), {rdf::Syntax::Turtle, &with_shacl});
}

std::string report_to_text(const ValidationReport& report, const rdf::PrefixMap& prefixes) {
  std::string text;
  for (const ValidationResult* result : sorted_results(report)) {
    text += severity_name(result->severity) + " " + show(result->focus_node, prefixes) + ": " +
            component_name(result->source_constraint_component);
    if (result->result_path) text += " at " + result->result_path->to_sparql(prefixes);
    if (result->value) text += ", value " + show(*result->value, prefixes);
    text += " (shape " + show(result->source_shape, prefixes) + ")";
    for (const Term& message : result->messages)
      text += ": " + message.value;
    text += "\n";
  }
  text += report.conforms ? "conforms\n"
                          : "does not conform: " + std::to_string(report.results.size()) +
                                (report.results.size() == 1 ? " result\n" : " results\n");
  return text;
}

std::string report_to_json(const ValidationReport& report) {
  rdf::PrefixMap no_prefixes;
  nlohmann::json results = nlohmann::json::array();
  for (const ValidationResult* result : sorted_results(report)) {
    nlohmann::json entry = {
        {"focusNode", result->focus_node.to_ntriples()},
        {"sourceShape", result->source_shape.to_ntriples()},
        {"sourceConstraintComponent", result->source_constraint_component.to_ntriples()},
        {"severity", result->severity.to_ntriples()},
    };
    if (result->result_path) entry["resultPath"] = result->result_path->to_sparql(no_prefixes);
    if (result->value) entry["value"] = result->value->to_ntriples();
    if (result->source_constraint)
      entry["sourceConstraint"] = result->source_constraint->to_ntriples();
    entry["messages"] = nlohmann::json::array();
    for (const Term& message : result->messages)
      entry["messages"].push_back(message.value);
    results.push_back(std::move(entry));
  }
  nlohmann::json document = {{"conforms", report.conforms}, {"results", std::move(results)}};
  return document.dump(2) + "\n";
}

}  // namespace kg::validate::shacl
