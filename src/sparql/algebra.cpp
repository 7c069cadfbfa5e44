#include "sparql/algebra.hpp"

#include <algorithm>

namespace kg::sparql {

const char* builtin_name(Builtin builtin) {
  switch (builtin) {
    case Builtin::Bound:
      return "BOUND";
    case Builtin::If:
      return "IF";
    case Builtin::Coalesce:
      return "COALESCE";
    case Builtin::LogicalOr:
      return "||";
    case Builtin::LogicalAnd:
      return "&&";
    case Builtin::LogicalNot:
      return "!";
    case Builtin::In:
      return "IN";
    case Builtin::NotIn:
      return "NOT IN";
    case Builtin::SameTerm:
      return "sameTerm";
    case Builtin::Equal:
      return "=";
    case Builtin::NotEqual:
      return "!=";
    case Builtin::Less:
      return "<";
    case Builtin::Greater:
      return ">";
    case Builtin::LessOrEqual:
      return "<=";
    case Builtin::GreaterOrEqual:
      return ">=";
    case Builtin::Add:
    case Builtin::UnaryPlus:
      return "+";
    case Builtin::Subtract:
    case Builtin::UnaryMinus:
      return "-";
    case Builtin::Multiply:
      return "*";
    case Builtin::Divide:
      return "/";
    case Builtin::IsIri:
      return "isIRI";
    case Builtin::IsBlank:
      return "isBLANK";
    case Builtin::IsLiteral:
      return "isLITERAL";
    case Builtin::IsNumeric:
      return "isNUMERIC";
    case Builtin::Str:
      return "STR";
    case Builtin::Lang:
      return "LANG";
    case Builtin::Datatype:
      return "DATATYPE";
    case Builtin::Iri:
      return "IRI";
    case Builtin::Bnode:
      return "BNODE";
    case Builtin::StrDt:
      return "STRDT";
    case Builtin::StrLang:
      return "STRLANG";
    case Builtin::Uuid:
      return "UUID";
    case Builtin::StrUuid:
      return "STRUUID";
    case Builtin::StrLen:
      return "STRLEN";
    case Builtin::SubStr:
      return "SUBSTR";
    case Builtin::UCase:
      return "UCASE";
    case Builtin::LCase:
      return "LCASE";
    case Builtin::StrStarts:
      return "STRSTARTS";
    case Builtin::StrEnds:
      return "STRENDS";
    case Builtin::Contains:
      return "CONTAINS";
    case Builtin::StrBefore:
      return "STRBEFORE";
    case Builtin::StrAfter:
      return "STRAFTER";
    case Builtin::EncodeForUri:
      return "ENCODE_FOR_URI";
    case Builtin::Concat:
      return "CONCAT";
    case Builtin::LangMatches:
      return "LANGMATCHES";
    case Builtin::Regex:
      return "REGEX";
    case Builtin::Replace:
      return "REPLACE";
    case Builtin::Abs:
      return "ABS";
    case Builtin::Round:
      return "ROUND";
    case Builtin::Ceil:
      return "CEIL";
    case Builtin::Floor:
      return "FLOOR";
    case Builtin::Rand:
      return "RAND";
    case Builtin::Now:
      return "NOW";
    case Builtin::Year:
      return "YEAR";
    case Builtin::Month:
      return "MONTH";
    case Builtin::Day:
      return "DAY";
    case Builtin::Hours:
      return "HOURS";
    case Builtin::Minutes:
      return "MINUTES";
    case Builtin::Seconds:
      return "SECONDS";
    case Builtin::Timezone:
      return "TIMEZONE";
    case Builtin::Tz:
      return "TZ";
    case Builtin::Md5:
      return "MD5";
    case Builtin::Sha1:
      return "SHA1";
    case Builtin::Sha256:
      return "SHA256";
    case Builtin::Sha384:
      return "SHA384";
    case Builtin::Sha512:
      return "SHA512";
  }
  return "?";
}

OpPtr make_op(Op::Kind kind) {
  auto op = std::make_unique<Op>();
  op->kind = kind;
  return op;
}

OpPtr make_op(Op::Kind kind, OpPtr child) {
  OpPtr op = make_op(kind);
  op->children.push_back(std::move(child));
  return op;
}

OpPtr make_op(Op::Kind kind, OpPtr left, OpPtr right) {
  OpPtr op = make_op(kind, std::move(left));
  op->children.push_back(std::move(right));
  return op;
}

Expr make_constant(Term term) {
  Expr expr;
  expr.kind = Expr::Kind::Constant;
  expr.constant = std::move(term);
  return expr;
}

Expr make_variable(Variable variable) {
  Expr expr;
  expr.kind = Expr::Kind::Variable;
  expr.variable = variable;
  return expr;
}

Expr make_builtin(Builtin builtin, std::vector<Expr> args) {
  Expr expr;
  expr.kind = Expr::Kind::Builtin;
  expr.builtin = builtin;
  expr.args = std::move(args);
  return expr;
}

OpPtr clone(const Op& op) {
  OpPtr copy = make_op(op.kind);
  for (const OpPtr& child : op.children)
    copy->children.push_back(clone(*child));
  copy->triples = op.triples;
  copy->path = op.path;
  copy->exprs = op.exprs;
  copy->graph = op.graph;
  copy->silent = op.silent;
  copy->variable = op.variable;
  copy->expr = op.expr;
  copy->table_variables = op.table_variables;
  copy->table_rows = op.table_rows;
  copy->group_keys = op.group_keys;
  copy->aggregates = op.aggregates;
  copy->order = op.order;
  copy->projection = op.projection;
  copy->offset = op.offset;
  copy->limit = op.limit;
  return copy;
}

namespace {

class ScopeCollector {
 public:
  void add(Variable variable) {
    if (std::find(seen_.begin(), seen_.end(), variable) == seen_.end()) seen_.push_back(variable);
  }
  void add(const PatternTerm& term) {
    if (term.is_variable()) add(term.variable());
  }

  void collect(const Op& op) {
    switch (op.kind) {
      case Op::Kind::Bgp:
        for (const TriplePattern& triple : op.triples) {
          add(triple.subject);
          add(triple.predicate);
          add(triple.object);
        }
        return;
      case Op::Kind::Path:
        add(op.path->subject);
        add(op.path->object);
        return;
      case Op::Kind::Minus:
        collect(*op.children[0]);
        return;
      case Op::Kind::Graph:
      case Op::Kind::Service:
        add(op.graph);
        collect(*op.children[0]);
        return;
      case Op::Kind::Extend:
        collect(*op.children[0]);
        add(op.variable);
        return;
      case Op::Kind::Table:
        for (Variable variable : op.table_variables)
          add(variable);
        return;
      case Op::Kind::Group:
        for (const auto& key : op.group_keys)
          add(key.first);
        for (const auto& aggregate : op.aggregates)
          add(aggregate.first);
        return;
      case Op::Kind::Project:
        for (Variable variable : op.projection)
          add(variable);
        return;
      default:
        // Join, LeftJoin, Union and the modifiers that keep their input's variables.
        for (const OpPtr& child : op.children)
          collect(*child);
        return;
    }
  }

  std::vector<Variable> take() { return std::move(seen_); }

 private:
  std::vector<Variable> seen_;
};

}  // namespace

std::vector<Variable> in_scope_variables(const Op& op) {
  ScopeCollector collector;
  collector.collect(op);
  return collector.take();
}

}  // namespace kg::sparql
