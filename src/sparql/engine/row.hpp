// Solutions as the evaluator holds them: a row is a fixed-width array of interned nodes indexed
// by Variable::id, a null node meaning unbound. Rows travel between operators in batches.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "rdf/node.hpp"
#include "sparql/algebra.hpp"

namespace kg::sparql::engine {

using rdf::NodeRef;

// A set of variables as a bitset over variable ids.
class VariableSet {
 public:
  VariableSet() = default;
  explicit VariableSet(const std::vector<Variable>& variables) {
    for (Variable variable : variables)
      insert(variable);
  }

  void insert(Variable variable) {
    size_t word = variable.id / 64;
    if (word >= words_.size()) words_.resize(word + 1, 0);
    words_[word] |= uint64_t{1} << (variable.id % 64);
  }
  void erase(Variable variable) {
    size_t word = variable.id / 64;
    if (word < words_.size()) words_[word] &= ~(uint64_t{1} << (variable.id % 64));
  }
  bool contains(Variable variable) const {
    size_t word = variable.id / 64;
    return word < words_.size() && (words_[word] >> (variable.id % 64)) & 1;
  }
  bool empty() const;
  bool is_subset_of(const VariableSet& other) const;
  bool intersects(const VariableSet& other) const;

  VariableSet& operator|=(const VariableSet& other);
  VariableSet& operator&=(const VariableSet& other);
  friend VariableSet operator|(VariableSet a, const VariableSet& b) { return a |= b; }
  friend VariableSet operator&(VariableSet a, const VariableSet& b) { return a &= b; }
  VariableSet without(const VariableSet& other) const;

  std::vector<Variable> to_vector() const;

 private:
  std::vector<uint64_t> words_;
};

// A batch of rows of one width, stored contiguously. Operators append until full().
class RowBatch {
 public:
  static constexpr size_t kTargetCells = 8192;

  static size_t default_capacity(size_t width) {
    return width == 0 ? 1024 : std::max<size_t>(64, kTargetCells / width);
  }

  explicit RowBatch(size_t width) : RowBatch(width, default_capacity(width)) {}
  // The cells grow with the rows appended, up to the capacity: a batch opened for a lookup
  // that finds two rows (as EXISTS and bind joins open thousands) does not clear 64 KiB.
  RowBatch(size_t width, size_t capacity) : width_(width), capacity_(capacity) {}

  size_t width() const { return width_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  bool full() const { return size_ >= capacity_; }
  void clear() { size_ = 0; }

  const NodeRef* row(size_t index) const { return cells_.data() + index * width_; }
  NodeRef* row(size_t index) { return cells_.data() + index * width_; }

  // Appends a copy of a row and returns it for the caller to extend.
  NodeRef* append(const NodeRef* source) {
    NodeRef* target = next_row();
    std::copy(source, source + width_, target);
    return target;
  }
  NodeRef* append_unbound() {
    NodeRef* target = next_row();
    std::fill(target, target + width_, NodeRef());
    return target;
  }
  void pop_back() { --size_; }
  // Keeps the rows from `from` on for which keep(row) holds, in order; keep may change them.
  template <typename Predicate>
  void retain_from(size_t from, Predicate&& keep) {
    size_t kept = from;
    for (size_t i = from; i < size_; ++i) {
      if (!keep(row(i))) continue;
      if (kept != i) std::copy(row(i), row(i) + width_, row(kept));
      ++kept;
    }
    size_ = kept;
  }

 private:
  NodeRef* next_row() {
    if ((size_ + 1) * width_ > cells_.size()) {
      size_t rows = std::min(capacity_, std::max<size_t>(16, 2 * (size_ + 1)));
      cells_.resize(rows * width_);
    }
    return row(size_++);
  }

  size_t width_;
  size_t capacity_;
  size_t size_ = 0;
  std::vector<NodeRef> cells_;
};

// Rows kept by an operator that must materialise its input (hash build sides, sorts, groups).
class RowTable {
 public:
  explicit RowTable(size_t width) : width_(width) {}

  size_t size() const { return size_; }
  size_t width() const { return width_; }
  const NodeRef* row(size_t index) const { return cells_.data() + index * width_; }
  void append(const NodeRef* source) {
    cells_.insert(cells_.end(), source, source + width_);
    ++size_;
  }
  void append_batch(const RowBatch& batch) {
    for (size_t i = 0; i < batch.size(); ++i)
      append(batch.row(i));
  }

 private:
  size_t width_;
  size_t size_ = 0;
  std::vector<NodeRef> cells_;
};

// §18.3 compatibility: no variable bound to different nodes in the two rows.
inline bool compatible(const NodeRef* a, const NodeRef* b, size_t width) {
  for (size_t i = 0; i < width; ++i)
    if (a[i] && b[i] && a[i] != b[i]) return false;
  return true;
}

// Writes the merge of two compatible rows into out (which may alias a).
inline void merge_into(NodeRef* out, const NodeRef* a, const NodeRef* b, size_t width) {
  for (size_t i = 0; i < width; ++i)
    out[i] = a[i] ? a[i] : b[i];
}

inline size_t hash_cells(const NodeRef* row, std::span<const uint32_t> slots) {
  size_t hash = 0x84222325cbf29ce4ULL;
  for (uint32_t slot : slots)
    hash = (hash ^ std::hash<NodeRef>{}(row[slot])) * 0x100000001b3ULL;
  return hash;
}

inline bool equal_cells(const NodeRef* a, const NodeRef* b, std::span<const uint32_t> slots) {
  for (uint32_t slot : slots)
    if (a[slot] != b[slot]) return false;
  return true;
}

}  // namespace kg::sparql::engine
