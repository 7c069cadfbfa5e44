#include "sparql/engine/relational.hpp"

#include "util/error.hpp"

namespace kg::sparql::engine {

// ---------------------------------------------------------------------------------------------
// Filter

namespace {

class FilterCursor final : public RowwiseCursor {
 public:
  FilterCursor(CursorPtr input, const CompiledFilter& filter, ExecContext& context,
               const ActiveGraph& graph)
      : RowwiseCursor(std::move(input), context.width),
        filter_(filter),
        context_(context),
        graph_(graph) {}

 protected:
  void process(const NodeRef* row, RowBatch& out) override {
    if (filter_.passes(row, context_, graph_)) out.append(row);
  }

 private:
  const CompiledFilter& filter_;
  ExecContext& context_;
  const ActiveGraph& graph_;
};

}  // namespace

Filter::Filter(OperatorPtr input, std::vector<Expr> exprs,
               std::shared_ptr<const CompiledFilter> filter, bool accepts_bindings)
    : input_(std::move(input)),
      exprs_(std::move(exprs)),
      filter_(std::move(filter)),
      accepts_bindings_(accepts_bindings && input_->accepts_bindings()) {
  // Each conjunct is guessed to keep a third of the rows, as Jena and RDF-3X do.
  double selectivity = 1.0;
  for (size_t i = 0; i < exprs_.size(); ++i)
    selectivity /= 3;
  if (filter_->rejects_everything()) selectivity = 0;
  const Estimate& input_estimate = input_->estimate();
  estimate_ = {input_estimate.rows * selectivity, input_estimate.cost + input_estimate.rows};
  certain_ = input_->certain();
  possible_ = input_->possible();
}

CursorPtr Filter::open(ExecContext& context, const Frame& frame) const {
  return std::make_unique<FilterCursor>(input_->open(context, frame), *filter_, context,
                                        *frame.graph);
}

std::string Filter::describe(const Query& query) const {
  std::string text = "Filter";
  for (const Expr& expr : exprs_)
    text += " " + to_sse(expr, query);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Extend

namespace {

class ExtendCursor final : public RowwiseCursor {
 public:
  ExtendCursor(CursorPtr input, const std::vector<Extend::Assignment>& assignments,
               ExecContext& context, const ActiveGraph& graph)
      : RowwiseCursor(std::move(input), context.width),
        assignments_(assignments),
        context_(context),
        graph_(graph) {}

 protected:
  void process(const NodeRef* row, RowBatch& out) override {
    context_.functions.start_solution();
    NodeRef* extended = out.append(row);
    for (const Extend::Assignment& assignment : assignments_) {
      NodeRef node = evaluate(*assignment.compiled, extended);
      if (!node) continue;  // an error leaves the variable unbound
      NodeRef& cell = extended[assignment.variable.id];
      // Only a seed can have bound the variable already: the row then joins with it only if
      // they agree.
      if (cell && cell != node) {
        out.pop_back();
        return;
      }
      cell = node;
    }
  }

 private:
  NodeRef evaluate(const CompiledExpr& expr, const NodeRef* row) {
    if (std::optional<uint32_t> slot = expr.variable_slot()) return row[*slot];
    return expr.evaluate(row, context_, graph_).to_node(context_.store.world());
  }

  const std::vector<Extend::Assignment>& assignments_;
  ExecContext& context_;
  const ActiveGraph& graph_;
};

}  // namespace

Extend::Extend(OperatorPtr input, std::vector<Assignment> assignments, bool accepts_bindings)
    : input_(std::move(input)),
      assignments_(std::move(assignments)),
      accepts_bindings_(accepts_bindings && input_->accepts_bindings()) {
  const Estimate& input_estimate = input_->estimate();
  estimate_ = {input_estimate.rows,
               input_estimate.cost + input_estimate.rows * assignments_.size()};
  certain_ = input_->certain();
  possible_ = input_->possible();
  for (const Assignment& assignment : assignments_)
    possible_.insert(assignment.variable);
}

CursorPtr Extend::open(ExecContext& context, const Frame& frame) const {
  return std::make_unique<ExtendCursor>(input_->open(context, frame), assignments_, context,
                                        *frame.graph);
}

std::string Extend::describe(const Query& query) const {
  std::string text = "Extend";
  for (const Assignment& assignment : assignments_)
    text += " (" + variable_name(query, assignment.variable) + " " +
            to_sse(assignment.expr, query) + ")";
  return text;
}

// ---------------------------------------------------------------------------------------------
// Union

namespace {

class UnionCursor final : public Cursor {
 public:
  UnionCursor(const std::vector<OperatorPtr>& branches, ExecContext& context, const Frame& frame)
      : branches_(branches), context_(context), frame_(frame) {}

  bool next(RowBatch& out) override {
    while (position_ < branches_.size()) {
      if (!current_) current_ = branches_[position_]->open(context_, frame_);
      if (current_->next(out)) return true;
      current_.reset();
      ++position_;
    }
    return false;
  }

 private:
  const std::vector<OperatorPtr>& branches_;
  ExecContext& context_;
  Frame frame_;
  size_t position_ = 0;
  CursorPtr current_;
};

}  // namespace

Union::Union(std::vector<OperatorPtr> branches) : branches_(std::move(branches)) {
  estimate_ = {0, 0};
  for (size_t i = 0; i < branches_.size(); ++i) {
    const Operator& branch = *branches_[i];
    estimate_.rows += branch.estimate().rows;
    estimate_.cost += branch.estimate().cost;
    possible_ |= branch.possible();
    if (i == 0)
      certain_ = branch.certain();
    else
      certain_ &= branch.certain();
  }
}

CursorPtr Union::open(ExecContext& context, const Frame& frame) const {
  return std::make_unique<UnionCursor>(branches_, context, frame);
}

std::string Union::describe(const Query&) const {
  return "Union";
}

std::vector<const Operator*> Union::children() const {
  std::vector<const Operator*> children;
  for (const OperatorPtr& branch : branches_)
    children.push_back(branch.get());
  return children;
}

bool Union::accepts_bindings() const {
  for (const OperatorPtr& branch : branches_)
    if (!branch->accepts_bindings()) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// GraphScope

namespace {

class GraphCursor final : public Cursor {
 public:
  GraphCursor(const Operator& input, std::vector<NodeRef> graphs, std::optional<Variable> variable,
              ExecContext& context, const Frame& frame)
      : input_(input),
        graphs_(std::move(graphs)),
        variable_(variable),
        context_(context),
        seed_(frame.seed, frame.seed + context.width) {}

  bool next(RowBatch& out) override {
    size_t before = out.size();
    while (!out.full()) {
      if (!current_ && !open_next()) break;
      size_t start = out.size();
      if (!current_->next(out)) {
        current_.reset();
        continue;
      }
      if (variable_) bind_graph(out, start);
    }
    return out.size() > before;
  }

 private:
  bool open_next() {
    if (position_ == graphs_.size()) return false;
    graph_ = ActiveGraph::one(graphs_[position_++]);
    if (variable_ && input_.accepts_bindings()) seed_[variable_->id] = graph_.graph;
    current_ = input_.open(context_, Frame{seed_.data(), &graph_});
    return true;
  }

  // Where the input could not take ?g as a seed, its rows are joined with ?g here.
  void bind_graph(RowBatch& out, size_t start) const {
    uint32_t slot = variable_->id;
    NodeRef graph = graph_.graph;
    out.retain_from(start, [&](NodeRef* row) {
      if (!row[slot]) row[slot] = graph;
      return row[slot] == graph;
    });
  }

  const Operator& input_;
  std::vector<NodeRef> graphs_;
  std::optional<Variable> variable_;
  ExecContext& context_;
  std::vector<NodeRef> seed_;
  size_t position_ = 0;
  ActiveGraph graph_;
  CursorPtr current_;
};

}  // namespace

GraphScope::GraphScope(OperatorPtr input, NodeRef graph, std::optional<Variable> variable,
                       double named_graphs)
    : input_(std::move(input)), graph_(graph), variable_(variable) {
  double graphs = variable_ ? named_graphs : 1;
  // The input's estimate is over the union of all graphs: a variable graph splits it up.
  estimate_ = {input_->estimate().rows, input_->estimate().cost + graphs};
  certain_ = input_->certain();
  possible_ = input_->possible();
  if (variable_) {
    certain_.insert(*variable_);
    possible_.insert(*variable_);
  }
}

CursorPtr GraphScope::open(ExecContext& context, const Frame& frame) const {
  std::vector<NodeRef> graphs;
  NodeRef fixed = variable_ ? frame.seed[variable_->id] : graph_;
  if (fixed) {
    if (context.is_named_graph(fixed)) graphs.push_back(fixed);
  } else {
    graphs = context.named_graphs();
  }
  return std::make_unique<GraphCursor>(*input_, std::move(graphs), variable_, context, frame);
}

std::string GraphScope::describe(const Query& query) const {
  return "Graph " + (variable_ ? variable_name(query, *variable_) : node_text(query, graph_));
}

// ---------------------------------------------------------------------------------------------
// Service

namespace {

class ServiceCursor final : public Cursor {
 public:
  ServiceCursor(std::vector<std::vector<NodeRef>> rows, const NodeRef* seed, size_t width)
      : rows_(std::move(rows)), seed_(seed), width_(width) {}

  bool next(RowBatch& out) override {
    size_t before = out.size();
    while (!out.full() && position_ < rows_.size()) {
      const std::vector<NodeRef>& row = rows_[position_++];
      if (row.size() != width_) throw Error("a local SERVICE returned rows of the wrong width");
      if (compatible(seed_, row.data(), width_))
        merge_into(out.append_unbound(), seed_, row.data(), width_);
    }
    return out.size() > before;
  }

 private:
  std::vector<std::vector<NodeRef>> rows_;
  const NodeRef* seed_;
  size_t width_;
  size_t position_ = 0;
};

}  // namespace

Service::Service(const Op& algebra, NodeRef endpoint, bool silent, size_t variable_count)
    : algebra_(algebra), endpoint_(endpoint), silent_(silent) {
  estimate_ = {100, 1000};
  // A local service may bind any of the query's variables.
  for (size_t id = 0; id < variable_count; ++id)
    possible_.insert(Variable{static_cast<uint32_t>(id)});
}

CursorPtr Service::open(ExecContext& context, const Frame& frame) const {
  std::string iri = endpoint_ ? std::string(endpoint_.value()) : std::string();
  auto found = context.options.services.find(iri);
  std::vector<std::vector<NodeRef>> rows;
  if (found != context.options.services.end()) {
    rows = found->second(*algebra_.children.at(0), context.query, context.dataset);
  } else if (silent_) {
    rows.emplace_back(context.width);
  } else {
    throw Error("SERVICE <" + iri + "> is not available: kg answers only local services");
  }
  return std::make_unique<ServiceCursor>(std::move(rows), frame.seed, context.width);
}

std::string Service::describe(const Query& query) const {
  return std::string("Service ") + (silent_ ? "SILENT " : "") + node_text(query, endpoint_);
}

}  // namespace kg::sparql::engine
