#include "sparql/results/row_matcher.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "sparql/results/results.hpp"

namespace kg::sparql::results_detail {

namespace {

// N-Triples text never holds this control character (the escaping writes \u001F).
constexpr char kSeparator = '\x1f';
constexpr int kNotBlank = -1;
// Colour refinement makes easy cases linear; this only bounds pathological symmetric ones.
constexpr size_t kMaxSearchSteps = 1'000'000;
constexpr size_t kMaxShownRows = 3;

struct Cell {
  int blank = kNotBlank;  // the blank node's number on its side
  std::string text;       // N-Triples form; "" when unbound
};
using Row = std::vector<Cell>;

// One side of the comparison, its blank nodes numbered from 0.
struct Side {
  std::vector<Row> rows;
  size_t blank_count = 0;
  // For each blank node, the distinct rows that mention it (duplicates left out: they add
  // nothing to where a blank node may map).
  std::vector<std::vector<size_t>> rows_of_blank;
};

template <typename LabelOf>
std::string row_key(const Row& row, LabelOf label_of) {
  std::string key;
  for (const Cell& cell : row) {
    if (cell.blank == kNotBlank)
      key += cell.text;
    else
      key += "_:" + label_of(cell.blank);
    key += kSeparator;
  }
  return key;
}

std::string own_label(int blank) {
  return std::to_string(blank);
}
std::string any_label(int) {
  return "*";
}

Side encode(const std::vector<Cells>& rows, bool literals_by_value) {
  Side side;
  std::unordered_map<std::string, int> numbers;
  std::unordered_set<std::string> seen;
  for (const Cells& cells : rows) {
    Row row;
    for (const auto& cell : cells) {
      if (!cell) {
        row.push_back({});
      } else if (cell->is_blank()) {
        auto [it, added] = numbers.try_emplace(cell->value, static_cast<int>(numbers.size()));
        row.push_back({it->second, {}});
      } else {
        row.push_back({kNotBlank, literals_by_value ? canonical_literal(*cell).to_ntriples()
                                                    : cell->to_ntriples()});
      }
    }
    side.rows.push_back(std::move(row));
  }
  side.blank_count = numbers.size();
  side.rows_of_blank.resize(side.blank_count);
  for (size_t index = 0; index < side.rows.size(); ++index) {
    const Row& row = side.rows[index];
    if (!seen.insert(row_key(row, own_label)).second) continue;
    for (const Cell& cell : row) {
      if (cell.blank == kNotBlank) continue;
      auto& mentions = side.rows_of_blank[static_cast<size_t>(cell.blank)];
      if (mentions.empty() || mentions.back() != index) mentions.push_back(index);
    }
  }
  return side;
}

size_t mix(size_t seed, size_t value) {
  return seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

// One round of colour refinement: a blank node's new colour sums up its old colour and, for
// each row it is in, that row with the other blank nodes replaced by their old colours.
std::vector<size_t> refine(const Side& side, const std::vector<size_t>& colors) {
  std::vector<size_t> refined(side.blank_count);
  for (size_t blank = 0; blank < side.blank_count; ++blank) {
    std::vector<size_t> signatures;
    for (size_t index : side.rows_of_blank[blank]) {
      std::string signature;
      for (const Cell& cell : side.rows[index]) {
        if (cell.blank == kNotBlank)
          signature += cell.text;
        else if (static_cast<size_t>(cell.blank) == blank)
          signature += "@self";
        else
          signature += "@" + std::to_string(colors[static_cast<size_t>(cell.blank)]);
        signature += kSeparator;
      }
      signatures.push_back(std::hash<std::string>{}(signature));
    }
    std::sort(signatures.begin(), signatures.end());
    size_t color = colors[blank];
    for (size_t signature : signatures)
      color = mix(color, signature);
    refined[blank] = color;
  }
  return refined;
}

size_t distinct_count(std::vector<size_t> values) {
  std::sort(values.begin(), values.end());
  return static_cast<size_t>(std::unique(values.begin(), values.end()) - values.begin());
}

bool same_histogram(std::vector<size_t> a, std::vector<size_t> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

class Matcher {
 public:
  Matcher(const std::vector<Cells>& expected, const std::vector<Cells>& actual,
          const std::vector<std::string>& names, bool triples, const MatchRules& rules)
      : expected_cells_(expected),
        actual_cells_(actual),
        names_(names),
        triples_(triples),
        rules_(rules),
        expected_(encode(expected, rules.literals_by_value)),
        actual_(encode(actual, rules.literals_by_value)) {}

  std::optional<std::string> run() {
    if (auto difference = compare_ignoring_blanks()) return difference;
    if (expected_.blank_count != actual_.blank_count)
      return "expected " + std::to_string(expected_.blank_count) + " distinct blank nodes, found " +
             std::to_string(actual_.blank_count) + " (the rows agree when blank nodes are ignored)";
    if (!colour_blanks()) return no_relabelling();
    prepare_search();
    if (search(true)) return std::nullopt;
    if (gave_up_)
      return "gave up matching blank nodes after " + std::to_string(kMaxSearchSteps) +
             " steps: too symmetric to decide";
    if (rules_.ordered && !rules_.lax_cardinality && search(false)) return order_difference();
    return no_relabelling();
  }

 private:
  std::string show(const Cells& row) const {
    std::string text = triples_ ? "" : "{ ";
    for (size_t i = 0; i < row.size(); ++i) {
      if (triples_) {
        text += (row[i] ? row[i]->to_ntriples() : "?") + ' ';
      } else if (row[i]) {
        text += '?' + names_[i] + '=' + row[i]->to_ntriples() + ' ';
      }
    }
    return text + (triples_ ? "." : "}");
  }

  std::string show_list(const std::vector<size_t>& rows, const std::vector<Cells>& cells) const {
    std::string text;
    for (size_t i = 0; i < rows.size() && i < kMaxShownRows; ++i)
      text += (i ? ", " : "") + show(cells[rows[i]]);
    if (rows.size() > kMaxShownRows)
      text += " and " + std::to_string(rows.size() - kMaxShownRows) + " more";
    return text;
  }

  // Rows with every blank node made alike must agree before any relabelling can help; this
  // also finds the readable differences (missing and unexpected rows).
  std::optional<std::string> compare_ignoring_blanks() const {
    std::vector<std::string> expected_keys, actual_keys;
    std::unordered_map<std::string, size_t> expected_counts, actual_counts;
    for (const Row& row : expected_.rows)
      ++expected_counts[expected_keys.emplace_back(row_key(row, any_label))];
    for (const Row& row : actual_.rows)
      ++actual_counts[actual_keys.emplace_back(row_key(row, any_label))];
    auto count = [](const auto& counts, const std::string& key) {
      auto found = counts.find(key);
      return found == counts.end() ? size_t{0} : found->second;
    };
    // With lax cardinality one copy of an expected row suffices, and a missing row is named once.
    std::vector<size_t> missing = rows_beyond(expected_keys, [&](const std::string& key) {
      size_t present = count(actual_counts, key);
      if (!rules_.lax_cardinality) return present;
      return present > 0 ? expected_keys.size() : count(expected_counts, key) - 1;
    });
    std::vector<size_t> unexpected = rows_beyond(
        actual_keys, [&](const std::string& key) { return count(expected_counts, key); });
    if (missing.empty() && unexpected.empty()) return std::nullopt;
    std::string noun = triples_ ? " triples" : " rows";
    std::string text = "expected " + std::to_string(expected_cells_.size()) + noun + ", got " +
                       std::to_string(actual_cells_.size());
    if (!missing.empty()) text += "; missing: " + show_list(missing, expected_cells_);
    if (!unexpected.empty()) text += "; unexpected: " + show_list(unexpected, actual_cells_);
    return text;
  }

  // The rows whose key occurs more often (so far) than `allowed` says it may.
  template <typename Allowance>
  static std::vector<size_t> rows_beyond(const std::vector<std::string>& keys, Allowance allowed) {
    std::vector<size_t> beyond;
    std::unordered_map<std::string, size_t> seen;
    for (size_t i = 0; i < keys.size(); ++i)
      if (++seen[keys[i]] > allowed(keys[i])) beyond.push_back(i);
    return beyond;
  }

  std::string no_relabelling() const {
    return "no one-to-one relabelling of blank nodes makes the answers equal (they agree when "
           "blank nodes are ignored)";
  }

  bool colour_blanks() {
    expected_colors_.assign(expected_.blank_count, 0);
    actual_colors_.assign(actual_.blank_count, 0);
    size_t classes = 1;
    for (size_t round = 0; round < expected_.blank_count + 1; ++round) {
      expected_colors_ = refine(expected_, expected_colors_);
      actual_colors_ = refine(actual_, actual_colors_);
      if (!same_histogram(expected_colors_, actual_colors_)) return false;
      size_t refined_classes = distinct_count(expected_colors_);
      if (refined_classes == classes && round > 0) break;
      classes = refined_classes;
    }
    return true;
  }

  void prepare_search() {
    for (size_t blank = 0; blank < actual_.blank_count; ++blank)
      candidates_[actual_colors_[blank]].push_back(blank);
    for (size_t blank = 0; blank < expected_.blank_count; ++blank)
      order_.push_back(blank);
    // Blank nodes with few look-alikes first: they fix the most and branch the least.
    std::stable_sort(order_.begin(), order_.end(), [&](size_t a, size_t b) {
      return candidates_[expected_colors_[a]].size() < candidates_[expected_colors_[b]].size();
    });
    for (const Row& row : actual_.rows) {
      actual_keys_.push_back(row_key(row, own_label));
      actual_key_set_.insert(actual_keys_.back());
    }
  }

  std::string mapped_key(const Row& row) const {
    return row_key(row,
                   [&](int blank) { return std::to_string(mapping_[static_cast<size_t>(blank)]); });
  }

  // Depth-first over the expected blank nodes in search order, kept iterative: answers may
  // hold thousands of blank nodes, too many for one stack frame each.
  bool search(bool respect_order) {
    mapping_.assign(expected_.blank_count, kNotBlank);
    used_.assign(actual_.blank_count, false);
    steps_ = 0;
    std::vector<size_t> next_candidate(order_.size() + 1, 0);
    size_t depth = 0;
    while (true) {
      if (depth == order_.size()) {
        if (verify(respect_order)) return true;
      } else if (advance(order_[depth], next_candidate[depth])) {
        next_candidate[++depth] = 0;
        continue;
      }
      if (gave_up_ || depth == 0) return false;
      --depth;
      unmap(order_[depth]);
    }
  }

  // Maps the blank node to its next consistent candidate, starting at `next`.
  bool advance(size_t blank, size_t& next) {
    const std::vector<size_t>& candidates = candidates_[expected_colors_[blank]];
    while (next < candidates.size()) {
      size_t candidate = candidates[next++];
      if (used_[candidate]) continue;
      if (++steps_ > kMaxSearchSteps) {
        gave_up_ = true;
        return false;
      }
      mapping_[blank] = static_cast<int>(candidate);
      used_[candidate] = true;
      if (consistent(blank)) return true;
      unmap(blank);
    }
    return false;
  }

  void unmap(size_t blank) {
    used_[static_cast<size_t>(mapping_[blank])] = false;
    mapping_[blank] = kNotBlank;
  }

  // Every row of the blank node just mapped whose blank nodes are all mapped now must exist.
  bool consistent(size_t blank) const {
    for (size_t index : expected_.rows_of_blank[blank]) {
      const Row& row = expected_.rows[index];
      bool complete = std::all_of(row.begin(), row.end(), [&](const Cell& cell) {
        return cell.blank == kNotBlank || mapping_[static_cast<size_t>(cell.blank)] != kNotBlank;
      });
      if (complete && !actual_key_set_.count(mapped_key(row))) return false;
    }
    return true;
  }

  std::vector<std::string> mapped_expected_keys() const {
    std::vector<std::string> keys;
    for (const Row& row : expected_.rows)
      keys.push_back(mapped_key(row));
    return keys;
  }

  bool verify(bool respect_order) const {
    std::vector<std::string> expected = mapped_expected_keys();
    if (rules_.lax_cardinality) return lax_equal(expected);
    if (!respect_order || !rules_.ordered) return same_bag(expected, 0, expected.size());
    for (auto [begin, end] : tie_groups())
      if (!same_bag(expected, begin, end)) return false;
    return true;
  }

  bool same_bag(std::vector<std::string> expected, size_t begin, size_t end) const {
    std::vector<std::string> actual(actual_keys_.begin() + static_cast<long>(begin),
                                    actual_keys_.begin() + static_cast<long>(end));
    std::vector<std::string> wanted(expected.begin() + static_cast<long>(begin),
                                    expected.begin() + static_cast<long>(end));
    std::sort(actual.begin(), actual.end());
    std::sort(wanted.begin(), wanted.end());
    return actual == wanted;
  }

  // Each distinct expected row at least once, and no more often than expected.
  bool lax_equal(const std::vector<std::string>& expected) const {
    std::map<std::string, long> balance;
    for (const std::string& key : expected)
      ++balance[key];
    for (const std::string& key : actual_keys_) {
      auto found = balance.find(key);
      if (found == balance.end()) return false;
      --found->second;
    }
    std::set<std::string> present(actual_keys_.begin(), actual_keys_.end());
    return std::all_of(balance.begin(), balance.end(), [&](const auto& entry) {
      return entry.second >= 0 && present.count(entry.first);
    });
  }

  // Runs of consecutive expected rows that agree on every tie column.
  std::vector<std::pair<size_t, size_t>> tie_groups() const {
    std::vector<std::pair<size_t, size_t>> groups;
    auto ties = [&](size_t a, size_t b) {
      if (rules_.tie_columns.empty()) return false;
      return std::all_of(rules_.tie_columns.begin(), rules_.tie_columns.end(), [&](size_t column) {
        return expected_cells_[a][column] == expected_cells_[b][column];
      });
    };
    for (size_t begin = 0; begin < expected_cells_.size();) {
      size_t end = begin + 1;
      while (end < expected_cells_.size() && ties(begin, end))
        ++end;
      groups.emplace_back(begin, end);
      begin = end;
    }
    return groups;
  }

  // Called with a mapping under which the rows agree as a bag but not in sequence.
  std::string order_difference() const {
    std::vector<std::string> expected = mapped_expected_keys();
    for (auto [begin, end] : tie_groups()) {
      if (same_bag(expected, begin, end)) continue;
      size_t at = begin;
      while (at < end && expected[at] == actual_keys_[at])
        ++at;
      if (at == end) at = begin;
      std::string text = "same rows in another order: row " + std::to_string(at + 1) +
                         " should be " + show(expected_cells_[at]) + " but is " +
                         show(actual_cells_[at]);
      if (end - begin > 1)
        text += " (rows " + std::to_string(begin + 1) + "-" + std::to_string(end) +
                " tie on the ORDER BY keys and may come in any order)";
      return text;
    }
    return "same rows in another order";
  }

  const std::vector<Cells>& expected_cells_;
  const std::vector<Cells>& actual_cells_;
  const std::vector<std::string>& names_;
  bool triples_;
  const MatchRules& rules_;
  Side expected_, actual_;
  std::vector<size_t> expected_colors_, actual_colors_;
  std::unordered_map<size_t, std::vector<size_t>> candidates_;  // colour -> actual blank nodes
  std::vector<size_t> order_;
  std::vector<std::string> actual_keys_;
  std::unordered_set<std::string> actual_key_set_;
  std::vector<int> mapping_;
  std::vector<bool> used_;
  size_t steps_ = 0;
  bool gave_up_ = false;
};

}  // namespace

std::optional<std::string> match_rows(const std::vector<Cells>& expected,
                                      const std::vector<Cells>& actual,
                                      const std::vector<std::string>& column_names, bool triples,
                                      const MatchRules& rules) {
  return Matcher(expected, actual, column_names, triples, rules).run();
}

}  // namespace kg::sparql::results_detail
