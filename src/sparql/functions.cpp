// FunctionContext, and call_builtin: arity checks, then the function groups.
#include "sparql/functions.hpp"

#include <cstdio>

#include "sparql/func_context.hpp"
#include "sparql/func_library.hpp"

namespace kg::sparql {

namespace {

struct Arity {
  size_t min, max;
};

constexpr size_t kAny = SIZE_MAX;

Arity arity(Builtin builtin) {
  switch (builtin) {
    case Builtin::Rand:
    case Builtin::Now:
    case Builtin::Uuid:
    case Builtin::StrUuid:
      return {0, 0};
    case Builtin::Bnode:
      return {0, 1};
    case Builtin::Concat:
      return {0, kAny};
    case Builtin::SubStr:
    case Builtin::Regex:
      return {2, 3};
    case Builtin::Replace:
      return {3, 4};
    case Builtin::SameTerm:
    case Builtin::Equal:
    case Builtin::NotEqual:
    case Builtin::Less:
    case Builtin::Greater:
    case Builtin::LessOrEqual:
    case Builtin::GreaterOrEqual:
    case Builtin::Add:
    case Builtin::Subtract:
    case Builtin::Multiply:
    case Builtin::Divide:
    case Builtin::StrDt:
    case Builtin::StrLang:
    case Builtin::StrStarts:
    case Builtin::StrEnds:
    case Builtin::Contains:
    case Builtin::StrBefore:
    case Builtin::StrAfter:
    case Builtin::LangMatches:
      return {2, 2};
    default:
      return {1, 1};
  }
}

bool is_special_form(Builtin builtin) {
  switch (builtin) {
    case Builtin::Bound:
    case Builtin::If:
    case Builtin::Coalesce:
    case Builtin::LogicalOr:
    case Builtin::LogicalAnd:
    case Builtin::In:
    case Builtin::NotIn:
      return true;
    default:
      return false;
  }
}

}  // namespace

FunctionContext::FunctionContext() : caches_(std::make_unique<Caches>()) {
  char prefix[24];
  std::snprintf(prefix, sizeof prefix, "q%08llxb",
                static_cast<unsigned long long>(std::random_device{}()));
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
  Arity expected = arity(builtin);
  if (is_special_form(builtin) || args.size() < expected.min || args.size() > expected.max)
    return Value::error();
  switch (builtin) {
    case Builtin::LogicalNot:
    case Builtin::SameTerm:
    case Builtin::Equal:
    case Builtin::NotEqual:
    case Builtin::Less:
    case Builtin::Greater:
    case Builtin::LessOrEqual:
    case Builtin::GreaterOrEqual:
      return call_comparison_builtin(builtin, args);
    case Builtin::Add:
    case Builtin::Subtract:
    case Builtin::Multiply:
    case Builtin::Divide:
    case Builtin::UnaryPlus:
    case Builtin::UnaryMinus:
    case Builtin::Abs:
    case Builtin::Round:
    case Builtin::Ceil:
    case Builtin::Floor:
    case Builtin::Rand:
      return call_numeric_builtin(builtin, args, context);
    case Builtin::IsIri:
    case Builtin::IsBlank:
    case Builtin::IsLiteral:
    case Builtin::IsNumeric:
    case Builtin::Str:
    case Builtin::Lang:
    case Builtin::Datatype:
    case Builtin::Iri:
    case Builtin::Bnode:
    case Builtin::StrDt:
    case Builtin::StrLang:
    case Builtin::Uuid:
    case Builtin::StrUuid:
      return call_term_builtin(builtin, args, context);
    case Builtin::Regex:
    case Builtin::Replace:
      return call_regex_builtin(builtin, args, context);
    case Builtin::Now:
    case Builtin::Year:
    case Builtin::Month:
    case Builtin::Day:
    case Builtin::Hours:
    case Builtin::Minutes:
    case Builtin::Seconds:
    case Builtin::Timezone:
    case Builtin::Tz:
      return call_datetime_builtin(builtin, args, context);
    default:
      return call_string_builtin(builtin, args, context);
  }
}

}  // namespace kg::sparql
