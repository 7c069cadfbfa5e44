// Writes the generated triples as N-Triples or Turtle, up to a fixed number of triples.
// Terms are given as a namespace and a local name, so Turtle can print prefixed names and
// N-Triples full IRIs from the same calls; a whole graph never sits in memory.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace kg::bench {

enum class Syntax { kNTriples, kTurtle };

enum class Ns { kRdf, kRdfs, kXsd, kSkos, kProv, kSchema, kKg, kKgd };

struct Iri {
  Ns ns;
  std::string_view local;
};

// A literal with either a language tag or a datatype from xsd: (empty: xsd:string).
struct Literal {
  std::string_view lexical;
  std::string_view lang = {};
  std::string_view xsd_type = {};
};

class Emitter {
 public:
  Emitter(std::FILE* out, Syntax syntax, std::uint64_t limit);
  Emitter(const Emitter&) = delete;
  Emitter& operator=(const Emitter&) = delete;
  ~Emitter();

  void triple(const Iri& subject, const Iri& predicate, const Iri& object);
  void triple(const Iri& subject, const Iri& predicate, const Literal& object);

  // Closes the last Turtle statement and writes out what is buffered.
  void finish();

  bool full() const { return count_ >= limit_; }
  std::uint64_t count() const { return count_; }

 private:
  bool begin(const Iri& subject, const Iri& predicate);
  void term(const Iri& iri);
  void flush_if_large();

  std::FILE* out_;
  Syntax syntax_;
  std::uint64_t limit_;
  std::uint64_t count_ = 0;
  std::string buffer_;
  std::string last_subject_;  // Turtle: the open statement's subject ("" when none)
};

}  // namespace kg::bench
