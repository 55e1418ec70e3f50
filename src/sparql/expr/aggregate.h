// Aggregate accumulators (SPARQL 1.1 section 18.5): COUNT, SUM, AVG, MIN, MAX, SAMPLE and
// GROUP_CONCAT. One accumulator per group and aggregate; the executor feeds it the value of the
// aggregate's expression for every solution of the group (nullopt for an error or unbound),
// after removing duplicates itself for the DISTINCT variants. COUNT(*) is fed any non-error
// term (e.g. MakeBoolean(true)) once per solution.
//
//   COUNT          number of non-error values; "0" for an empty group
//   SUM            numeric sum with type promotion; "0"^^xsd:integer for an empty group;
//                  an error if any value is an error or not a number
//   AVG            SUM / COUNT (integer inputs give a decimal); "0"^^xsd:integer when empty;
//                  an error if any value is an error or not a number
//   MIN / MAX      smallest / largest by the ORDER BY order (OrderCompare), errors skipped;
//                  an error (unbound) for an empty group
//   SAMPLE         the first non-error value; an error for an empty group
//   GROUP_CONCAT   string forms (lexical form of literals, IRI string) joined by the separator,
//                  as a simple literal even when all values share a language tag (the W3C
//                  tests agg-groupconcat-04/06 expect that); an error if a value is an error
//                  or a blank node; "" for an empty group
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "sparql/expr/expr.h"

namespace hamlet::sparql::expr {

enum class AggregateKind { kCount, kSum, kAvg, kMin, kMax, kSample, kGroupConcat };

// "COUNT", "SUM", ... (case-insensitive); nullopt for other names.
std::optional<AggregateKind> ParseAggregateKind(std::string_view name);

class Aggregator {
 public:
  virtual ~Aggregator() = default;
  virtual void Add(const ExprResult& value) = 0;
  // The aggregate over the values added so far (nullopt = error / unbound).
  virtual ExprResult Result() const = 0;
};

// `separator` is used by GROUP_CONCAT only (the spec's default is a single space).
std::unique_ptr<Aggregator> MakeAggregator(AggregateKind kind, std::string separator = " ");

}  // namespace hamlet::sparql::expr
