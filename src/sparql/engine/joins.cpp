#include "sparql/engine/joins.hpp"

#include <bit>

namespace kg::sparql::engine {

// ---------------------------------------------------------------------------------------------
// RowHashIndex

RowHashIndex::RowHashIndex(const RowTable& table, std::vector<uint32_t> key_slots)
    : table_(table), key_slots_(std::move(key_slots)) {
  size_t buckets = key_slots_.empty() ? 1 : std::bit_ceil(std::max<size_t>(table.size() * 2, 2));
  mask_ = buckets - 1;
  heads_.assign(buckets, kEnd);
  next_.assign(table.size(), kEnd);
  // Inserting backwards keeps each chain in table order, so probes see rows in input order.
  for (size_t i = table.size(); i-- > 0;) {
    size_t bucket = hash_cells(table.row(i), key_slots_) & mask_;
    next_[i] = heads_[bucket];
    heads_[bucket] = static_cast<uint32_t>(i);
  }
}

uint32_t RowHashIndex::first(const NodeRef* probe) const {
  return heads_[hash_cells(probe, key_slots_) & mask_];
}

bool RowHashIndex::key_matches(uint32_t row, const NodeRef* probe) const {
  return equal_cells(table_.row(row), probe, key_slots_);
}

std::vector<uint32_t> join_key_slots(const Operator& left, const Operator& right) {
  std::vector<uint32_t> slots;
  for (Variable variable : (left.certain() & right.certain()).to_vector())
    slots.push_back(variable.id);
  return slots;
}

namespace {

std::string key_text(const Query& query, const std::vector<uint32_t>& slots) {
  std::vector<Variable> variables;
  for (uint32_t slot : slots)
    variables.push_back(Variable{slot});
  return variable_list(query, variables);
}

// Walks the rows of an input one at a time.
class RowStream {
 public:
  RowStream(CursorPtr cursor, size_t width) : cursor_(std::move(cursor)), buffer_(width) {}

  // Moves to the next row; false at the end. The row stays valid until the next call.
  bool advance() {
    while (position_ == buffer_.size()) {
      buffer_.clear();
      position_ = 0;
      if (!cursor_->next(buffer_)) return false;
    }
    current_ = buffer_.row(position_++);
    return true;
  }
  const NodeRef* current() const { return current_; }

 private:
  CursorPtr cursor_;
  RowBatch buffer_;
  size_t position_ = 0;
  const NodeRef* current_ = nullptr;
};

// The materialised side of a hash operator, built on first use.
class BuildSide {
 public:
  BuildSide(const Operator& input, const std::vector<uint32_t>& key_slots, ExecContext& context,
            const Frame& frame)
      : input_(input),
        key_slots_(key_slots),
        context_(context),
        frame_(frame),
        table_(context.width) {}

  const RowHashIndex& index() {
    if (!index_) {
      CursorPtr cursor = input_.open(context_, frame_);
      table_ = materialize(*cursor, context_.width);
      index_.emplace(table_, key_slots_);
    }
    return *index_;
  }
  const NodeRef* row(uint32_t index) const { return table_.row(index); }

 private:
  const Operator& input_;
  const std::vector<uint32_t>& key_slots_;
  ExecContext& context_;
  Frame frame_;
  RowTable table_;
  std::optional<RowHashIndex> index_;
};

class BindJoinCursor final : public Cursor {
 public:
  BindJoinCursor(const Operator& left, const Operator& right, ExecContext& context,
                 const Frame& frame)
      : right_(right),
        context_(context),
        graph_(frame.graph),
        left_(left.open(context, frame), context.width) {}

  bool next(RowBatch& out) override {
    size_t before = out.size();
    while (!out.full()) {
      if (!right_cursor_) {
        if (!left_.advance()) break;
        right_cursor_ = right_.open(context_, Frame{left_.current(), graph_});
      }
      if (!right_cursor_->next(out)) right_cursor_.reset();
    }
    return out.size() > before;
  }

 private:
  const Operator& right_;
  ExecContext& context_;
  const ActiveGraph* graph_;
  RowStream left_;
  CursorPtr right_cursor_;
};

class HashJoinCursor final : public Cursor {
 public:
  HashJoinCursor(const Operator& probe, const Operator& build,
                 const std::vector<uint32_t>& key_slots, ExecContext& context, const Frame& frame)
      : build_(build, key_slots, context, frame),
        probe_(probe.open(context, frame), context.width),
        width_(context.width) {}

  bool next(RowBatch& out) override {
    size_t before = out.size();
    const RowHashIndex& index = build_.index();
    while (!out.full()) {
      if (chain_ == RowHashIndex::kEnd) {
        if (!probe_.advance()) break;
        chain_ = index.first(probe_.current());
        continue;
      }
      uint32_t candidate = chain_;
      chain_ = index.next(candidate);
      const NodeRef* probe_row = probe_.current();
      const NodeRef* build_row = build_.row(candidate);
      if (!index.key_matches(candidate, probe_row) || !compatible(probe_row, build_row, width_))
        continue;
      merge_into(out.append_unbound(), probe_row, build_row, width_);
    }
    return out.size() > before;
  }

 private:
  BuildSide build_;
  RowStream probe_;
  size_t width_;
  uint32_t chain_ = RowHashIndex::kEnd;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// BindJoin and HashJoin

BindJoin::BindJoin(OperatorPtr left, OperatorPtr right, Estimate estimate)
    : left_(std::move(left)), right_(std::move(right)) {
  estimate_ = estimate;
  certain_ = left_->certain() | right_->certain();
  possible_ = left_->possible() | right_->possible();
}

CursorPtr BindJoin::open(ExecContext& context, const Frame& frame) const {
  return std::make_unique<BindJoinCursor>(*left_, *right_, context, frame);
}

std::string BindJoin::describe(const Query&) const {
  return "BindJoin (index nested loop)";
}

HashJoin::HashJoin(OperatorPtr left, OperatorPtr right, bool build_left, Estimate estimate,
                   bool keyed)
    : left_(std::move(left)), right_(std::move(right)), build_left_(build_left) {
  if (keyed) key_slots_ = join_key_slots(*left_, *right_);
  estimate_ = estimate;
  certain_ = left_->certain() | right_->certain();
  possible_ = left_->possible() | right_->possible();
}

CursorPtr HashJoin::open(ExecContext& context, const Frame& frame) const {
  const Operator& build = build_left_ ? *left_ : *right_;
  const Operator& probe = build_left_ ? *right_ : *left_;
  return std::make_unique<HashJoinCursor>(probe, build, key_slots_, context, frame);
}

std::string HashJoin::describe(const Query& query) const {
  std::string side = build_left_ ? " (build left)" : " (build right)";
  if (key_slots_.empty()) return "NestedLoopJoin" + side;
  return "HashJoin on " + key_text(query, key_slots_) + side;
}

// ---------------------------------------------------------------------------------------------
// LeftJoin

namespace {

class BindLeftJoinCursor final : public Cursor {
 public:
  BindLeftJoinCursor(const Operator& left, const Operator& right, const CompiledFilter* filter,
                     ExecContext& context, const Frame& frame)
      : right_(right),
        filter_(filter),
        context_(context),
        graph_(frame.graph),
        left_(left.open(context, frame), context.width) {}

  bool next(RowBatch& out) override {
    size_t before = out.size();
    while (!out.full()) {
      if (!right_cursor_) {
        if (!left_.advance()) break;
        right_cursor_ = right_.open(context_, Frame{left_.current(), graph_});
        matched_ = false;
      }
      size_t start = out.size();
      if (!right_cursor_->next(out)) {
        right_cursor_.reset();
        if (!matched_) out.append(left_.current());
        continue;
      }
      if (filter_)
        out.retain_from(
            start, [&](const NodeRef* row) { return filter_->passes(row, context_, *graph_); });
      matched_ = matched_ || out.size() > start;
    }
    return out.size() > before;
  }

 private:
  const Operator& right_;
  const CompiledFilter* filter_;
  ExecContext& context_;
  const ActiveGraph* graph_;
  RowStream left_;
  CursorPtr right_cursor_;
  bool matched_ = false;
};

class HashLeftJoinCursor final : public Cursor {
 public:
  HashLeftJoinCursor(const Operator& left, const Operator& right,
                     const std::vector<uint32_t>& key_slots, const CompiledFilter* filter,
                     ExecContext& context, const Frame& frame)
      : filter_(filter),
        context_(context),
        graph_(frame.graph),
        build_(right, key_slots, context, frame),
        left_(left.open(context, frame), context.width),
        width_(context.width) {}

  bool next(RowBatch& out) override {
    size_t before = out.size();
    const RowHashIndex& index = build_.index();
    while (!out.full()) {
      if (!active_) {
        if (!left_.advance()) break;
        chain_ = index.first(left_.current());
        matched_ = false;
        active_ = true;
      }
      const NodeRef* left_row = left_.current();
      if (chain_ == RowHashIndex::kEnd) {
        if (!matched_) out.append(left_row);
        active_ = false;
        continue;
      }
      uint32_t candidate = chain_;
      chain_ = index.next(candidate);
      const NodeRef* right_row = build_.row(candidate);
      if (!index.key_matches(candidate, left_row) || !compatible(left_row, right_row, width_))
        continue;
      NodeRef* merged = out.append_unbound();
      merge_into(merged, left_row, right_row, width_);
      if (filter_ && !filter_->passes(merged, context_, *graph_)) {
        out.pop_back();
        continue;
      }
      matched_ = true;
    }
    return out.size() > before;
  }

 private:
  const CompiledFilter* filter_;
  ExecContext& context_;
  const ActiveGraph* graph_;
  BuildSide build_;
  RowStream left_;
  size_t width_;
  uint32_t chain_ = RowHashIndex::kEnd;
  bool active_ = false;
  bool matched_ = false;
};

}  // namespace

LeftJoin::LeftJoin(OperatorPtr left, OperatorPtr right, std::vector<Expr> filter_exprs,
                   std::shared_ptr<const CompiledFilter> filter, Method method, Estimate estimate)
    : left_(std::move(left)),
      right_(std::move(right)),
      filter_exprs_(std::move(filter_exprs)),
      filter_(std::move(filter)),
      method_(method) {
  if (method_ == Method::Hash) key_slots_ = join_key_slots(*left_, *right_);
  if (filter_ && filter_->empty()) filter_.reset();
  estimate_ = estimate;
  certain_ = left_->certain();
  possible_ = left_->possible() | right_->possible();
}

CursorPtr LeftJoin::open(ExecContext& context, const Frame& frame) const {
  if (method_ == Method::Bind)
    return std::make_unique<BindLeftJoinCursor>(*left_, *right_, filter_.get(), context, frame);
  return std::make_unique<HashLeftJoinCursor>(*left_, *right_, key_slots_, filter_.get(), context,
                                              frame);
}

std::string LeftJoin::describe(const Query& query) const {
  std::string text = method_ == Method::Bind ? "BindLeftJoin (index nested loop)"
                     : key_slots_.empty()    ? "NestedLoopLeftJoin"
                                             : "HashLeftJoin on " + key_text(query, key_slots_);
  for (const Expr& expr : filter_exprs_)
    text += " filter " + to_sse(expr, query);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Minus

namespace {

class MinusCursor final : public RowwiseCursor {
 public:
  MinusCursor(const Operator& left, const Operator& right, const std::vector<uint32_t>& key_slots,
              const std::vector<uint32_t>& shared_slots, ExecContext& context, const Frame& frame)
      : RowwiseCursor(left.open(context, frame), context.width),
        build_(right, key_slots, context, frame),
        shared_slots_(shared_slots),
        width_(context.width) {}

 protected:
  void process(const NodeRef* row, RowBatch& out) override {
    const RowHashIndex& index = build_.index();
    for (uint32_t candidate = index.first(row); candidate != RowHashIndex::kEnd;
         candidate = index.next(candidate)) {
      const NodeRef* other = build_.row(candidate);
      if (index.key_matches(candidate, row) && compatible(row, other, width_) &&
          share_bound_variable(row, other))
        return;
    }
    out.append(row);
  }

 private:
  // Only the variables of the two patterns count, not those of a seed both sides carry.
  bool share_bound_variable(const NodeRef* row, const NodeRef* other) const {
    for (uint32_t slot : shared_slots_)
      if (row[slot] && other[slot]) return true;
    return false;
  }

  BuildSide build_;
  const std::vector<uint32_t>& shared_slots_;
  size_t width_;
};

}  // namespace

Minus::Minus(OperatorPtr left, OperatorPtr right, bool keyed)
    : left_(std::move(left)), right_(std::move(right)) {
  if (keyed) key_slots_ = join_key_slots(*left_, *right_);
  for (Variable variable : (left_->possible() & right_->possible()).to_vector())
    shared_slots_.push_back(variable.id);
  estimate_ = {left_->estimate().rows, left_->estimate().cost + right_->estimate().cost +
                                           left_->estimate().rows + right_->estimate().rows};
  certain_ = left_->certain();
  possible_ = left_->possible();
}

CursorPtr Minus::open(ExecContext& context, const Frame& frame) const {
  return std::make_unique<MinusCursor>(*left_, *right_, key_slots_, shared_slots_, context, frame);
}

std::string Minus::describe(const Query& query) const {
  if (key_slots_.empty()) return "NestedLoopMinus";
  return "HashMinus on " + key_text(query, key_slots_);
}

}  // namespace kg::sparql::engine
