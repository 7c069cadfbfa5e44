#include "emitter.hpp"

#include <array>

namespace kg::bench {
namespace {

struct Namespace {
  std::string_view prefix;
  std::string_view iri;
};

// Indexed by Ns.
constexpr std::array<Namespace, 8> kNamespaces{{
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    {"skos", "http://www.w3.org/2004/02/skos/core#"},
    {"prov", "http://www.w3.org/ns/prov#"},
    {"schema", "http://schema.org/"},
    {"kg", "https://kg.example.org/ontology#"},
    {"kgd", "https://kg.example.org/id/"},
}};

const Namespace& lookup(Ns ns) {
  return kNamespaces[static_cast<std::size_t>(ns)];
}

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

constexpr std::size_t kFlushBytes = 1 << 20;

}  // namespace

Emitter::Emitter(std::FILE* out, Syntax syntax, std::uint64_t limit)
    : out_(out), syntax_(syntax), limit_(limit) {
  buffer_.reserve(kFlushBytes * 2);
  if (syntax_ != Syntax::kTurtle) return;
  for (const auto& ns : kNamespaces) {
    buffer_ += "@prefix ";
    buffer_ += ns.prefix;
    buffer_ += ": <";
    buffer_ += ns.iri;
    buffer_ += "> .\n";
  }
}

Emitter::~Emitter() {
  finish();
}

void Emitter::triple(const Iri& subject, const Iri& predicate, const Iri& object) {
  if (!begin(subject, predicate)) return;
  term(object);
  if (syntax_ == Syntax::kNTriples) buffer_ += " .\n";
  flush_if_large();
}

void Emitter::triple(const Iri& subject, const Iri& predicate, const Literal& object) {
  if (!begin(subject, predicate)) return;
  buffer_ += '"';
  append_escaped(buffer_, object.lexical);
  buffer_ += '"';
  if (!object.lang.empty()) {
    buffer_ += '@';
    buffer_ += object.lang;
  } else if (!object.xsd_type.empty()) {
    buffer_ += "^^";
    term(Iri{Ns::kXsd, object.xsd_type});
  }
  if (syntax_ == Syntax::kNTriples) buffer_ += " .\n";
  flush_if_large();
}

void Emitter::finish() {
  if (!last_subject_.empty()) buffer_ += " .\n";
  last_subject_.clear();
  std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
  buffer_.clear();
  std::fflush(out_);
}

// Counts the triple and writes its subject and predicate; false once the limit is reached.
// In Turtle, consecutive triples of one subject share it with ';'.
bool Emitter::begin(const Iri& subject, const Iri& predicate) {
  if (full()) return false;
  ++count_;
  if (syntax_ == Syntax::kNTriples) {
    term(subject);
    buffer_ += ' ';
    term(predicate);
    buffer_ += ' ';
    return true;
  }
  const std::string_view prefix = lookup(subject.ns).prefix;
  const bool same = last_subject_.size() == prefix.size() + 1 + subject.local.size() &&
                    last_subject_.compare(0, prefix.size(), prefix) == 0 &&
                    last_subject_.compare(prefix.size() + 1, std::string::npos, subject.local) == 0;
  if (same) {
    buffer_ += " ;\n    ";
  } else {
    if (!last_subject_.empty()) buffer_ += " .\n";
    last_subject_.assign(prefix).append(":").append(subject.local);
    buffer_ += last_subject_;
    buffer_ += ' ';
  }
  const bool is_type = predicate.ns == Ns::kRdf && predicate.local == "type";
  if (is_type) {
    buffer_ += 'a';
  } else {
    term(predicate);
  }
  buffer_ += ' ';
  return true;
}

void Emitter::term(const Iri& iri) {
  const Namespace& ns = lookup(iri.ns);
  if (syntax_ == Syntax::kTurtle) {
    buffer_ += ns.prefix;
    buffer_ += ':';
    buffer_ += iri.local;
    return;
  }
  buffer_ += '<';
  buffer_ += ns.iri;
  buffer_ += iri.local;
  buffer_ += '>';
}

void Emitter::flush_if_large() {
  if (buffer_.size() < kFlushBytes) return;
  // In Turtle an open statement may continue, so only whole lines are written: everything
  // written so far is complete text either way.
  std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
  buffer_.clear();
}

}  // namespace kg::bench
