// The synthetic knowledge graph: people, works, awards and groups shaped like the seed graph's
// ontology (docs/seed-format.md), with power-law degrees. The same options always give the
// same triples in the same order.
#pragma once

#include <cstdint>

#include "emitter.hpp"

namespace kg::bench {

struct Options {
  std::uint64_t triples = 100'000;
  std::uint64_t seed = 42;
};

// Writes exactly options.triples triples (the last entity may be cut short).
void generate(const Options& options, Emitter& out);

}  // namespace kg::bench
