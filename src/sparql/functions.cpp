// FunctionContext, and call_builtin: arity checks, then the function groups.
#include "sparql/functions.hpp"

#include <cstdio>

#include "sparql/func_context.hpp"
#include "sparql/func_library.hpp"

namespace kg::sparql {

namespace {

enum class Group { SpecialForm, Comparison, Numeric, Term, String, Regex, DateTime };

constexpr size_t kAny = SIZE_MAX;

struct Signature {
  Group group;
  size_t min_args, max_args;
};

Signature signature(Builtin builtin) {
  using enum Builtin;
  switch (builtin) {
    case Bound:
    case If:
    case Coalesce:
    case LogicalOr:
    case LogicalAnd:
    case In:
    case NotIn:
      return {Group::SpecialForm, 0, 0};
    case LogicalNot:
      return {Group::Comparison, 1, 1};
    case SameTerm:
    case Equal:
    case NotEqual:
    case Less:
    case Greater:
    case LessOrEqual:
    case GreaterOrEqual:
      return {Group::Comparison, 2, 2};
    case Add:
    case Subtract:
    case Multiply:
    case Divide:
      return {Group::Numeric, 2, 2};
    case UnaryPlus:
    case UnaryMinus:
    case Abs:
    case Round:
    case Ceil:
    case Floor:
      return {Group::Numeric, 1, 1};
    case Rand:
      return {Group::Numeric, 0, 0};
    case IsIri:
    case IsBlank:
    case IsLiteral:
    case IsNumeric:
    case Str:
    case Lang:
    case Datatype:
    case Iri:
      return {Group::Term, 1, 1};
    case Bnode:
      return {Group::Term, 0, 1};
    case StrDt:
    case StrLang:
      return {Group::Term, 2, 2};
    case Uuid:
    case StrUuid:
      return {Group::Term, 0, 0};
    case StrLen:
    case UCase:
    case LCase:
    case EncodeForUri:
    case Md5:
    case Sha1:
    case Sha256:
    case Sha384:
    case Sha512:
      return {Group::String, 1, 1};
    case SubStr:
      return {Group::String, 2, 3};
    case StrStarts:
    case StrEnds:
    case Contains:
    case StrBefore:
    case StrAfter:
    case LangMatches:
      return {Group::String, 2, 2};
    case Concat:
      return {Group::String, 0, kAny};
    case Regex:
      return {Group::Regex, 2, 3};
    case Replace:
      return {Group::Regex, 3, 4};
    case Now:
      return {Group::DateTime, 0, 0};
    case Year:
    case Month:
    case Day:
    case Hours:
    case Minutes:
    case Seconds:
    case Timezone:
    case Tz:
      return {Group::DateTime, 1, 1};
  }
  return {Group::SpecialForm, 0, 0};
}

}  // namespace

FunctionContext::FunctionContext() : caches_(std::make_unique<Caches>()) {
  // Seeded per execution, so that UUID() and STRUUID() differ between runs too.
  std::random_device entropy;
  std::seed_seq seed{entropy(), entropy(), entropy(), entropy()};
  random.seed(seed);
  char prefix[24];
  std::snprintf(prefix, sizeof prefix, "q%08llxb", static_cast<unsigned long long>(entropy()));
  caches_->label_prefix = prefix;
}

FunctionContext::~FunctionContext() = default;

std::string FunctionContext::fresh_blank_label() {
  return caches_->label_prefix + std::to_string(blank_counter_++);
}

std::string FunctionContext::blank_label_for(std::string_view key) {
  if (caches_->labels_serial != solution_serial_) {
    caches_->solution_labels.clear();
    caches_->labels_serial = solution_serial_;
  }
  auto [entry, added] = caches_->solution_labels.try_emplace(std::string(key));
  if (added) entry->second = fresh_blank_label();
  return entry->second;
}

Value call_builtin(Builtin builtin, std::span<const Value> args, FunctionContext& context) {
  Signature expected = signature(builtin);
  if (args.size() < expected.min_args || args.size() > expected.max_args) return Value::error();
  switch (expected.group) {
    case Group::SpecialForm:
      return Value::error();  // the evaluator's
    case Group::Comparison:
      return call_comparison_builtin(builtin, args);
    case Group::Numeric:
      return call_numeric_builtin(builtin, args, context);
    case Group::Term:
      return call_term_builtin(builtin, args, context);
    case Group::String:
      return call_string_builtin(builtin, args, context);
    case Group::Regex:
      return call_regex_builtin(builtin, args, context);
    case Group::DateTime:
      return call_datetime_builtin(builtin, args, context);
  }
  return Value::error();
}

}  // namespace kg::sparql
