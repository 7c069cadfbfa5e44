#include "validate/shacl/path.hpp"

#include <string>
#include <unordered_set>

#include "rdf/prefixes.hpp"
#include "validate/shacl/graph_view.hpp"
#include "validate/shacl/vocabulary.hpp"

namespace kg::validate::shacl {

using rdf::NodeRef;

namespace {

// ---------------------------------------------------------------------------------------------
// Reading

class PathReader {
 public:
  PathReader(const GraphView& shapes, const Vocab& vocab) : shapes_(shapes), vocab_(vocab) {}

  Path read(NodeRef node) {
    if (node.is_iri()) return Path{PathKind::Predicate, node, {}};
    if (!node.is_blank()) fail(node, "is not an IRI or a blank node");
    // A path that contains itself would describe an infinite expression.
    if (!open_.insert(node).second) fail(node, "contains itself");
    Path path = read_blank(node);
    open_.erase(node);
    return path;
  }

 private:
  Path read_blank(NodeRef node) {
    if (shapes_.contains(node, vocab_.rdf_first, {})) {
      return Path{PathKind::Sequence, {}, read_members(node, node)};
    }
    struct Unary {
      NodeRef predicate;
      PathKind kind;
    };
    const Unary unary[] = {{vocab_.inverse_path, PathKind::Inverse},
                           {vocab_.zero_or_more_path, PathKind::ZeroOrMore},
                           {vocab_.one_or_more_path, PathKind::OneOrMore},
                           {vocab_.zero_or_one_path, PathKind::ZeroOrOne}};
    std::vector<NodeRef> alternatives = shapes_.objects(node, vocab_.alternative_path);
    if (alternatives.size() == 1)
      return Path{PathKind::Alternative, {}, read_members(node, alternatives.front())};
    for (const Unary& form : unary) {
      std::vector<NodeRef> operand = shapes_.objects(node, form.predicate);
      if (operand.size() == 1) return Path{form.kind, {}, {read(operand.front())}};
    }
    fail(node, "has none of the path forms of SHACL §2.3.1");
  }

  std::vector<Path> read_members(NodeRef path_node, NodeRef list_head) {
    std::optional<std::vector<NodeRef>> members = shapes_.list(list_head, vocab_);
    if (!members || members->size() < 2) fail(path_node, "needs a list of at least two paths");
    std::vector<Path> operands;
    for (NodeRef member : *members)
      operands.push_back(read(member));
    return operands;
  }

  [[noreturn]] void fail(NodeRef node, const std::string& problem) {
    throw ValidationFailure("ill-formed SHACL path " + node.to_ntriples() + ": it " + problem);
  }

  const GraphView& shapes_;
  const Vocab& vocab_;
  std::unordered_set<NodeRef> open_;
};

// ---------------------------------------------------------------------------------------------
// Following

// The nodes reached from `from` along the path; backwards when !forward (for ^path). Each node
// once, in the order first reached.
class PathWalker {
 public:
  explicit PathWalker(const GraphView& data) : data_(data) {}

  std::vector<NodeRef> walk(const Path& path, const std::vector<NodeRef>& from, bool forward) {
    switch (path.kind) {
      case PathKind::Predicate:
        return step(path.predicate, from, forward);
      case PathKind::Inverse:
        return walk(path.operands.front(), from, !forward);
      case PathKind::Sequence:
        return walk_sequence(path, from, forward);
      case PathKind::Alternative:
        return walk_alternatives(path, from, forward);
      case PathKind::ZeroOrMore:
        return closure(path.operands.front(), from, forward, true);
      case PathKind::OneOrMore:
        return closure(path.operands.front(), from, forward, false);
      case PathKind::ZeroOrOne: {
        std::vector<NodeRef> reached = from;
        append_new(reached, walk(path.operands.front(), from, forward));
        return reached;
      }
    }
    return {};
  }

 private:
  std::vector<NodeRef> step(NodeRef predicate, const std::vector<NodeRef>& from, bool forward) {
    std::vector<NodeRef> reached;
    for (NodeRef node : from)
      append_new(reached,
                 forward ? data_.objects(node, predicate) : data_.subjects(predicate, node));
    return reached;
  }

  std::vector<NodeRef> walk_sequence(const Path& path, std::vector<NodeRef> nodes, bool forward) {
    if (forward) {
      for (const Path& operand : path.operands)
        nodes = walk(operand, nodes, forward);
    } else {
      for (auto it = path.operands.rbegin(); it != path.operands.rend(); ++it)
        nodes = walk(*it, nodes, forward);
    }
    return nodes;
  }

  std::vector<NodeRef> walk_alternatives(const Path& path, const std::vector<NodeRef>& from,
                                         bool forward) {
    std::vector<NodeRef> reached;
    for (const Path& operand : path.operands)
      append_new(reached, walk(operand, from, forward));
    return reached;
  }

  std::vector<NodeRef> closure(const Path& operand, const std::vector<NodeRef>& from, bool forward,
                               bool include_start) {
    std::vector<NodeRef> reached = include_start ? from : std::vector<NodeRef>();
    std::unordered_set<NodeRef> seen(reached.begin(), reached.end());
    std::vector<NodeRef> frontier = from;
    while (!frontier.empty()) {
      std::vector<NodeRef> next;
      for (NodeRef node : walk(operand, frontier, forward))
        if (seen.insert(node).second) next.push_back(node);
      reached.insert(reached.end(), next.begin(), next.end());
      frontier = std::move(next);
    }
    return reached;
  }

  static void append_new(std::vector<NodeRef>& into, const std::vector<NodeRef>& more) {
    std::unordered_set<NodeRef> present(into.begin(), into.end());
    for (NodeRef node : more)
      if (present.insert(node).second) into.push_back(node);
  }

  const GraphView& data_;
};

std::string path_operator(PathKind kind) {
  switch (kind) {
    case PathKind::ZeroOrMore:
      return "*";
    case PathKind::OneOrMore:
      return "+";
    case PathKind::ZeroOrOne:
      return "?";
    default:
      return "";
  }
}

}  // namespace

PropertyPath Path::describe() const {
  PropertyPath described{kind, predicate ? predicate.to_term() : rdf::Term(), {}};
  for (const Path& operand : operands)
    described.operands.push_back(operand.describe());
  return described;
}

Path read_path(const GraphView& shapes, NodeRef node, const Vocab& vocab) {
  return PathReader(shapes, vocab).read(node);
}

std::vector<NodeRef> follow_path(const Path& path, const GraphView& data, NodeRef focus) {
  return PathWalker(data).walk(path, {focus}, true);
}

std::string PropertyPath::to_sparql(const rdf::PrefixMap& prefixes) const {
  // Parenthesised unless it binds tighter than the operator around it: every operator takes a
  // bare IRI, sequences and alternatives also take ^ and postfix forms bare.
  auto operand_text = [&](const PropertyPath& operand) {
    bool bare = operand.kind == PathKind::Predicate ||
                ((kind == PathKind::Sequence || kind == PathKind::Alternative) &&
                 operand.kind != PathKind::Sequence && operand.kind != PathKind::Alternative);
    std::string text = operand.to_sparql(prefixes);
    return bare ? text : "(" + text + ")";
  };
  switch (kind) {
    case PathKind::Predicate: {
      if (auto prefixed = prefixes.abbreviate(iri.value)) return *prefixed;
      return iri.to_ntriples();
    }
    case PathKind::Inverse:
      return "^" + operand_text(operands.front());
    case PathKind::Sequence:
    case PathKind::Alternative: {
      std::string text;
      for (const PropertyPath& operand : operands) {
        if (!text.empty()) text += kind == PathKind::Sequence ? "/" : "|";
        text += operand_text(operand);
      }
      return text;
    }
    default:
      return operand_text(operands.front()) + path_operator(kind);
  }
}

}  // namespace kg::validate::shacl
