#include <unordered_map>

#include "sparql/engine/modifiers.hpp"
#include "sparql/functions.hpp"

namespace kg::sparql::engine {

namespace {

struct KeyHash {
  size_t operator()(const std::vector<NodeRef>& key) const {
    size_t hash = 0x84222325cbf29ce4ULL;
    for (NodeRef node : key)
      hash = (hash ^ std::hash<NodeRef>{}(node)) * 0x100000001b3ULL;
    return hash;
  }
};

bool counts_distinct_solutions(const Aggregate& aggregate) {
  return aggregate.kind == Aggregate::Kind::Count && aggregate.distinct && !aggregate.arg;
}

// The aggregators of one group. COUNT(DISTINCT *) is distinct over whole solutions, which the
// aggregator cannot see, so those solutions are deduplicated here.
struct GroupState {
  std::vector<std::unique_ptr<Aggregator>> aggregators;
  std::vector<std::optional<RowSet>> distinct_solutions;
};

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
    GroupState state;
    for (const Group::Aggregation& aggregation : aggregations_) {
      Aggregate aggregate = aggregation.aggregate;
      bool whole_solutions = counts_distinct_solutions(aggregate);
      if (whole_solutions) aggregate.distinct = false;
      state.aggregators.push_back(make_aggregator(aggregate));
      std::optional<RowSet> solutions;
      if (whole_solutions) solutions.emplace(context_.width, slots_of(input_.possible()));
      state.distinct_solutions.push_back(std::move(solutions));
    }
    return state;
  }

  void accumulate(GroupState& state, const NodeRef* row) {
    for (size_t i = 0; i < aggregations_.size(); ++i) {
      const Group::Aggregation& aggregation = aggregations_[i];
      if (!aggregation.argument) {
        auto& solutions = state.distinct_solutions[i];
        if (!solutions || solutions->insert(row)) state.aggregators[i]->add(Value::integer(1));
        continue;
      }
      state.aggregators[i]->add(aggregation.argument->evaluate(row, context_, *frame_.graph));
    }
  }

  void compute() {
    computed_ = true;
    std::unordered_map<std::vector<NodeRef>, uint32_t, KeyHash> index;
    std::vector<std::vector<NodeRef>> group_keys;
    std::vector<GroupState> groups;
    std::vector<NodeRef> key(keys_.size());
    CursorPtr cursor = input_.open(context_, frame_);
    RowBatch batch(context_.width);
    while (cursor->next(batch)) {
      for (size_t r = 0; r < batch.size(); ++r) {
        const NodeRef* row = batch.row(r);
        context_.functions.start_solution();
        for (size_t k = 0; k < keys_.size(); ++k)
          key[k] = keys_[k]
                       .compiled->evaluate(row, context_, *frame_.graph)
                       .to_node(context_.store.world());
        auto [found, inserted] = index.try_emplace(key, static_cast<uint32_t>(groups.size()));
        if (inserted) {
          group_keys.push_back(key);
          groups.push_back(new_group());
        }
        accumulate(groups[found->second], row);
      }
      batch.clear();
    }
    if (keys_.empty() && groups.empty()) {
      group_keys.emplace_back();
      groups.push_back(new_group());
    }
    for (size_t g = 0; g < groups.size(); ++g)
      emit(group_keys[g], groups[g]);
  }

  void emit(const std::vector<NodeRef>& key, const GroupState& state) {
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
      if (!bind(aggregations_[i].variable,
                state.aggregators[i]->result().to_node(context_.store.world())))
        return;
    results_.append(row.data());
  }

  const Operator& input_;
  const std::vector<Group::Key>& keys_;
  const std::vector<Group::Aggregation>& aggregations_;
  ExecContext& context_;
  Frame frame_;
  RowTable results_;
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
