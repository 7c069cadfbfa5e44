// Presenting a validation report: sorted text lines for people, JSON for programs.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "rdf/prefixes.hpp"
#include "rdf/vocabulary.hpp"
#include "validate/validate.hpp"

namespace kg::validate {

namespace vocab = rdf::vocab;

std::string_view kind_name(ViolationKind kind) {
  switch (kind) {
    case ViolationKind::UndeclaredClass:
      return "undeclared-class";
    case ViolationKind::UndeclaredProperty:
      return "undeclared-property";
    case ViolationKind::UndeclaredDatatype:
      return "undeclared-datatype";
    case ViolationKind::DomainViolation:
      return "domain-violation";
    case ViolationKind::RangeViolation:
      return "range-violation";
    case ViolationKind::IllTypedLiteral:
      return "ill-typed-literal";
    case ViolationKind::MissingEnglishLabel:
      return "missing-english-label";
    case ViolationKind::MissingProvenance:
      return "missing-provenance";
  }
  return "unknown";
}

std::string display_term(const rdf::Term& term, const rdf::PrefixMap& prefixes) {
  auto iri = [&](const std::string& value) {
    return prefixes.abbreviate(value).value_or("<" + rdf::escape_iri(value) + ">");
  };
  switch (term.kind) {
    case rdf::TermKind::Iri:
      return iri(term.value);
    case rdf::TermKind::Blank:
      return "_:" + term.value;
    case rdf::TermKind::Literal:
      break;
  }
  std::string text = "\"" + rdf::escape_string_literal(term.value) + "\"";
  if (!term.language.empty()) return text + "@" + term.language;
  if (term.datatype != vocab::kXsdString) text += "^^" + iri(term.datatype);
  return text;
}

Report::Report(std::vector<Violation> violations) : violations_(std::move(violations)) {
  std::sort(violations_.begin(), violations_.end());
  violations_.erase(std::unique(violations_.begin(), violations_.end()), violations_.end());
}

std::string Report::to_text(const rdf::PrefixMap& prefixes) const {
  std::string out;
  for (const Violation& violation : violations_) {
    out += std::string(kind_name(violation.kind)) + ": " + display_term(violation.focus, prefixes);
    if (violation.property) out += " " + display_term(*violation.property, prefixes);
    if (violation.value) out += " " + display_term(*violation.value, prefixes);
    if (violation.graph) out += " (in " + display_term(*violation.graph, prefixes) + ")";
    out += ": " + violation.message + "\n";
  }
  size_t count = violations_.size();
  out += count == 0 ? "0 violations: the graph conforms to the ontology\n"
                    : std::to_string(count) + (count == 1 ? " violation\n" : " violations\n");
  return out;
}

std::string Report::to_json() const {
  auto term_or_null = [](const std::optional<rdf::Term>& term) {
    return term ? nlohmann::json(term->to_ntriples()) : nlohmann::json(nullptr);
  };
  nlohmann::json list = nlohmann::json::array();
  for (const Violation& violation : violations_)
    list.push_back({{"kind", kind_name(violation.kind)},
                    {"focus", violation.focus.to_ntriples()},
                    {"property", term_or_null(violation.property)},
                    {"value", term_or_null(violation.value)},
                    {"graph", term_or_null(violation.graph)},
                    {"message", violation.message}});
  nlohmann::json report = {{"conforms", conforms()}, {"violations", std::move(list)}};
  return report.dump(2) + "\n";
}

}  // namespace kg::validate
