// Printing algebra as SSE, in the layout Jena's arq.qparse --print=op uses: an operator's
// fixed arguments on its first line, each sub-operator on a line of its own, indented.
#include <cctype>

#include "rdf/vocabulary.hpp"
#include "sparql/algebra.hpp"

namespace kg::sparql {

namespace {

bool matches_number_syntax(std::string_view lexical, std::string_view datatype) {
  size_t pos = 0;
  if (pos < lexical.size() && (lexical[pos] == '+' || lexical[pos] == '-')) ++pos;
  size_t digits = 0, dots = 0, exponent = lexical.size();
  for (size_t i = pos; i < lexical.size(); ++i) {
    char c = lexical[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (c == '.' && exponent == lexical.size()) {
      ++dots;
    } else if ((c == 'e' || c == 'E') && exponent == lexical.size() && digits > 0) {
      exponent = i;
      if (i + 1 < lexical.size() && (lexical[i + 1] == '+' || lexical[i + 1] == '-')) ++i;
    } else {
      return false;
    }
  }
  if (digits == 0 || dots > 1 || lexical.back() == '.' ||
      (exponent != lexical.size() && exponent + 1 >= lexical.size()))
    return false;
  bool has_exponent = exponent != lexical.size();
  if (datatype == rdf::vocab::kXsdInteger) return dots == 0 && !has_exponent;
  if (datatype == rdf::vocab::kXsdDecimal) return dots == 1 && !has_exponent;
  return datatype == rdf::vocab::kXsdDouble && has_exponent;
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string uppercase(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

const char* aggregate_name(Aggregate::Kind kind) {
  switch (kind) {
    case Aggregate::Kind::Count:
      return "count";
    case Aggregate::Kind::Sum:
      return "sum";
    case Aggregate::Kind::Min:
      return "min";
    case Aggregate::Kind::Max:
      return "max";
    case Aggregate::Kind::Avg:
      return "avg";
    case Aggregate::Kind::Sample:
      return "sample";
    case Aggregate::Kind::GroupConcat:
      return "group_concat";
  }
  return "?";
}

class SsePrinter {
 public:
  SsePrinter(const Query& query, bool multiline) : query_(query), multiline_(multiline) {}

  std::string iri(const std::string& value) const {
    if (auto prefixed = query_.prefixes.abbreviate(value)) return *prefixed;
    return "<" + rdf::escape_iri(value) + ">";
  }

  std::string term(const Term& term) const {
    if (term.is_iri()) return iri(term.value);
    if (term.is_blank()) return "_:" + term.value;
    if (term.datatype == rdf::vocab::kXsdBoolean && (term.value == "true" || term.value == "false"))
      return term.value;
    if (matches_number_syntax(term.value, term.datatype)) return term.value;
    std::string out = "\"" + rdf::escape_string_literal(term.value) + "\"";
    if (!term.language.empty()) return out + "@" + term.language;
    if (term.datatype != rdf::vocab::kXsdString) out += "^^" + iri(term.datatype);
    return out;
  }

  std::string variable(Variable variable) const { return "?" + query_.name(variable); }

  std::string pattern_term(const PatternTerm& term) const {
    return term.is_variable() ? variable(term.variable()) : this->term(term.term());
  }

  std::string path(const PathExpr& path) const {
    auto unary = [&](const char* name) {
      return std::string("(") + name + " " + this->path(path.operands[0]) + ")";
    };
    auto binary = [&](const char* name) {
      return std::string("(") + name + " " + this->path(path.operands[0]) + " " +
             this->path(path.operands[1]) + ")";
    };
    switch (path.kind) {
      case PathExpr::Kind::Link:
        return term(path.iri);
      case PathExpr::Kind::Inverse:
        return unary("reverse");
      case PathExpr::Kind::Sequence:
        return binary("seq");
      case PathExpr::Kind::Alternative:
        return binary("alt");
      case PathExpr::Kind::ZeroOrMore:
        return unary("path*");
      case PathExpr::Kind::OneOrMore:
        return unary("path+");
      case PathExpr::Kind::ZeroOrOne:
        return unary("path?");
      case PathExpr::Kind::NegatedSet: {
        std::string out = "(notoneof";
        for (const Term& iri : path.forward)
          out += " " + term(iri);
        for (const Term& iri : path.inverse)
          out += " (reverse " + term(iri) + ")";
        return out + ")";
      }
    }
    return "?";
  }

  std::string expr(const Expr& expr) const {
    switch (expr.kind) {
      case Expr::Kind::Constant:
        return term(expr.constant);
      case Expr::Kind::Variable:
        return variable(expr.variable);
      case Expr::Kind::Builtin:
        return call(builtin_sse_name(expr.builtin), expr.args);
      case Expr::Kind::Call:
        return call(iri(expr.function), expr.args);
      case Expr::Kind::Exists:
      case Expr::Kind::NotExists: {
        SsePrinter inline_printer(query_, false);
        inline_printer.op(*expr.pattern, 0);
        const char* name = expr.kind == Expr::Kind::Exists ? "exists" : "notexists";
        return std::string("(") + name + " " + inline_printer.out_ + ")";
      }
    }
    return "?";
  }

  std::string conjunction(const std::vector<Expr>& exprs) const {
    if (exprs.size() == 1) return expr(exprs[0]);
    std::string out = "(exprs";
    for (const Expr& item : exprs)
      out += " " + expr(item);
    return out + ")";
  }

  std::string aggregate(const Aggregate& aggregate) const {
    std::string out = std::string("(") + aggregate_name(aggregate.kind);
    if (aggregate.distinct) out += " distinct";
    if (aggregate.kind == Aggregate::Kind::GroupConcat && aggregate.separator != " ")
      out += " (separator \"" + rdf::escape_string_literal(aggregate.separator) + "\")";
    if (aggregate.arg) out += " " + expr(*aggregate.arg);
    return out + ")";
  }

  void op(const Op& op, int indent);

  std::string take() { return std::move(out_); }

 private:
  static std::string builtin_sse_name(Builtin builtin) {
    if (builtin == Builtin::NotIn) return "notin";
    // "STRLEN" prints as strlen, but camel-case names such as isIRI keep their case.
    std::string name = builtin_name(builtin);
    return lowercase(name) == name || uppercase(name) != name ? name : lowercase(name);
  }

  std::string call(const std::string& name, const std::vector<Expr>& args) const {
    std::string out = "(" + name;
    for (const Expr& arg : args)
      out += " " + expr(arg);
    return out + ")";
  }

  std::string variable_list(const std::vector<Variable>& variables) const {
    std::string out = "(";
    for (size_t i = 0; i < variables.size(); ++i)
      out += (i ? " " : "") + variable(variables[i]);
    return out + ")";
  }

  // Starts a nested line (or, on one line, a space) at the given depth.
  void break_line(int indent) {
    if (multiline_) {
      out_ += '\n';
      out_.append(static_cast<size_t>(indent) * 2, ' ');
    } else {
      out_ += ' ';
    }
  }

  void children(const Op& op, int indent) {
    for (const OpPtr& child : op.children) {
      break_line(indent + 1);
      this->op(*child, indent + 1);
    }
  }

  std::string header(const Op& op) const;
  void bgp(const Op& op, int indent);
  void table(const Op& op, int indent);

  const Query& query_;
  bool multiline_;
  std::string out_;
};

std::string SsePrinter::header(const Op& op) const {
  switch (op.kind) {
    case Op::Kind::Filter:
      return "filter " + conjunction(op.exprs);
    case Op::Kind::Graph:
      return "graph " + pattern_term(op.graph);
    case Op::Kind::Service:
      return std::string("service ") + (op.silent ? "silent " : "") + pattern_term(op.graph);
    case Op::Kind::Extend:
      return "extend ((" + variable(op.variable) + " " + expr(op.expr) + "))";
    case Op::Kind::Project:
      return "project " + variable_list(op.projection);
    case Op::Kind::Slice:
      return "slice " + (op.offset ? std::to_string(op.offset) : std::string("_")) + " " +
             (op.limit ? std::to_string(*op.limit) : std::string("_"));
    case Op::Kind::OrderBy: {
      std::string out = "order (";
      for (size_t i = 0; i < op.order.size(); ++i) {
        std::string condition = expr(op.order[i].expr);
        out += (i ? " " : "") + (op.order[i].descending ? "(desc " + condition + ")" : condition);
      }
      return out + ")";
    }
    case Op::Kind::Group: {
      std::string out = "group (";
      for (size_t i = 0; i < op.group_keys.size(); ++i) {
        const auto& [key, key_expr] = op.group_keys[i];
        bool plain = key_expr.kind == Expr::Kind::Variable && key_expr.variable == key;
        out += (i ? " " : "") +
               (plain ? variable(key) : "(" + variable(key) + " " + expr(key_expr) + ")");
      }
      out += ") (";
      for (size_t i = 0; i < op.aggregates.size(); ++i)
        out += std::string(i ? " " : "") + "(" + variable(op.aggregates[i].first) + " " +
               aggregate(op.aggregates[i].second) + ")";
      return out + ")";
    }
    case Op::Kind::Join:
      return "join";
    case Op::Kind::LeftJoin:
      return "leftjoin";
    case Op::Kind::Union:
      return "union";
    case Op::Kind::Minus:
      return "minus";
    case Op::Kind::Distinct:
      return "distinct";
    case Op::Kind::Reduced:
      return "reduced";
    default:
      return "?";
  }
}

void SsePrinter::bgp(const Op& op, int indent) {
  out_ += "(bgp";
  for (const TriplePattern& triple : op.triples) {
    if (op.triples.size() > 1)
      break_line(indent + 1);
    else
      out_ += ' ';
    out_ += "(triple " + pattern_term(triple.subject) + " " + pattern_term(triple.predicate) + " " +
            pattern_term(triple.object) + ")";
  }
  out_ += ')';
}

void SsePrinter::table(const Op& op, int indent) {
  if (op.table_rows.empty() && op.table_variables.empty()) {
    out_ += "(table empty)";
    return;
  }
  if (op.table_variables.empty() && op.table_rows.size() == 1) {
    out_ += "(table unit)";
    return;
  }
  out_ += "(table (vars";
  for (Variable variable : op.table_variables)
    out_ += " " + this->variable(variable);
  out_ += ")";
  for (const auto& row : op.table_rows) {
    break_line(indent + 1);
    out_ += "(row";
    for (size_t i = 0; i < row.size(); ++i)
      if (row[i]) out_ += " [" + variable(op.table_variables[i]) + " " + term(*row[i]) + "]";
    out_ += ")";
  }
  out_ += ")";
}

void SsePrinter::op(const Op& op, int indent) {
  switch (op.kind) {
    case Op::Kind::Bgp:
      bgp(op, indent);
      return;
    case Op::Kind::Table:
      table(op, indent);
      return;
    case Op::Kind::Path:
      out_ += "(path " + pattern_term(op.path->subject) + " " + path(op.path->path) + " " +
              pattern_term(op.path->object) + ")";
      return;
    default:
      break;
  }
  out_ += "(" + header(op);
  children(op, indent);
  if (op.kind == Op::Kind::LeftJoin && !op.exprs.empty()) {
    break_line(indent + 1);
    out_ += conjunction(op.exprs);
  }
  out_ += ')';
}

}  // namespace

std::string to_sse(const Op& op, const Query& query) {
  SsePrinter printer(query, true);
  printer.op(op, 0);
  return printer.take();
}

std::string to_sse(const Expr& expr, const Query& query) {
  return SsePrinter(query, false).expr(expr);
}

std::string to_sse(const Query& query) {
  if (!query.pattern) return "(null)";
  return to_sse(*query.pattern, query);
}

}  // namespace kg::sparql
