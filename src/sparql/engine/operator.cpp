#include "sparql/engine/operator.hpp"

namespace kg::sparql::engine {

bool RowwiseCursor::next(RowBatch& out) {
  size_t before = out.size();
  while (!out.full()) {
    if (position_ == buffer_.size()) {
      if (exhausted_) break;
      buffer_.clear();
      position_ = 0;
      if (!input_->next(buffer_)) {
        exhausted_ = true;
        break;
      }
    }
    while (position_ < buffer_.size() && !out.full())
      process(buffer_.row(position_++), out);
  }
  return out.size() > before;
}

RowTable materialize(Cursor& cursor, size_t width) {
  RowTable table(width);
  RowBatch batch(width);
  while (cursor.next(batch)) {
    table.append_batch(batch);
    batch.clear();
  }
  return table;
}

std::string variable_name(const Query& query, Variable variable) {
  if (variable.id < query.variables.size()) return "?" + query.name(variable);
  return "?_" + std::to_string(variable.id);
}

std::string variable_list(const Query& query, const std::vector<Variable>& variables) {
  std::string text;
  for (Variable variable : variables) {
    if (!text.empty()) text += ' ';
    text += variable_name(query, variable);
  }
  return text;
}

std::string node_text(const Query& query, NodeRef node) {
  if (!node) return "UNDEF";
  if (node.is_iri())
    if (auto prefixed = query.prefixes.abbreviate(node.value())) return *prefixed;
  return node.to_ntriples();
}

}  // namespace kg::sparql::engine
