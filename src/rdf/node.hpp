// Interned RDF terms. A World interns every term once; a NodeRef is a cheap, non-owning handle
// to an interned term, so equal terms have equal NodeRefs and comparing two is one pointer
// compare. The World keeps every node it interned alive until it is destroyed, which is why a
// NodeRef never needs releasing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "rdf/term.hpp"

struct SordNodeImpl;
struct SordWorldImpl;

namespace kg::rdf {

class NodeRef {
 public:
  NodeRef() = default;

  bool is_null() const { return node_ == nullptr; }
  explicit operator bool() const { return node_ != nullptr; }

  TermKind kind() const;
  bool is_iri() const { return node_ && kind() == TermKind::Iri; }
  bool is_blank() const { return node_ && kind() == TermKind::Blank; }
  bool is_literal() const { return node_ && kind() == TermKind::Literal; }

  // IRI, blank node label, or a literal's lexical form.
  std::string_view value() const;
  // Lower-case language tag, or "" when the literal has none.
  std::string_view language() const;
  // The datatype IRI of a literal: xsd:string for simple literals, rdf:langString for
  // language-tagged ones. Empty for IRIs and blank nodes.
  std::string_view datatype_iri() const;
  // The interned datatype node, null for xsd:string, rdf:langString and non-literals.
  NodeRef explicit_datatype() const;

  Term to_term() const;
  std::string to_ntriples() const { return to_term().to_ntriples(); }

  friend bool operator==(NodeRef a, NodeRef b) { return a.node_ == b.node_; }
  // An arbitrary but fixed total order (by address), for hashing and sorting row keys.
  friend bool operator<(NodeRef a, NodeRef b) { return std::less<>{}(a.node_, b.node_); }

  // For the store implementation only: the Sord node behind this handle.
  const SordNodeImpl* sord() const { return node_; }
  static NodeRef from_sord(const SordNodeImpl* node) { return NodeRef(node); }

 private:
  explicit NodeRef(const SordNodeImpl* node) : node_(node) {}
  const SordNodeImpl* node_ = nullptr;
};

// Sord's order of nodes in its indices, so scans meet nodes in it: literals, then IRIs, then
// blank nodes; then by text; literals of equal text by datatype (none first), then language.
bool precedes_in_store(NodeRef a, NodeRef b);
// The first key of that order: 0 for literals, 1 for IRIs, 2 for blank nodes.
int store_kind_rank(NodeRef node);

// Owns a Sord world and every node interned in it.
class World {
 public:
  World();
  ~World();
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  NodeRef intern(const Term& term);
  NodeRef iri(std::string_view iri);
  NodeRef blank(std::string_view label);
  // datatype "" or xsd:string makes a simple literal; a non-empty language makes a
  // language-tagged literal (and the datatype is ignored).
  NodeRef literal(std::string_view lexical, std::string_view datatype = {},
                  std::string_view language = {});

  // A blank node whose label is not yet used in this world.
  NodeRef fresh_blank();

  size_t node_count() const;

  SordWorldImpl* sord() const { return world_; }

 private:
  // Takes the reference sord_new_* returned and keeps it for the world's lifetime.
  NodeRef adopt(SordNodeImpl* node);

  SordWorldImpl* world_;
  unsigned long long next_blank_ = 0;
};

}  // namespace kg::rdf

template <>
struct std::hash<kg::rdf::NodeRef> {
  size_t operator()(kg::rdf::NodeRef node) const noexcept {
    auto bits = reinterpret_cast<std::uintptr_t>(node.sord());
    return static_cast<size_t>((bits >> 4) * 0x9e3779b97f4a7c15ULL);
  }
};
