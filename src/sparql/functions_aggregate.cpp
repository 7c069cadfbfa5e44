// The aggregates of §18.5.1. Unbound and error arguments are skipped by every aggregate (as
// COUNT must); SUM and AVG fail on a non-numeric value and GROUP_CONCAT on a non-literal.
#include <unordered_set>

#include "sparql/func_library.hpp"

namespace kg::sparql {

namespace {

class Count : public Aggregator {
 public:
  void add(const Value& value) override { count_ += !value.is_error(); }
  Value result() const override { return Value::integer(count_); }

 private:
  int64_t count_ = 0;
};

class Sum : public Aggregator {
 public:
  explicit Sum(bool average) : average_(average) {}
  void add(const Value& value) override {
    if (value.is_error() || sum_.is_error()) return;
    sum_ = value.is_numeric() ? arithmetic(Builtin::Add, sum_, value) : Value::error();
    ++count_;
  }
  Value result() const override {
    if (!average_ || count_ == 0 || sum_.is_error()) return sum_;
    return arithmetic(Builtin::Divide, sum_, Value::integer(count_));
  }

 private:
  bool average_;
  Value sum_ = Value::integer(0);
  int64_t count_ = 0;
};

// MIN and MAX in the ORDER BY order, so that they are defined across types.
class Extreme : public Aggregator {
 public:
  explicit Extreme(bool maximum) : maximum_(maximum) {}
  void add(const Value& value) override {
    if (value.is_error()) return;
    int order = order_compare(value, best_);
    if (best_.is_error() || (maximum_ ? order > 0 : order < 0)) best_ = value;
  }
  Value result() const override { return best_; }

 private:
  bool maximum_;
  Value best_;
};

class Sample : public Aggregator {
 public:
  void add(const Value& value) override {
    if (sample_.is_error()) sample_ = value;
  }
  Value result() const override { return sample_; }

 private:
  Value sample_;
};

// Always a simple literal, even when every part shares a language tag (the W3C tests
// agg-groupconcat-4 and -6 compare the result with simple literals).
class GroupConcat : public Aggregator {
 public:
  explicit GroupConcat(std::string separator) : separator_(std::move(separator)) {}
  void add(const Value& value) override {
    if (value.is_error() || failed_) return;
    if (!value.is_literal()) {
      failed_ = true;
      return;
    }
    if (!first_) text_ += separator_;
    first_ = false;
    text_ += value.lexical_form();
  }
  Value result() const override { return failed_ ? Value::error() : Value::simple_string(text_); }

 private:
  std::string separator_, text_;
  bool first_ = true, failed_ = false;
};

// DISTINCT: passes each term to the aggregate the first time it is seen.
class Distinct : public Aggregator {
 public:
  explicit Distinct(std::unique_ptr<Aggregator> inner) : inner_(std::move(inner)) {}
  void add(const Value& value) override {
    auto term = value.to_term();
    if (!term || seen_.insert(std::move(*term)).second) inner_->add(value);
  }
  Value result() const override { return inner_->result(); }

 private:
  std::unique_ptr<Aggregator> inner_;
  std::unordered_set<rdf::Term> seen_;
};

std::unique_ptr<Aggregator> make_plain(const Aggregate& aggregate) {
  switch (aggregate.kind) {
    case Aggregate::Kind::Count:
      return std::make_unique<Count>();
    case Aggregate::Kind::Sum:
      return std::make_unique<Sum>(false);
    case Aggregate::Kind::Avg:
      return std::make_unique<Sum>(true);
    case Aggregate::Kind::Min:
      return std::make_unique<Extreme>(false);
    case Aggregate::Kind::Max:
      return std::make_unique<Extreme>(true);
    case Aggregate::Kind::Sample:
      return std::make_unique<Sample>();
    case Aggregate::Kind::GroupConcat:
      return std::make_unique<GroupConcat>(aggregate.separator);
  }
  return std::make_unique<Sample>();
}

}  // namespace

std::unique_ptr<Aggregator> make_aggregator(const Aggregate& aggregate) {
  auto plain = make_plain(aggregate);
  if (!aggregate.distinct) return plain;
  return std::make_unique<Distinct>(std::move(plain));
}

}  // namespace kg::sparql
