#include "sparql/engine/path.hpp"

#include <algorithm>

namespace kg::sparql::engine {

using Kind = PathExpr::Kind;

bool CompiledPath::matches_empty() const {
  switch (kind) {
    case Kind::ZeroOrMore:
    case Kind::ZeroOrOne:
      return true;
    case Kind::Inverse:
    case Kind::OneOrMore:
      return operands[0].matches_empty();
    case Kind::Sequence:
      return operands[0].matches_empty() && operands[1].matches_empty();
    case Kind::Alternative:
      return operands[0].matches_empty() || operands[1].matches_empty();
    case Kind::Link:
    case Kind::NegatedSet:
      return false;
  }
  return false;
}

CompiledPath compile_path(const PathExpr& path, rdf::World& world) {
  CompiledPath compiled;
  compiled.kind = path.kind;
  if (path.kind == Kind::Link) compiled.iri = world.intern(path.iri);
  for (const PathExpr& operand : path.operands)
    compiled.operands.push_back(compile_path(operand, world));
  for (const Term& iri : path.forward)
    compiled.forward.push_back(world.intern(iri));
  for (const Term& iri : path.inverse)
    compiled.inverse.push_back(world.intern(iri));
  return compiled;
}

// ---------------------------------------------------------------------------------------------
// PathWalker

void PathWalker::step(const CompiledPath& path, NodeRef start, bool forward,
                      std::vector<NodeRef>& out) {
  switch (path.kind) {
    case Kind::Link: {
      TripleMatches matches(store_, graph_, forward ? start : NodeRef(), path.iri,
                            forward ? NodeRef() : start);
      rdf::Quad quad;
      while (matches.next(quad))
        out.push_back(forward ? quad.object : quad.subject);
      return;
    }
    case Kind::Inverse:
      step(path.operands[0], start, !forward, out);
      return;
    case Kind::Sequence: {
      const CompiledPath& first = path.operands[forward ? 0 : 1];
      const CompiledPath& second = path.operands[forward ? 1 : 0];
      std::vector<NodeRef> middles;
      step(first, start, forward, middles);
      for (NodeRef middle : middles)
        step(second, middle, forward, out);
      return;
    }
    case Kind::Alternative:
      step(path.operands[0], start, forward, out);
      step(path.operands[1], start, forward, out);
      return;
    case Kind::ZeroOrMore:
      closure(path.operands[0], start, forward, true, out);
      return;
    case Kind::OneOrMore:
      closure(path.operands[0], start, forward, false, out);
      return;
    case Kind::ZeroOrOne: {
      size_t first = out.size();
      out.push_back(start);
      step(path.operands[0], start, forward, out);
      // ZeroOrOnePath is a set of pairs: each end once.
      std::unordered_set<NodeRef> seen;
      auto kept = std::remove_if(out.begin() + static_cast<ptrdiff_t>(first), out.end(),
                                 [&](NodeRef node) { return !seen.insert(node).second; });
      out.erase(kept, out.end());
      return;
    }
    case Kind::NegatedSet:
      negated(path, start, forward, out);
      return;
  }
}

void PathWalker::closure(const CompiledPath& operand, NodeRef start, bool forward,
                         bool include_start, std::vector<NodeRef>& out) {
  std::unordered_set<NodeRef> visited;
  std::vector<NodeRef> frontier{start};
  if (include_start) {
    visited.insert(start);
    out.push_back(start);
  }
  std::vector<NodeRef> reached;
  while (!frontier.empty()) {
    NodeRef node = frontier.back();
    frontier.pop_back();
    reached.clear();
    step(operand, node, forward, reached);
    for (NodeRef next : reached) {
      if (!visited.insert(next).second) continue;
      out.push_back(next);
      frontier.push_back(next);
    }
  }
}

void PathWalker::negated(const CompiledPath& path, NodeRef start, bool forward,
                         std::vector<NodeRef>& out) {
  // !(a|^b) is the alternative of !a followed forward and !b followed backward; a part whose
  // list is empty does not exist (!(^b) matches no forward triple).
  auto walk = [&](const std::vector<NodeRef>& excluded, bool outgoing) {
    TripleMatches matches(store_, graph_, outgoing ? start : NodeRef(), {},
                          outgoing ? NodeRef() : start);
    rdf::Quad quad;
    while (matches.next(quad)) {
      if (std::find(excluded.begin(), excluded.end(), quad.predicate) != excluded.end()) continue;
      out.push_back(outgoing ? quad.object : quad.subject);
    }
  };
  if (!path.forward.empty()) walk(path.forward, forward);
  if (!path.inverse.empty()) walk(path.inverse, !forward);
}

// ---------------------------------------------------------------------------------------------
// PathScan

namespace {

class PathCursor final : public Cursor {
 public:
  PathCursor(const PatternSlot& subject, const CompiledPath& path, const PatternSlot& object,
             ExecContext& context, const Frame& frame)
      : subject_(subject),
        path_(path),
        object_(object),
        seed_(frame.seed),
        walker_(context.store, *frame.graph) {
    subject_node_ = resolve(subject_);
    object_node_ = resolve(object_);
    same_variable_ =
        subject_.variable && object_.variable && *subject_.variable == *object_.variable;
    if (subject_node_ || object_node_) {
      starts_.push_back(subject_node_ ? subject_node_ : object_node_);
    } else {
      starts_ = context.graph_nodes(*frame.graph);
    }
  }

  bool next(RowBatch& out) override {
    size_t before = out.size();
    while (!out.full()) {
      if (end_position_ == ends_.size()) {
        if (start_position_ == starts_.size()) break;
        start_ = starts_[start_position_++];
        ends_.clear();
        end_position_ = 0;
        walker_.step(path_, start_, subject_node_ || !object_node_, ends_);
        continue;
      }
      emit(ends_[end_position_++], out);
    }
    return out.size() > before;
  }

 private:
  NodeRef resolve(const PatternSlot& slot) const {
    return slot.variable ? seed_[slot.variable->id] : slot.constant;
  }

  void emit(NodeRef end, RowBatch& out) {
    bool walking_forward = subject_node_ || !object_node_;
    NodeRef subject = walking_forward ? start_ : end;
    NodeRef object = walking_forward ? end : start_;
    if (subject_node_ && object_node_ && object != object_node_) return;
    if (same_variable_ && subject != object) return;
    NodeRef* row = out.append(seed_);
    if (subject_.variable) row[subject_.variable->id] = subject;
    if (object_.variable) row[object_.variable->id] = object;
  }

  const PatternSlot& subject_;
  const CompiledPath& path_;
  const PatternSlot& object_;
  const NodeRef* seed_;
  PathWalker walker_;
  NodeRef subject_node_, object_node_;
  bool same_variable_ = false;
  std::vector<NodeRef> starts_;
  size_t start_position_ = 0;
  NodeRef start_;
  std::vector<NodeRef> ends_;
  size_t end_position_ = 0;
};

}  // namespace

PathScan::PathScan(PatternSlot subject, CompiledPath path, PatternSlot object, Estimate estimate)
    : subject_(subject), path_(std::move(path)), object_(object) {
  estimate_ = estimate;
  for (const PatternSlot* slot : {&subject_, &object_})
    if (slot->variable) certain_.insert(*slot->variable);
  possible_ = certain_;
}

CursorPtr PathScan::open(ExecContext& context, const Frame& frame) const {
  return std::make_unique<PathCursor>(subject_, path_, object_, context, frame);
}

std::string path_text(const Query& query, const CompiledPath& path) {
  auto operand = [&](size_t i) { return path_text(query, path.operands[i]); };
  switch (path.kind) {
    case Kind::Link:
      return node_text(query, path.iri);
    case Kind::Inverse:
      return "^" + operand(0);
    case Kind::Sequence:
      return "(" + operand(0) + "/" + operand(1) + ")";
    case Kind::Alternative:
      return "(" + operand(0) + "|" + operand(1) + ")";
    case Kind::ZeroOrMore:
      return operand(0) + "*";
    case Kind::OneOrMore:
      return operand(0) + "+";
    case Kind::ZeroOrOne:
      return operand(0) + "?";
    case Kind::NegatedSet: {
      std::string text = "!(";
      for (NodeRef iri : path.forward)
        text += (text.size() > 2 ? "|" : "") + node_text(query, iri);
      for (NodeRef iri : path.inverse)
        text += (text.size() > 2 ? "|^" : "^") + node_text(query, iri);
      return text + ")";
    }
  }
  return "?";
}

std::string PathScan::describe(const Query& query) const {
  auto end = [&](const PatternSlot& slot) {
    return slot.variable ? variable_name(query, *slot.variable) : node_text(query, slot.constant);
  };
  return "PathScan " + end(subject_) + " " + path_text(query, path_) + " " + end(object_);
}

}  // namespace kg::sparql::engine
