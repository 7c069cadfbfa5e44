#include "isomorphism.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace kg::w3c {

namespace {

size_t mix(size_t seed, size_t value) {
  return seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

// One graph's triples with its blank nodes numbered and coloured: blank nodes that could
// correspond share a colour (colour refinement over their neighbourhoods).
class IndexedGraph {
 public:
  explicit IndexedGraph(std::vector<Triple> triples) : triples_(std::move(triples)) {
    std::sort(triples_.begin(), triples_.end());
    triples_.erase(std::unique(triples_.begin(), triples_.end()), triples_.end());
    contents_.insert(triples_.begin(), triples_.end());
    for (size_t t = 0; t < triples_.size(); ++t)
      for (const rdf::Term& term : triples_[t])
        if (term.is_blank()) {
          auto [entry, added] = blank_index_.emplace(term.value, blank_index_.size());
          if (added) {
            uses_.emplace_back();
            labels_.push_back(term.value);
          }
          if (uses_[entry->second].empty() || uses_[entry->second].back() != t)
            uses_[entry->second].push_back(t);
        }
    refine_colours();
  }

  const std::vector<Triple>& triples() const { return triples_; }
  bool contains(const Triple& triple) const { return contents_.contains(triple); }
  size_t blank_count() const { return uses_.size(); }
  size_t colour(size_t blank) const { return colours_[blank]; }
  const std::vector<size_t>& uses(size_t blank) const { return uses_[blank]; }
  size_t blank(const std::string& label) const { return blank_index_.at(label); }
  const std::string& label(size_t blank) const { return labels_[blank]; }

  std::multiset<size_t> colour_histogram() const {
    return std::multiset<size_t>(colours_.begin(), colours_.end());
  }

 private:
  size_t term_hash(const rdf::Term& term) const {
    if (term.is_blank()) return mix(1, colours_[blank_index_.at(term.value)]);
    return std::hash<rdf::Term>()(term);
  }

  void refine_colours() {
    colours_.assign(uses_.size(), 0);
    size_t distinct = 1;
    for (size_t round = 0; round <= uses_.size(); ++round) {
      std::vector<size_t> next(uses_.size());
      for (size_t b = 0; b < uses_.size(); ++b) {
        std::vector<size_t> signature;
        for (size_t t : uses_[b]) {
          size_t hash = 0;
          for (size_t position = 0; position < 3; ++position) {
            const rdf::Term& term = triples_[t][position];
            bool self = term.is_blank() && blank_index_.at(term.value) == b;
            hash = mix(hash, self ? mix(position, 7) : term_hash(term));
          }
          signature.push_back(hash);
        }
        std::sort(signature.begin(), signature.end());
        size_t colour = colours_[b];
        for (size_t part : signature)
          colour = mix(colour, part);
        next[b] = colour;
      }
      colours_ = std::move(next);
      size_t now_distinct = std::set<size_t>(colours_.begin(), colours_.end()).size();
      if (round > 0 && now_distinct == distinct) break;
      distinct = now_distinct;
    }
  }

  std::vector<Triple> triples_;
  std::set<Triple> contents_;
  std::map<std::string, size_t> blank_index_;
  std::vector<std::string> labels_;
  std::vector<std::vector<size_t>> uses_;  // per blank node: the triples it occurs in
  std::vector<size_t> colours_;
};

// Searches for a colour-preserving bijection of blank nodes under which every triple of one
// graph is in the other.
class BijectionSearch {
 public:
  BijectionSearch(const IndexedGraph& from, const IndexedGraph& to)
      : from_(from),
        to_(to),
        mapping_(from.blank_count(), kUnmapped),
        taken_(to.blank_count(), false) {}

  bool run() { return extend(0); }

 private:
  static constexpr size_t kUnmapped = static_cast<size_t>(-1);

  bool extend(size_t blank) {
    if (blank == from_.blank_count()) return true;
    for (size_t candidate = 0; candidate < to_.blank_count(); ++candidate) {
      if (taken_[candidate] || to_.colour(candidate) != from_.colour(blank)) continue;
      mapping_[blank] = candidate;
      taken_[candidate] = true;
      if (consistent(blank) && extend(blank + 1)) return true;
      taken_[candidate] = false;
      mapping_[blank] = kUnmapped;
    }
    return false;
  }

  // Every triple of `blank` whose blank nodes are all mapped is in the other graph.
  bool consistent(size_t blank) const {
    for (size_t t : from_.uses(blank)) {
      Triple mapped = from_.triples()[t];
      bool complete = true;
      for (rdf::Term& term : mapped) {
        if (!term.is_blank()) continue;
        size_t target = mapping_[from_.blank(term.value)];
        if (target == kUnmapped) {
          complete = false;
          break;
        }
        term.value = to_.label(target);
      }
      if (complete && !to_.contains(mapped)) return false;
    }
    return true;
  }

  const IndexedGraph& from_;
  const IndexedGraph& to_;
  std::vector<size_t> mapping_;
  std::vector<bool> taken_;
};

}  // namespace

bool isomorphic(std::vector<Triple> a, std::vector<Triple> b) {
  IndexedGraph left(std::move(a)), right(std::move(b));
  if (left.triples().size() != right.triples().size()) return false;
  if (left.blank_count() != right.blank_count()) return false;
  if (left.colour_histogram() != right.colour_histogram()) return false;
  for (const Triple& triple : left.triples()) {
    bool ground = std::none_of(triple.begin(), triple.end(),
                               [](const rdf::Term& term) { return term.is_blank(); });
    if (ground && !right.contains(triple)) return false;
  }
  return BijectionSearch(left, right).run();
}

}  // namespace kg::w3c
