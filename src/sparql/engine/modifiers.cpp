#include "sparql/engine/modifiers.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sparql/functions.hpp"

namespace kg::sparql::engine {

// ---------------------------------------------------------------------------------------------
// RowSet

RowSet::RowSet(size_t width, std::vector<uint32_t> slots)
    : slots_(std::move(slots)), rows_(width), table_(64, 0) {}

std::pair<uint32_t, bool> RowSet::find_or_insert(const NodeRef* row) {
  if ((rows_.size() + 1) * 2 > table_.size()) grow();
  size_t mask = table_.size() - 1;
  for (size_t probe = hash_cells(row, slots_) & mask;; probe = (probe + 1) & mask) {
    uint32_t entry = table_[probe];
    if (entry == 0) {
      rows_.append(row);
      table_[probe] = static_cast<uint32_t>(rows_.size());
      return {static_cast<uint32_t>(rows_.size() - 1), true};
    }
    if (equal_cells(rows_.row(entry - 1), row, slots_)) return {entry - 1, false};
  }
}

void RowSet::grow() {
  std::vector<uint32_t> old = std::move(table_);
  table_.assign(old.size() * 2, 0);
  size_t mask = table_.size() - 1;
  for (uint32_t entry : old) {
    if (entry == 0) continue;
    size_t probe = hash_cells(rows_.row(entry - 1), slots_) & mask;
    while (table_[probe] != 0)
      probe = (probe + 1) & mask;
    table_[probe] = entry;
  }
}

std::vector<uint32_t> slots_of(const VariableSet& variables) {
  std::vector<uint32_t> slots;
  for (Variable variable : variables.to_vector())
    slots.push_back(variable.id);
  return slots;
}

// ---------------------------------------------------------------------------------------------
// Project

namespace {

class ProjectCursor final : public RowwiseCursor {
 public:
  ProjectCursor(const Operator& input, const std::vector<Variable>& variables, ExecContext& context,
                const Frame& frame)
      : ProjectCursor(input, variables, context, frame,
                      restrict_seed(frame.seed, variables, context.width)) {}

 protected:
  void process(const NodeRef* row, RowBatch& out) override {
    NodeRef* projected = out.append(outer_seed_);
    for (Variable variable : variables_)
      projected[variable.id] = row[variable.id];
  }

 private:
  ProjectCursor(const Operator& input, const std::vector<Variable>& variables, ExecContext& context,
                const Frame& frame, std::vector<NodeRef> inner_seed)
      : RowwiseCursor(nullptr, context.width),
        variables_(variables),
        outer_seed_(frame.seed),
        inner_seed_(std::move(inner_seed)) {
    reset_input(input.open(context, Frame{inner_seed_.data(), frame.graph}));
  }

  static std::vector<NodeRef> restrict_seed(const NodeRef* seed,
                                            const std::vector<Variable>& variables, size_t width) {
    std::vector<NodeRef> restricted(width);
    for (Variable variable : variables)
      restricted[variable.id] = seed[variable.id];
    return restricted;
  }

  const std::vector<Variable>& variables_;
  const NodeRef* outer_seed_;
  std::vector<NodeRef> inner_seed_;
};

}  // namespace

Project::Project(OperatorPtr input, std::vector<Variable> variables)
    : input_(std::move(input)), variables_(std::move(variables)) {
  estimate_ = input_->estimate();
  VariableSet projected(variables_);
  certain_ = input_->certain() & projected;
  possible_ = input_->possible() & projected;
}

CursorPtr Project::open(ExecContext& context, const Frame& frame) const {
  return std::make_unique<ProjectCursor>(*input_, variables_, context, frame);
}

std::string Project::describe(const Query& query) const {
  return "Project (" + variable_list(query, variables_) + ")";
}

// ---------------------------------------------------------------------------------------------
// Distinct

namespace {

class DistinctCursor final : public RowwiseCursor {
 public:
  DistinctCursor(CursorPtr input, std::vector<uint32_t> slots, size_t width)
      : RowwiseCursor(std::move(input), width), seen_(width, std::move(slots)) {}

 protected:
  void process(const NodeRef* row, RowBatch& out) override {
    if (seen_.insert(row)) out.append(row);
  }

 private:
  RowSet seen_;
};

class ReducedCursor final : public RowwiseCursor {
 public:
  ReducedCursor(CursorPtr input, size_t width)
      : RowwiseCursor(std::move(input), width), previous_(width), width_(width) {}

 protected:
  void process(const NodeRef* row, RowBatch& out) override {
    if (has_previous_ && std::equal(row, row + width_, previous_.begin())) return;
    std::copy(row, row + width_, previous_.begin());
    has_previous_ = true;
    out.append(row);
  }

 private:
  std::vector<NodeRef> previous_;
  size_t width_;
  bool has_previous_ = false;
};

}  // namespace

Distinct::Distinct(OperatorPtr input, bool reduced) : input_(std::move(input)), reduced_(reduced) {
  const Estimate& input_estimate = input_->estimate();
  estimate_ = {input_estimate.rows, input_estimate.cost + input_estimate.rows};
  certain_ = input_->certain();
  possible_ = input_->possible();
}

CursorPtr Distinct::open(ExecContext& context, const Frame& frame) const {
  CursorPtr input = input_->open(context, frame);
  if (reduced_) return std::make_unique<ReducedCursor>(std::move(input), context.width);
  return std::make_unique<DistinctCursor>(std::move(input), slots_of(possible_), context.width);
}

std::string Distinct::describe(const Query&) const {
  return reduced_ ? "Reduced" : "Distinct";
}

// ---------------------------------------------------------------------------------------------
// Slice

namespace {

class SliceCursor final : public Cursor {
 public:
  SliceCursor(CursorPtr input, uint64_t offset, std::optional<uint64_t> limit, size_t width)
      : input_(std::move(input)),
        buffer_(width, batch_capacity(width, offset, limit)),
        to_skip_(offset),
        remaining_(limit) {}

  bool next(RowBatch& out) override {
    size_t before = out.size();
    while (!out.full() && remaining_ != 0) {
      if (position_ == buffer_.size()) {
        buffer_.clear();
        position_ = 0;
        if (!input_->next(buffer_)) break;
      }
      const NodeRef* row = buffer_.row(position_++);
      if (to_skip_ > 0) {
        --to_skip_;
        continue;
      }
      out.append(row);
      if (remaining_) --*remaining_;
    }
    return out.size() > before;
  }

 private:
  // Asking the input for no more rows than the slice needs lets LIMIT stop it early.
  static size_t batch_capacity(size_t width, uint64_t offset, std::optional<uint64_t> limit) {
    size_t standard = RowBatch::default_capacity(width);
    if (!limit) return standard;
    return static_cast<size_t>(std::clamp<uint64_t>(offset + *limit, 1, standard));
  }

  CursorPtr input_;
  RowBatch buffer_;
  size_t position_ = 0;
  uint64_t to_skip_;
  std::optional<uint64_t> remaining_;
};

}  // namespace

Slice::Slice(OperatorPtr input, uint64_t offset, std::optional<uint64_t> limit)
    : input_(std::move(input)), offset_(offset), limit_(limit) {
  const Estimate& input_estimate = input_->estimate();
  double rows = std::max(0.0, input_estimate.rows - static_cast<double>(offset_));
  if (limit_) rows = std::min(rows, static_cast<double>(*limit_));
  estimate_ = {rows, input_estimate.cost};
  certain_ = input_->certain();
  possible_ = input_->possible();
}

CursorPtr Slice::open(ExecContext& context, const Frame& frame) const {
  return std::make_unique<SliceCursor>(input_->open(context, frame), offset_, limit_,
                                       context.width);
}

std::string Slice::describe(const Query&) const {
  std::string text = "Slice offset " + std::to_string(offset_);
  if (limit_) text += " limit " + std::to_string(*limit_);
  return text;
}

// ---------------------------------------------------------------------------------------------
// OrderBy

namespace {

class OrderByCursor final : public Cursor {
 public:
  OrderByCursor(CursorPtr input, const std::vector<OrderBy::Key>& keys,
                std::optional<uint64_t> limit, ExecContext& context, const ActiveGraph& graph)
      : input_(std::move(input)),
        keys_(keys),
        limit_(limit),
        context_(context),
        graph_(graph),
        rows_(context.width) {}

  bool next(RowBatch& out) override {
    if (!sorted_) sort();
    size_t before = out.size();
    while (!out.full() && position_ < order_.size())
      out.append(rows_.row(order_[position_++]));
    return out.size() > before;
  }

 private:
  void sort() {
    sorted_ = true;
    rows_ = materialize(*input_, context_.width);
    size_t count = rows_.size();
    values_.resize(count * keys_.size());
    evaluated_.assign(count * keys_.size(), false);
    order_.resize(count);
    std::iota(order_.begin(), order_.end(), 0);
    // Ties fall back to input order, so partial and full sorts agree and both are stable.
    auto less = [&](uint32_t a, uint32_t b) {
      for (size_t k = 0; k < keys_.size(); ++k) {
        int compared = order_compare(key_value(a, k), key_value(b, k));
        if (keys_[k].condition.descending) compared = -compared;
        if (compared != 0) return compared < 0;
      }
      return a < b;
    };
    if (limit_ && *limit_ < count) {
      std::partial_sort(order_.begin(), order_.begin() + static_cast<ptrdiff_t>(*limit_),
                        order_.end(), less);
      order_.resize(*limit_);
    } else {
      std::sort(order_.begin(), order_.end(), less);
    }
  }

  // A key is evaluated when a comparison first needs it: the later keys only break ties, and
  // a top-k sort meets few of those.
  const Value& key_value(uint32_t row, size_t key) {
    size_t cell = row * keys_.size() + key;
    if (!evaluated_[cell]) {
      values_[cell] = keys_[key].compiled->evaluate(rows_.row(row), context_, graph_);
      evaluated_[cell] = true;
    }
    return values_[cell];
  }

  CursorPtr input_;
  const std::vector<OrderBy::Key>& keys_;
  std::optional<uint64_t> limit_;
  ExecContext& context_;
  const ActiveGraph& graph_;
  RowTable rows_;
  std::vector<Value> values_;
  std::vector<bool> evaluated_;
  std::vector<uint32_t> order_;
  size_t position_ = 0;
  bool sorted_ = false;
};

}  // namespace

OrderBy::OrderBy(OperatorPtr input, std::vector<Key> keys, std::optional<uint64_t> limit)
    : input_(std::move(input)), keys_(std::move(keys)), limit_(limit) {
  const Estimate& input_estimate = input_->estimate();
  double rows = input_estimate.rows;
  estimate_ = {rows, input_estimate.cost + rows * std::max(1.0, std::log2(rows + 1))};
  certain_ = input_->certain();
  possible_ = input_->possible();
}

CursorPtr OrderBy::open(ExecContext& context, const Frame& frame) const {
  return std::make_unique<OrderByCursor>(input_->open(context, frame), keys_, limit_, context,
                                         *frame.graph);
}

std::string OrderBy::describe(const Query& query) const {
  std::string text = "OrderBy";
  for (const Key& key : keys_)
    text += key.condition.descending ? " desc " + to_sse(key.condition.expr, query)
                                     : " " + to_sse(key.condition.expr, query);
  if (limit_) text += " (top " + std::to_string(*limit_) + ")";
  return text;
}

}  // namespace kg::sparql::engine
