#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "sparql/engine/modifiers.hpp"
#include "sparql/functions.hpp"

namespace kg::sparql::engine {

namespace {

// COUNT over solutions or a variable is counted here on the rows' nodes, which saves making a
// value per row (and distinct terms are distinct interned nodes); COUNT(DISTINCT *) must be
// counted here anyway, as the function library's aggregators never see whole solutions.
enum class Counting { None, Solutions, DistinctSolutions, Bound, DistinctBound };

Counting counting_of(const Aggregate& aggregate) {
  if (aggregate.kind != Aggregate::Kind::Count) return Counting::None;
  if (!aggregate.arg) return aggregate.distinct ? Counting::DistinctSolutions : Counting::Solutions;
  if (aggregate.arg->kind != Expr::Kind::Variable) return Counting::None;
  return aggregate.distinct ? Counting::DistinctBound : Counting::Bound;
}

// One aggregate's state within one group.
struct Accumulation {
  std::unique_ptr<Aggregator> aggregator;  // Counting::None
  int64_t count = 0;
  std::optional<RowSet> solutions;    // Counting::DistinctSolutions
  std::unordered_set<NodeRef> nodes;  // Counting::DistinctBound
};
using GroupState = std::vector<Accumulation>;

class GroupCursor final : public Cursor {
 public:
  GroupCursor(const Operator& input, const std::vector<Group::Key>& keys,
              const std::vector<Group::Aggregation>& aggregations, ExecContext& context,
              const Frame& frame)
      : input_(input),
        keys_(keys),
        aggregations_(aggregations),
        context_(context),
        frame_(frame),
        results_(context.width) {}

  bool next(RowBatch& out) override {
    if (!computed_) compute();
    size_t before = out.size();
    while (!out.full() && position_ < results_.size())
      out.append(results_.row(position_++));
    return out.size() > before;
  }

 private:
  GroupState new_group() const {
    GroupState state(aggregations_.size());
    for (size_t i = 0; i < aggregations_.size(); ++i) {
      const Aggregate& aggregate = aggregations_[i].aggregate;
      switch (counting_of(aggregate)) {
        case Counting::None:
          state[i].aggregator = make_aggregator(aggregate);
          break;
        case Counting::DistinctSolutions:
          state[i].solutions.emplace(context_.width, slots_of(input_.possible()));
          break;
        default:
          break;
      }
    }
    return state;
  }

  void accumulate(GroupState& state, const NodeRef* row) {
    for (size_t i = 0; i < aggregations_.size(); ++i) {
      const Group::Aggregation& aggregation = aggregations_[i];
      Accumulation& accumulation = state[i];
      switch (counting_of(aggregation.aggregate)) {
        case Counting::None:
          accumulation.aggregator->add(
              aggregation.argument->evaluate(row, context_, *frame_.graph));
          break;
        case Counting::Solutions:
          ++accumulation.count;
          break;
        case Counting::DistinctSolutions:
          accumulation.count += accumulation.solutions->insert(row);
          break;
        case Counting::Bound:
          accumulation.count += !row[aggregation.aggregate.arg->variable.id].is_null();
          break;
        case Counting::DistinctBound:
          if (NodeRef node = row[aggregation.aggregate.arg->variable.id])
            accumulation.nodes.insert(node);
          break;
      }
    }
  }

  NodeRef result(const Accumulation& accumulation) {
    if (accumulation.aggregator)
      return accumulation.aggregator->result().to_node(context_.store.world());
    int64_t count = accumulation.count + static_cast<int64_t>(accumulation.nodes.size());
    // Many groups share a count; interning each anew would look the literal up every time.
    auto [cached, inserted] = count_nodes_.try_emplace(count);
    if (inserted) cached->second = Value::integer(count).to_node(context_.store.world());
    return cached->second;
  }

  // A group key that is a plain variable is the row's node itself (null when unbound, as the
  // error an unbound variable evaluates to): no value need be made.
  NodeRef key_node(size_t k, const NodeRef* row) const {
    const Group::Key& key = keys_[k];
    if (std::optional<uint32_t> slot = key.compiled->variable_slot()) return row[*slot];
    return key.compiled->evaluate(row, context_, *frame_.graph).to_node(context_.store.world());
  }

  void compute() {
    computed_ = true;
    std::vector<uint32_t> key_slots(keys_.size());
    std::iota(key_slots.begin(), key_slots.end(), 0);
    RowSet group_keys(keys_.size(), key_slots);
    std::vector<GroupState> groups;
    std::vector<NodeRef> key(keys_.size());
    CursorPtr cursor = input_.open(context_, frame_);
    RowBatch batch(context_.width);
    while (cursor->next(batch)) {
      for (size_t r = 0; r < batch.size(); ++r) {
        const NodeRef* row = batch.row(r);
        context_.functions.start_solution();
        for (size_t k = 0; k < keys_.size(); ++k)
          key[k] = key_node(k, row);
        auto [group, inserted] = group_keys.find_or_insert(key.data());
        if (inserted) groups.push_back(new_group());
        accumulate(groups[group], row);
      }
      batch.clear();
    }
    if (keys_.empty() && groups.empty()) {
      group_keys.insert(key.data());
      groups.push_back(new_group());
    }
    for (uint32_t g = 0; g < groups.size(); ++g)
      emit(group_keys.row(g), groups[g]);
  }

  void emit(const NodeRef* key, const GroupState& state) {
    std::vector<NodeRef> row(frame_.seed, frame_.seed + context_.width);
    auto bind = [&](Variable variable, NodeRef node) {
      NodeRef& cell = row[variable.id];
      if (cell && node && cell != node) return false;
      if (node) cell = node;
      return true;
    };
    for (size_t k = 0; k < keys_.size(); ++k)
      if (!bind(keys_[k].variable, key[k])) return;
    for (size_t i = 0; i < aggregations_.size(); ++i)
      if (!bind(aggregations_[i].variable, result(state[i]))) return;
    results_.append(row.data());
  }

  const Operator& input_;
  const std::vector<Group::Key>& keys_;
  const std::vector<Group::Aggregation>& aggregations_;
  ExecContext& context_;
  Frame frame_;
  RowTable results_;
  std::unordered_map<int64_t, NodeRef> count_nodes_;
  size_t position_ = 0;
  bool computed_ = false;
};

}  // namespace

Group::Group(OperatorPtr input, std::vector<Key> keys, std::vector<Aggregation> aggregations)
    : input_(std::move(input)), keys_(std::move(keys)), aggregations_(std::move(aggregations)) {
  const Estimate& input_estimate = input_->estimate();
  double groups = keys_.empty() ? 1 : std::max(1.0, input_estimate.rows / 10);
  estimate_ = {groups, input_estimate.cost + input_estimate.rows};
  for (const Key& key : keys_)
    possible_.insert(key.variable);
  for (const Aggregation& aggregation : aggregations_)
    possible_.insert(aggregation.variable);
}

CursorPtr Group::open(ExecContext& context, const Frame& frame) const {
  return std::make_unique<GroupCursor>(*input_, keys_, aggregations_, context, frame);
}

std::string Group::describe(const Query& query) const {
  std::string text = "Group by (";
  for (size_t k = 0; k < keys_.size(); ++k)
    text += (k ? " " : "") + variable_name(query, keys_[k].variable);
  text += ")";
  for (const Aggregation& aggregation : aggregations_) {
    text += " " + variable_name(query, aggregation.variable) + "=";
    switch (aggregation.aggregate.kind) {
      case Aggregate::Kind::Count:
        text += "count";
        break;
      case Aggregate::Kind::Sum:
        text += "sum";
        break;
      case Aggregate::Kind::Min:
        text += "min";
        break;
      case Aggregate::Kind::Max:
        text += "max";
        break;
      case Aggregate::Kind::Avg:
        text += "avg";
        break;
      case Aggregate::Kind::Sample:
        text += "sample";
        break;
      case Aggregate::Kind::GroupConcat:
        text += "group_concat";
        break;
    }
    if (aggregation.aggregate.distinct) text += " distinct";
  }
  return text;
}

}  // namespace kg::sparql::engine
