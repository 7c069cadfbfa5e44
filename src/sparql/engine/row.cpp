#include "sparql/engine/row.hpp"

#include <bit>

namespace kg::sparql::engine {

bool VariableSet::empty() const {
  for (uint64_t word : words_)
    if (word) return false;
  return true;
}

bool VariableSet::is_subset_of(const VariableSet& other) const {
  for (size_t i = 0; i < words_.size(); ++i) {
    uint64_t theirs = i < other.words_.size() ? other.words_[i] : 0;
    if (words_[i] & ~theirs) return false;
  }
  return true;
}

bool VariableSet::intersects(const VariableSet& other) const {
  size_t common = std::min(words_.size(), other.words_.size());
  for (size_t i = 0; i < common; ++i)
    if (words_[i] & other.words_[i]) return true;
  return false;
}

VariableSet& VariableSet::operator|=(const VariableSet& other) {
  if (other.words_.size() > words_.size()) words_.resize(other.words_.size(), 0);
  for (size_t i = 0; i < other.words_.size(); ++i)
    words_[i] |= other.words_[i];
  return *this;
}

VariableSet& VariableSet::operator&=(const VariableSet& other) {
  for (size_t i = 0; i < words_.size(); ++i)
    words_[i] &= i < other.words_.size() ? other.words_[i] : 0;
  return *this;
}

VariableSet VariableSet::without(const VariableSet& other) const {
  VariableSet result = *this;
  for (size_t i = 0; i < result.words_.size() && i < other.words_.size(); ++i)
    result.words_[i] &= ~other.words_[i];
  return result;
}

std::vector<Variable> VariableSet::to_vector() const {
  std::vector<Variable> variables;
  for (size_t i = 0; i < words_.size(); ++i) {
    for (uint64_t word = words_[i]; word; word &= word - 1)
      variables.push_back(Variable{static_cast<uint32_t>(i * 64 + std::countr_zero(word))});
  }
  return variables;
}

}  // namespace kg::sparql::engine
