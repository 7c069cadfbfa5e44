// Internal to the path layer: the vertex of each node, as an open-addressing hash table of
// vertex ids over the graph's node array. One flat array and no per-entry allocation keeps
// building a million-link graph to about one cache miss per lookup.
#pragma once

#include <bit>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

#include "rdf/node.hpp"

namespace kg::path::detail {

class NodeIndex {
 public:
  using Id = uint32_t;

  std::optional<Id> find(rdf::NodeRef node, const std::vector<rdf::NodeRef>& nodes) const {
    if (slots_.empty()) return std::nullopt;
    for (size_t slot = home(node);; slot = (slot + 1) & mask()) {
      if (slots_[slot] == kEmpty) return std::nullopt;
      if (nodes[slots_[slot]] == node) return slots_[slot];
    }
  }

  // The id of node, appending it to nodes (and giving it the next id) when it is new.
  Id insert(rdf::NodeRef node, std::vector<rdf::NodeRef>& nodes) {
    if ((nodes.size() + 1) * 2 > slots_.size()) grow(nodes);
    size_t slot = home(node);
    for (; slots_[slot] != kEmpty; slot = (slot + 1) & mask())
      if (nodes[slots_[slot]] == node) return slots_[slot];
    slots_[slot] = static_cast<Id>(nodes.size());
    nodes.push_back(node);
    return slots_[slot];
  }

  size_t memory_bytes() const { return slots_.capacity() * sizeof(Id); }

 private:
  static constexpr Id kEmpty = std::numeric_limits<Id>::max();

  size_t mask() const { return slots_.size() - 1; }
  // The hash's high bits: NodeRef's hash multiplies the address, so its low bits repeat the
  // address's alignment and would crowd a few slots.
  size_t home(rdf::NodeRef node) const {
    return static_cast<size_t>(static_cast<uint64_t>(std::hash<rdf::NodeRef>{}(node)) >> shift_);
  }

  void grow(const std::vector<rdf::NodeRef>& nodes) {
    slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, kEmpty);
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(slots_.size()));
    for (Id id = 0; id < nodes.size(); ++id) {
      size_t slot = home(nodes[id]);
      while (slots_[slot] != kEmpty)
        slot = (slot + 1) & mask();
      slots_[slot] = id;
    }
  }

  std::vector<Id> slots_;  // a power-of-two count, at most half full
  unsigned shift_ = 64;
};

}  // namespace kg::path::detail
