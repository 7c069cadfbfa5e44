#include "sparql/engine/specialised.hpp"

#include "rdf/vocabulary.hpp"
#include "sparql/func_regex.hpp"

namespace kg::sparql::engine {

namespace {

// A constant that evaluates to a simple literal (xsd:string): what LANG returns, and what
// REGEX requires of its pattern and flags.
const std::string* simple_literal_text(const Expr& expr) {
  if (expr.kind != Expr::Kind::Constant || !expr.constant.is_literal()) return nullptr;
  const Term& term = expr.constant;
  if (!term.language.empty()) return nullptr;
  if (!term.datatype.empty() && term.datatype != rdf::vocab::kXsdString) return nullptr;
  return &term.value;
}

// LANG(?x) = "tag" (or !=). LANG of an unbound variable or of a non-literal is an error, which
// = propagates; otherwise both sides are simple literals, equal when their texts are.
class LangEqualsExpr final : public CompiledExpr {
 public:
  LangEqualsExpr(Variable variable, std::string tag, bool negated)
      : slot_(variable.id), tag_(std::move(tag)), negated_(negated) {}

  Value evaluate(const NodeRef* row, ExecContext&, const ActiveGraph&) const override {
    NodeRef node = row[slot_];
    if (!node.is_literal()) return Value::error();
    return Value::boolean((node.language() == tag_) != negated_);
  }

 private:
  uint32_t slot_;
  std::string tag_;
  bool negated_;
};

CompiledExprPtr compile_lang_equals(const Expr& expr) {
  bool negated = expr.builtin == Builtin::NotEqual;
  if ((expr.builtin != Builtin::Equal && !negated) || expr.args.size() != 2) return nullptr;
  for (size_t i = 0; i < 2; ++i) {
    const Expr& call = expr.args[i];
    const std::string* tag = simple_literal_text(expr.args[1 - i]);
    if (!tag || call.kind != Expr::Kind::Builtin || call.builtin != Builtin::Lang ||
        call.args.size() != 1 || call.args[0].kind != Expr::Kind::Variable)
      continue;
    return std::make_unique<LangEqualsExpr>(call.args[0].variable, *tag, negated);
  }
  return nullptr;
}

// REGEX(text, "pattern", "flags") with a constant pattern and flags: compiled (and
// JIT-compiled) once instead of looked up in the execution's cache per row.
class ConstantRegexExpr final : public CompiledExpr {
 public:
  ConstantRegexExpr(CompiledExprPtr text, std::unique_ptr<Regex> regex)
      : text_(std::move(text)), regex_(std::move(regex)) {}

  Value evaluate(const NodeRef* row, ExecContext& context,
                 const ActiveGraph& graph) const override {
    Value text = text_->evaluate(row, context, graph);
    if (!text.is_string_literal()) return Value::error();
    std::optional<bool> found = regex_->search(text.text());
    return found ? Value::boolean(*found) : Value::error();
  }

 private:
  CompiledExprPtr text_;
  std::unique_ptr<Regex> regex_;
};

CompiledExprPtr compile_constant_regex(const Expr& expr, PatternPlanner& planner) {
  if (expr.builtin != Builtin::Regex || expr.args.size() < 2 || expr.args.size() > 3)
    return nullptr;
  const std::string* pattern = simple_literal_text(expr.args[1]);
  const std::string* flags = expr.args.size() == 3 ? simple_literal_text(expr.args[2]) : nullptr;
  if (!pattern || (expr.args.size() == 3 && !flags)) return nullptr;
  // An invalid pattern is an error on every row; the general path already says so.
  std::unique_ptr<Regex> regex =
      Regex::compile(*pattern, flags ? std::string_view(*flags) : std::string_view(), true);
  if (!regex) return nullptr;
  return std::make_unique<ConstantRegexExpr>(compile_expression(expr.args[0], planner),
                                             std::move(regex));
}

bool collect_variables(const Expr& expr, VariableSet& variables) {
  switch (expr.kind) {
    case Expr::Kind::Exists:
    case Expr::Kind::NotExists:
      return false;
    case Expr::Kind::Variable:
      variables.insert(expr.variable);
      return true;
    case Expr::Kind::Builtin:
      // These give a different answer per call, or depend on the whole solution.
      if (expr.builtin == Builtin::Rand || expr.builtin == Builtin::Uuid ||
          expr.builtin == Builtin::StrUuid || expr.builtin == Builtin::Bnode)
        return false;
      break;
    default:
      break;
  }
  for (const Expr& arg : expr.args)
    if (!collect_variables(arg, variables)) return false;
  return true;
}

}  // namespace

CompiledExprPtr compile_specialised(const Expr& expr, PatternPlanner& planner) {
  if (expr.kind != Expr::Kind::Builtin) return nullptr;
  if (CompiledExprPtr lang = compile_lang_equals(expr)) return lang;
  return compile_constant_regex(expr, planner);
}

// ---------------------------------------------------------------------------------------------
// VerdictMemo

std::optional<Variable> VerdictMemo::single_variable(const std::vector<Expr>& conjuncts) {
  VariableSet variables;
  for (const Expr& conjunct : conjuncts)
    if (!collect_variables(conjunct, variables)) return std::nullopt;
  std::vector<Variable> read = variables.to_vector();
  if (read.size() != 1) return std::nullopt;
  return read[0];
}

std::optional<bool> VerdictMemo::recall(const NodeRef* row) {
  if (!enabled_) return std::nullopt;
  ++lookups_;
  if (lookups_ == kTrialLookups && hits_ * 4 < lookups_) {
    // Mostly distinct nodes: remembering costs more than it saves.
    enabled_ = false;
    verdicts_ = {};
    return std::nullopt;
  }
  auto found = verdicts_.find(row[slot_]);
  if (found == verdicts_.end()) return std::nullopt;
  ++hits_;
  return found->second;
}

void VerdictMemo::remember(const NodeRef* row, bool verdict) {
  if (enabled_ && verdicts_.size() < kMaxEntries) verdicts_.emplace(row[slot_], verdict);
}

}  // namespace kg::sparql::engine
