#include "sparql/engine/joins.hpp"

#include <bit>

namespace kg::sparql::engine {

// ---------------------------------------------------------------------------------------------
// RowHashIndex

JoinSlots JoinSlots::of(const Operator& left, const Operator& right, bool keyed) {
  JoinSlots slots;
  VariableSet key = keyed ? left.certain() & right.certain() : VariableSet();
  for (Variable variable : key.to_vector())
    slots.key.push_back(variable.id);
  for (Variable variable : (left.possible() & right.possible()).without(key).to_vector())
    slots.checked.push_back(variable.id);
  return slots;
}

RowHashIndex::RowHashIndex(const RowTable& table, const JoinSlots& slots)
    : table_(table), slots_(slots) {
  size_t buckets = slots_.key.empty() ? 1 : std::bit_ceil(std::max<size_t>(table.size() * 2, 2));
  mask_ = buckets - 1;
  heads_.assign(buckets, kEnd);
  next_.assign(table.size(), kEnd);
  hashes_.resize(table.size());
  // Inserting backwards keeps each chain in table order, so probes see rows in input order.
  for (size_t i = table.size(); i-- > 0;) {
    hashes_[i] = probe(table.row(i)).hash;
    size_t bucket = hashes_[i] & mask_;
    next_[i] = heads_[bucket];
    heads_[bucket] = static_cast<uint32_t>(i);
  }
}

bool RowHashIndex::matches(uint32_t index, const Probe& probe) const {
  if (hashes_[index] != probe.hash) return false;
  const NodeRef* candidate = table_.row(index);
  if (!equal_cells(candidate, probe.row, slots_.key)) return false;
  for (uint32_t slot : slots_.checked)
    if (candidate[slot] && probe.row[slot] && candidate[slot] != probe.row[slot]) return false;
  return true;
}

namespace {

std::string slots_text(const Query& query, const std::vector<uint32_t>& slots) {
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
  BuildSide(const Operator& input, const JoinSlots& slots, ExecContext& context, const Frame& frame)
      : input_(input), slots_(slots), context_(context), frame_(frame), table_(context.width) {}

  const RowHashIndex& index() {
    if (!index_) {
      CursorPtr cursor = input_.open(context_, frame_);
      table_ = materialize(*cursor, context_.width);
      index_.emplace(table_, slots_);
    }
    return *index_;
  }

 private:
  const Operator& input_;
  const JoinSlots& slots_;
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
  HashJoinCursor(const Operator& probe, const Operator& build, const JoinSlots& slots,
                 ExecContext& context, const Frame& frame)
      : build_(build, slots, context, frame),
        probe_(probe.open(context, frame), context.width),
        width_(context.width) {}

  bool next(RowBatch& out) override {
    size_t before = out.size();
    const RowHashIndex& index = build_.index();
    while (!out.full()) {
      if (chain_ == RowHashIndex::kEnd) {
        if (!probe_.advance()) break;
        probe_key_ = index.probe(probe_.current());
        chain_ = index.first(probe_key_);
        continue;
      }
      uint32_t candidate = chain_;
      chain_ = index.next(candidate);
      if (index.matches(candidate, probe_key_))
        merge_into(out.append_unbound(), probe_key_.row, index.row(candidate), width_);
    }
    return out.size() > before;
  }

 private:
  BuildSide build_;
  RowStream probe_;
  size_t width_;
  RowHashIndex::Probe probe_key_{};
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
  slots_ = JoinSlots::of(*left_, *right_, keyed);
  estimate_ = estimate;
  certain_ = left_->certain() | right_->certain();
  possible_ = left_->possible() | right_->possible();
}

CursorPtr HashJoin::open(ExecContext& context, const Frame& frame) const {
  const Operator& build = build_left_ ? *left_ : *right_;
  const Operator& probe = build_left_ ? *right_ : *left_;
  return std::make_unique<HashJoinCursor>(probe, build, slots_, context, frame);
}

std::string HashJoin::describe(const Query& query) const {
  std::string side = build_left_ ? " (build left)" : " (build right)";
  if (slots_.key.empty()) return "NestedLoopJoin" + side;
  return "HashJoin on " + slots_text(query, slots_.key) + side;
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
  HashLeftJoinCursor(const Operator& left, const Operator& right, const JoinSlots& slots,
                     const CompiledFilter* filter, ExecContext& context, const Frame& frame)
      : filter_(filter),
        context_(context),
        graph_(frame.graph),
        build_(right, slots, context, frame),
        left_(left.open(context, frame), context.width),
        width_(context.width) {}

  bool next(RowBatch& out) override {
    size_t before = out.size();
    const RowHashIndex& index = build_.index();
    while (!out.full()) {
      if (!active_) {
        if (!left_.advance()) break;
        left_key_ = index.probe(left_.current());
        chain_ = index.first(left_key_);
        matched_ = false;
        active_ = true;
      }
      if (chain_ == RowHashIndex::kEnd) {
        if (!matched_) out.append(left_key_.row);
        active_ = false;
        continue;
      }
      uint32_t candidate = chain_;
      chain_ = index.next(candidate);
      if (!index.matches(candidate, left_key_)) continue;
      NodeRef* merged = out.append_unbound();
      merge_into(merged, left_key_.row, index.row(candidate), width_);
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
  RowHashIndex::Probe left_key_{};
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
  slots_ = JoinSlots::of(*left_, *right_, method_ == Method::Hash);
  if (filter_ && filter_->empty()) filter_.reset();
  estimate_ = estimate;
  certain_ = left_->certain();
  possible_ = left_->possible() | right_->possible();
}

CursorPtr LeftJoin::open(ExecContext& context, const Frame& frame) const {
  if (method_ == Method::Bind)
    return std::make_unique<BindLeftJoinCursor>(*left_, *right_, filter_.get(), context, frame);
  return std::make_unique<HashLeftJoinCursor>(*left_, *right_, slots_, filter_.get(), context,
                                              frame);
}

std::string LeftJoin::describe(const Query& query) const {
  std::string text = method_ == Method::Bind ? "BindLeftJoin (index nested loop)"
                     : slots_.key.empty()    ? "NestedLoopLeftJoin"
                                             : "HashLeftJoin on " + slots_text(query, slots_.key);
  for (const Expr& expr : filter_exprs_)
    text += " filter " + to_sse(expr, query);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Minus

namespace {

class MinusCursor final : public RowwiseCursor {
 public:
  MinusCursor(const Operator& left, const Operator& right, const JoinSlots& slots,
              ExecContext& context, const Frame& frame)
      : RowwiseCursor(left.open(context, frame), context.width),
        build_(right, slots, context, frame),
        slots_(slots) {}

 protected:
  void process(const NodeRef* row, RowBatch& out) override {
    const RowHashIndex& index = build_.index();
    RowHashIndex::Probe probe = index.probe(row);
    for (uint32_t candidate = index.first(probe); candidate != RowHashIndex::kEnd;
         candidate = index.next(candidate))
      if (index.matches(candidate, probe) && share_bound_variable(row, index.row(candidate)))
        return;
    out.append(row);
  }

 private:
  // Only the variables of the two patterns count, not those of a seed both sides carry: the
  // key (bound on both sides whenever there is one) and the checked ones.
  bool share_bound_variable(const NodeRef* row, const NodeRef* other) const {
    if (!slots_.key.empty()) return true;
    for (uint32_t slot : slots_.checked)
      if (row[slot] && other[slot]) return true;
    return false;
  }

  BuildSide build_;
  const JoinSlots& slots_;
};

}  // namespace

Minus::Minus(OperatorPtr left, OperatorPtr right, bool keyed)
    : left_(std::move(left)), right_(std::move(right)) {
  slots_ = JoinSlots::of(*left_, *right_, keyed);
  estimate_ = {left_->estimate().rows, left_->estimate().cost + right_->estimate().cost +
                                           left_->estimate().rows + right_->estimate().rows};
  certain_ = left_->certain();
  possible_ = left_->possible();
}

CursorPtr Minus::open(ExecContext& context, const Frame& frame) const {
  return std::make_unique<MinusCursor>(*left_, *right_, slots_, context, frame);
}

std::string Minus::describe(const Query& query) const {
  if (slots_.key.empty()) return "NestedLoopMinus";
  return "HashMinus on " + slots_text(query, slots_.key);
}

}  // namespace kg::sparql::engine
