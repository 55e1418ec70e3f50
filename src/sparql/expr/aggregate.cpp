#include "sparql/expr/aggregate.h"

#include <cctype>

#include "sparql/expr/detail.h"

namespace hamlet::sparql::expr {

namespace {

class CountAgg : public Aggregator {
 public:
  void Add(const ExprResult& v) override { count_ += v.has_value(); }
  ExprResult Result() const override { return MakeInteger(count_); }

 private:
  int64_t count_ = 0;
};

class SumAgg : public Aggregator {
 public:
  explicit SumAgg(bool average) : average_(average) { sum_.type = rdf::XsdType::kInteger; }
  // The sum stays a value: formatting it back to a literal for every row cost more than
  // the additions.
  void Add(const ExprResult& v) override {
    if (error_) return;
    auto x = v ? detail::NumericValue(*v) : std::nullopt;
    auto r = x ? detail::ArithValues(detail::ArithOp::kAdd, sum_, *x) : std::nullopt;
    if (!r) {
      error_ = true;
      return;
    }
    sum_ = *r;
    ++count_;
  }
  ExprResult Result() const override {
    if (error_) return std::nullopt;
    ExprResult sum = detail::MakeNumber(sum_);
    if (!average_ || count_ == 0) return sum;
    return Divide(sum, MakeInteger(count_));
  }

 private:
  bool average_;
  bool error_ = false;
  int64_t count_ = 0;
  rdf::XsdValue sum_;
};

// MIN and MAX by ORDER BY's order. A number comes back in the canonical form of its own
// datatype (same value, same type): the W3C approved
// answer (aggregates#agg-min-02: MIN of 2.2 and 2E-1 is "2.0E-1"^^xsd:double) is written
// as a store that keeps values would, whichever lexical form the data had.
class ExtremeAgg : public Aggregator {
 public:
  explicit ExtremeAgg(bool max) : max_(max) {}
  void Add(const ExprResult& v) override {
    if (!v) return;
    if (!best_ || (max_ ? OrderCompare(v, best_) > 0 : OrderCompare(v, best_) < 0)) best_ = v;
  }
  ExprResult Result() const override {
    if (!best_ || !best_->is_literal()) return best_;
    auto v = detail::NumericValue(*best_);
    if (!v) return best_;
    return detail::MakeTyped(rdf::CanonicalLexical(*v), best_->datatype());
  }

 private:
  bool max_;
  ExprResult best_;
};

class SampleAgg : public Aggregator {
 public:
  void Add(const ExprResult& v) override {
    if (!sample_ && v) sample_ = v;
  }
  ExprResult Result() const override { return sample_; }

 private:
  ExprResult sample_;
};

class GroupConcatAgg : public Aggregator {
 public:
  explicit GroupConcatAgg(std::string sep) : sep_(std::move(sep)) {}
  void Add(const ExprResult& v) override {
    if (error_) return;
    if (!v || v->is_blank() || v->is_none()) {
      error_ = true;
      return;
    }
    if (count_++ > 0) out_ += sep_;
    out_ += v->value();
  }
  ExprResult Result() const override {
    if (error_) return std::nullopt;
    return MakeString(out_);
  }

 private:
  std::string sep_;
  std::string out_;
  int64_t count_ = 0;
  bool error_ = false;
};

}  // namespace

std::optional<AggregateKind> ParseAggregateKind(std::string_view name) {
  std::string up(name);
  for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (up == "COUNT") return AggregateKind::kCount;
  if (up == "SUM") return AggregateKind::kSum;
  if (up == "AVG") return AggregateKind::kAvg;
  if (up == "MIN") return AggregateKind::kMin;
  if (up == "MAX") return AggregateKind::kMax;
  if (up == "SAMPLE") return AggregateKind::kSample;
  if (up == "GROUP_CONCAT") return AggregateKind::kGroupConcat;
  return std::nullopt;
}

std::unique_ptr<Aggregator> MakeAggregator(AggregateKind kind, std::string separator) {
  switch (kind) {
    case AggregateKind::kCount:
      return std::make_unique<CountAgg>();
    case AggregateKind::kSum:
      return std::make_unique<SumAgg>(false);
    case AggregateKind::kAvg:
      return std::make_unique<SumAgg>(true);
    case AggregateKind::kMin:
      return std::make_unique<ExtremeAgg>(false);
    case AggregateKind::kMax:
      return std::make_unique<ExtremeAgg>(true);
    case AggregateKind::kSample:
      return std::make_unique<SampleAgg>();
    case AggregateKind::kGroupConcat:
      return std::make_unique<GroupConcatAgg>(std::move(separator));
  }
  return nullptr;
}

}  // namespace hamlet::sparql::expr
