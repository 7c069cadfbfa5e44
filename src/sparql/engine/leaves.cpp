#include "sparql/engine/leaves.hpp"

namespace kg::sparql::engine {

// ---------------------------------------------------------------------------------------------
// IndexScan

namespace {

class ScanCursor final : public Cursor {
 public:
  ScanCursor(const rdf::Store& store, const std::array<PatternSlot, 3>& pattern,
             const rdf::ObjectBounds* object_bounds, const Frame& frame, size_t width)
      : pattern_(pattern),
        seed_(frame.seed),
        width_(width),
        matches_(store, *frame.graph, bound(0), bound(1), bound(2), object_bounds) {}

  bool next(RowBatch& out) override {
    size_t before = out.size();
    rdf::Quad quad;
    while (!out.full() && matches_.next(quad)) {
      NodeRef* row = out.append(seed_);
      if (!bind(row, 0, quad.subject) || !bind(row, 1, quad.predicate) ||
          !bind(row, 2, quad.object))
        out.pop_back();
    }
    return out.size() > before;
  }

 private:
  NodeRef bound(size_t position) const {
    const PatternSlot& slot = pattern_[position];
    return slot.variable ? seed_[slot.variable->id] : slot.constant;
  }

  // Binds a variable position; fails when a variable repeated in the pattern (?x :p ?x) was
  // just bound to a different node by an earlier position.
  bool bind(NodeRef* row, size_t position, NodeRef node) const {
    const PatternSlot& slot = pattern_[position];
    if (!slot.variable) return true;
    NodeRef& cell = row[slot.variable->id];
    if (cell && cell != node) return false;
    cell = node;
    return true;
  }

  const std::array<PatternSlot, 3>& pattern_;
  const NodeRef* seed_;
  size_t width_;
  TripleMatches matches_;
};

}  // namespace

IndexScan::IndexScan(std::array<PatternSlot, 3> pattern, Estimate estimate,
                     std::optional<rdf::ObjectBounds> object_bounds)
    : pattern_(pattern), object_bounds_(std::move(object_bounds)) {
  estimate_ = estimate;
  for (const PatternSlot& slot : pattern_)
    if (slot.variable) certain_.insert(*slot.variable);
  possible_ = certain_;
}

CursorPtr IndexScan::open(ExecContext& context, const Frame& frame) const {
  return std::make_unique<ScanCursor>(
      context.store, pattern_, object_bounds_ ? &*object_bounds_ : nullptr, frame, context.width);
}

std::string IndexScan::describe(const Query& query) const {
  std::string text = "IndexScan";
  for (const PatternSlot& slot : pattern_)
    text += " " + (slot.variable ? variable_name(query, *slot.variable)
                                 : node_text(query, slot.constant));
  if (object_bounds_) {
    const rdf::ObjectBounds& bounds = *object_bounds_;
    text += "  object in ";
    text += bounds.lower ? (bounds.lower_inclusive ? "[" : "(") + *bounds.lower : "(-inf";
    text += ", ";
    text += bounds.upper ? *bounds.upper + (bounds.upper_inclusive ? "]" : ")") : "+inf)";
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// ValuesTable

namespace {

class ValuesCursor final : public Cursor {
 public:
  ValuesCursor(const std::vector<Variable>& variables,
               const std::vector<std::vector<NodeRef>>& rows, const NodeRef* seed)
      : variables_(variables), rows_(rows), seed_(seed) {}

  bool next(RowBatch& out) override {
    size_t before = out.size();
    while (!out.full() && position_ < rows_.size()) {
      const std::vector<NodeRef>& values = rows_[position_++];
      NodeRef* row = out.append(seed_);
      for (size_t i = 0; i < variables_.size(); ++i) {
        NodeRef& cell = row[variables_[i].id];
        if (!values[i]) continue;
        if (cell && cell != values[i]) {
          out.pop_back();
          break;
        }
        cell = values[i];
      }
    }
    return out.size() > before;
  }

 private:
  const std::vector<Variable>& variables_;
  const std::vector<std::vector<NodeRef>>& rows_;
  const NodeRef* seed_;
  size_t position_ = 0;
};

}  // namespace

ValuesTable::ValuesTable(std::vector<Variable> variables, std::vector<std::vector<NodeRef>> rows)
    : variables_(std::move(variables)), rows_(std::move(rows)) {
  estimate_ = {static_cast<double>(rows_.size()), static_cast<double>(rows_.size())};
  for (size_t i = 0; i < variables_.size(); ++i) {
    bool always = true;
    for (const auto& row : rows_)
      always = always && row[i];
    possible_.insert(variables_[i]);
    if (always) certain_.insert(variables_[i]);
  }
}

CursorPtr ValuesTable::open(ExecContext&, const Frame& frame) const {
  return std::make_unique<ValuesCursor>(variables_, rows_, frame.seed);
}

std::string ValuesTable::describe(const Query& query) const {
  return "Values (" + variable_list(query, variables_) + ") " + std::to_string(rows_.size()) +
         " rows";
}

// ---------------------------------------------------------------------------------------------
// ConstantRelation

namespace {

class ConstantCursor final : public Cursor {
 public:
  ConstantCursor(const NodeRef* seed, bool has_row) : seed_(seed), pending_(has_row) {}
  bool next(RowBatch& out) override {
    if (!pending_) return false;
    pending_ = false;
    out.append(seed_);
    return true;
  }

 private:
  const NodeRef* seed_;
  bool pending_;
};

}  // namespace

ConstantRelation::ConstantRelation(bool has_row) : has_row_(has_row) {
  estimate_ = {has_row ? 1.0 : 0.0, 0};
}

CursorPtr ConstantRelation::open(ExecContext&, const Frame& frame) const {
  return std::make_unique<ConstantCursor>(frame.seed, has_row_);
}

std::string ConstantRelation::describe(const Query&) const {
  return has_row_ ? "SingleEmptyRow" : "NoRows";
}

}  // namespace kg::sparql::engine
