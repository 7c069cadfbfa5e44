#include "rdf/node.hpp"

#include <string>
#include <unordered_set>

#include <sord/sord.h>

#include "rdf/vocabulary.hpp"

namespace kg::rdf {

namespace {

const uint8_t* bytes(const std::string& text) {
  return reinterpret_cast<const uint8_t*>(text.c_str());
}

std::string_view view(const uint8_t* text) {
  return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// NodeRef

TermKind NodeRef::kind() const {
  switch (sord_node_get_type(node_)) {
    case SORD_URI:
      return TermKind::Iri;
    case SORD_BLANK:
      return TermKind::Blank;
    case SORD_LITERAL:
      return TermKind::Literal;
  }
  return TermKind::Iri;
}

std::string_view NodeRef::value() const {
  size_t length = 0;
  const uint8_t* text = sord_node_get_string_counted(node_, &length);
  // sord_node_get_string_counted reports characters, not bytes, in some versions.
  (void)length;
  return view(text);
}

std::string_view NodeRef::language() const {
  if (!is_literal()) return {};
  const char* lang = sord_node_get_language(node_);
  return lang ? std::string_view(lang) : std::string_view();
}

NodeRef NodeRef::explicit_datatype() const {
  if (!is_literal()) return {};
  return NodeRef(sord_node_get_datatype(node_));
}

std::string_view NodeRef::datatype_iri() const {
  if (!is_literal()) return {};
  if (const SordNode* datatype = sord_node_get_datatype(node_))
    return view(sord_node_get_string(datatype));
  return language().empty() ? vocab::kXsdString : vocab::kRdfLangString;
}

Term NodeRef::to_term() const {
  switch (kind()) {
    case TermKind::Iri:
      return Term::iri(std::string(value()));
    case TermKind::Blank:
      return Term::blank(std::string(value()));
    case TermKind::Literal:
      break;
  }
  if (!language().empty()) return Term::lang_literal(std::string(value()), std::string(language()));
  return Term::typed_literal(std::string(value()), std::string(datatype_iri()));
}

// ---------------------------------------------------------------------------------------------
// World

struct World::Pins {
  std::unordered_set<const SordNode*> nodes;
};

World::World() : world_(sord_world_new()), pins_(std::make_unique<Pins>()) {}

World::~World() {
  for (const SordNode* node : pins_->nodes)
    sord_node_free(world_, const_cast<SordNode*>(node));
  sord_world_free(world_);
}

NodeRef World::adopt(SordNode* node) {
  if (!node) return {};
  if (!pins_->nodes.insert(node).second) sord_node_free(world_, node);
  return NodeRef::from_sord(node);
}

NodeRef World::intern(const Term& term) {
  switch (term.kind) {
    case TermKind::Iri:
      return iri(term.value);
    case TermKind::Blank:
      return blank(term.value);
    case TermKind::Literal:
      return literal(term.value, term.datatype, term.language);
  }
  return {};
}

NodeRef World::iri(std::string_view iri) {
  std::string text(iri);
  // Sord refuses to intern IRIs without a scheme; such IRIs cannot occur in valid RDF, and
  // callers resolve relative references before interning.
  return adopt(sord_new_uri(world_, bytes(text)));
}

NodeRef World::blank(std::string_view label) {
  std::string text(label);
  return adopt(sord_new_blank(world_, bytes(text)));
}

NodeRef World::literal(std::string_view lexical, std::string_view datatype,
                       std::string_view language) {
  std::string text(lexical);
  if (!language.empty()) {
    std::string lang = lowercase_ascii(language);
    return adopt(sord_new_literal(world_, nullptr, bytes(text), lang.c_str()));
  }
  if (datatype.empty() || datatype == vocab::kXsdString || datatype == vocab::kRdfLangString)
    return adopt(sord_new_literal(world_, nullptr, bytes(text), nullptr));
  NodeRef datatype_node = iri(datatype);
  return adopt(
      sord_new_literal(world_, const_cast<SordNode*>(datatype_node.sord()), bytes(text), nullptr));
}

NodeRef World::fresh_blank() {
  // Labels that parsers never produce: parsed blank nodes get a per-document prefix instead.
  for (;;) {
    std::string label = "kg" + std::to_string(next_blank_++);
    size_t before = pins_->nodes.size();
    NodeRef node = blank(label);
    if (pins_->nodes.size() != before) return node;
  }
}

size_t World::node_count() const {
  return pins_->nodes.size();
}

}  // namespace kg::rdf
