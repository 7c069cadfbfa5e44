#include "rdf/node.hpp"

#include <string>

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

int store_kind_rank(NodeRef node) {
  switch (node.kind()) {
    case TermKind::Literal:
      return 0;
    case TermKind::Iri:
      return 1;
    case TermKind::Blank:
      break;
  }
  return 2;
}

bool precedes_in_store(NodeRef a, NodeRef b) {
  if (a == b) return false;
  int kind_a = store_kind_rank(a), kind_b = store_kind_rank(b);
  if (kind_a != kind_b) return kind_a < kind_b;
  if (int order = a.value().compare(b.value())) return order < 0;
  NodeRef type_a = a.explicit_datatype(), type_b = b.explicit_datatype();
  if (type_a != type_b) {
    if (!type_a || !type_b) return !type_a;
    return type_a.value() < type_b.value();
  }
  return a.language() < b.language();
}

// ---------------------------------------------------------------------------------------------
// World

World::World() : world_(sord_world_new()) {}

// sord_world_free frees every node the world holds, whatever its reference count.
World::~World() {
  sord_world_free(world_);
}

// The reference sord_new_* returned is never dropped, so no node's count reaches zero and Sord
// never frees a node a NodeRef may still point to. Keeping our own set of pinned nodes instead
// cost a hash insertion per term read, about 5% of a bulk load.
NodeRef World::adopt(SordNode* node) {
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
    size_t before = node_count();
    NodeRef node = blank(label);
    if (node_count() != before) return node;
  }
}

size_t World::node_count() const {
  return sord_num_nodes(world_);
}

}  // namespace kg::rdf
