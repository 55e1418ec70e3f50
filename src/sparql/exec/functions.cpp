// The executor's adapter to sparql/expr.
#include "sparql/exec/functions.h"

#include "sparql/expr/aggregate.h"
#include "sparql/expr/expr.h"

namespace hamlet::sparql::exec {

std::optional<bool> EffectiveBoolean(const rdf::Term& t) {
  return expr::EffectiveBooleanValue(t);
}

std::optional<bool> ValueEqual(const rdf::Term& a, const rdf::Term& b) {
  return expr::ValueEquals(a, b);
}

std::shared_ptr<const expr::FunctionRef> ResolveCall(std::string_view name, size_t arity) {
  auto f = expr::ResolveFunction(name, arity);
  if (!f) return nullptr;
  return std::make_shared<const expr::FunctionRef>(std::move(*f));
}

std::optional<rdf::Term> CallFunction(std::string_view name, const expr::FunctionRef* function,
                                      const std::vector<std::optional<rdf::Term>>& args,
                                      ExecContext& ctx, uint64_t row_key) {
  if (ctx.functions == nullptr) return std::nullopt;
  if (row_key != ctx.last_solution) {
    ctx.functions->NextSolution();
    ctx.last_solution = row_key;
  }
  if (function != nullptr) return expr::Call(*function, args, *ctx.functions);
  return expr::Call(name, args, *ctx.functions);
}

int CompareForOrder(const std::optional<rdf::Term>& a, const std::optional<rdf::Term>& b) {
  return expr::OrderCompare(a, b);
}

namespace {

class Adapter : public Aggregator {
 public:
  explicit Adapter(std::unique_ptr<expr::Aggregator> inner) : inner_(std::move(inner)) {}
  void Add(const std::optional<rdf::Term>& value) override { inner_->Add(value); }
  std::optional<rdf::Term> Result() override { return inner_->Result(); }

 private:
  std::unique_ptr<expr::Aggregator> inner_;
};

}  // namespace

std::unique_ptr<Aggregator> MakeAggregator(std::string_view name, std::string_view separator) {
  auto kind = expr::ParseAggregateKind(name);
  if (!kind) return nullptr;
  return std::make_unique<Adapter>(expr::MakeAggregator(*kind, std::string(separator)));
}

}  // namespace hamlet::sparql::exec
