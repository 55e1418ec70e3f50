// EBV, logic, arithmetic, comparison, IN and ORDER BY ordering.
#include <algorithm>

#include "expr_test_util.h"

namespace hamlet::sparql::expr {
namespace {

using namespace testing;  // NOLINT

TEST(Ebv, FollowsSpecRules) {
  EXPECT_EQ(EffectiveBooleanValue(Bool(true)), true);
  EXPECT_EQ(EffectiveBooleanValue(Bool(false)), false);
  EXPECT_EQ(EffectiveBooleanValue(Typed("1", "boolean")), true);
  EXPECT_EQ(EffectiveBooleanValue(Typed("yes", "boolean")), false);  // invalid lexical form
  EXPECT_EQ(EffectiveBooleanValue(Str("")), false);
  EXPECT_EQ(EffectiveBooleanValue(Str("a")), true);
  EXPECT_EQ(EffectiveBooleanValue(Typed("", "string")), false);
  EXPECT_EQ(EffectiveBooleanValue(Int("0")), false);
  EXPECT_EQ(EffectiveBooleanValue(Int("-3")), true);
  EXPECT_EQ(EffectiveBooleanValue(Dec("0.0")), false);
  EXPECT_EQ(EffectiveBooleanValue(Dbl("NaN")), false);
  EXPECT_EQ(EffectiveBooleanValue(Dbl("0.0E0")), false);
  EXPECT_EQ(EffectiveBooleanValue(Flt("1.5")), true);
  EXPECT_EQ(EffectiveBooleanValue(Int("abc")), false);  // invalid numeric: false
  EXPECT_EQ(EffectiveBooleanValue(Lang("a", "en")), std::nullopt);
  EXPECT_EQ(EffectiveBooleanValue(Iri("http://x/")), std::nullopt);
  EXPECT_EQ(EffectiveBooleanValue(Blank("b")), std::nullopt);
  EXPECT_EQ(EffectiveBooleanValue(Typed("2024-01-01", "date")), std::nullopt);
  EXPECT_EQ(EffectiveBooleanValue(rdf::Term::Literal("x", "http://example/dt")), std::nullopt);
  EXPECT_EQ(EffectiveBooleanValue(kErr), std::nullopt);
}

TEST(Logic, ErrorTruthTables) {
  const ExprResult t = Bool(true), f = Bool(false), e = kErr;
  EXPECT_EQ(LogicalOr(t, e), t);
  EXPECT_EQ(LogicalOr(e, t), t);
  EXPECT_EQ(LogicalOr(f, e), kErr);
  EXPECT_EQ(LogicalOr(e, e), kErr);
  EXPECT_EQ(LogicalOr(f, f), f);
  EXPECT_EQ(LogicalAnd(f, e), f);
  EXPECT_EQ(LogicalAnd(e, f), f);
  EXPECT_EQ(LogicalAnd(t, e), kErr);
  EXPECT_EQ(LogicalAnd(t, t), t);
  EXPECT_EQ(LogicalNot(t), f);
  EXPECT_EQ(LogicalNot(Str("")), t);
  EXPECT_EQ(LogicalNot(e), kErr);
  EXPECT_EQ(LogicalNot(Iri("http://x/")), kErr);
  // Operands are converted by EBV.
  EXPECT_EQ(LogicalAnd(Int("1"), Str("x")), t);
}

TEST(Arithmetic, CanonicalFormsAndPromotion) {
  EXPECT_EQ(Add(Int("1"), Int("2")), Int("3"));
  EXPECT_EQ(Add(Dec("1.0"), Int("1")), Dec("2.0"));
  EXPECT_EQ(Add(Dbl("1"), Int("1")), Dbl("2.0E0"));
  EXPECT_EQ(Add(Flt("1"), Int("1")), Flt("2.0E0"));
  EXPECT_EQ(Add(Flt("1"), Dbl("1")), Dbl("2.0E0"));
  EXPECT_EQ(Add(Dec("1.5"), Flt("1")), Flt("2.5E0"));
  EXPECT_EQ(Multiply(Dec("1.5"), Dec("2")), Dec("3.0"));
  EXPECT_EQ(Multiply(Dbl("1.25"), Int("2")), Dbl("2.5E0"));
  EXPECT_EQ(Subtract(Int("1"), Int("3")), Int("-2"));
  EXPECT_EQ(Subtract(Dec("0.1"), Dec("0.3")), Dec("-0.2"));
  // Derived integer types count as integers; the result is xsd:integer.
  EXPECT_EQ(Add(Typed("2", "short"), Typed("3", "unsignedByte")), Int("5"));
  EXPECT_EQ(Add(Typed("2", "nonNegativeInteger"), Dec("0.5")), Dec("2.5"));
}

TEST(Arithmetic, Division) {
  EXPECT_EQ(Divide(Int("1"), Int("2")), Dec("0.5"));
  EXPECT_EQ(Divide(Int("4"), Int("2")), Dec("2.0"));
  EXPECT_EQ(Divide(Int("1"), Int("3")), Dec("0.333333333333333333"));
  EXPECT_EQ(Divide(Int("-7"), Dec("2")), Dec("-3.5"));
  EXPECT_EQ(Divide(Int("1"), Int("0")), kErr);
  EXPECT_EQ(Divide(Dec("1.0"), Dec("0.0")), kErr);
  EXPECT_EQ(Divide(Dbl("1"), Int("0")), Dbl("INF"));
  EXPECT_EQ(Divide(Dbl("-1"), Int("0")), Dbl("-INF"));
  EXPECT_EQ(Divide(Flt("0"), Flt("0")), Flt("NaN"));
  EXPECT_EQ(Divide(Dbl("5"), Dbl("2")), Dbl("2.5E0"));
}

TEST(Arithmetic, LargeDecimalsStayExact) {
  EXPECT_EQ(Multiply(Dec("12345678901.123456789"), Dec("1000000000")),
            Dec("12345678901123456789.0"));
  EXPECT_EQ(Multiply(Dec("0.000000001"), Dec("0.000000001")), Dec("0.000000000000000001"));
  EXPECT_EQ(Divide(Dec("100000000000000000000"), Dec("0.5")), kErr);  // out of range
  EXPECT_EQ(Divide(Dec("100000000000000000000"), Dec("4")), Dec("25000000000000000000.0"));
  // Out of the supported decimal range: an error, never a wrapped value.
  EXPECT_EQ(Add(Dec("170141183460469231000"), Dec("170141183460469231000")), kErr);
  EXPECT_EQ(Subtract(Dec("-170141183460469231000"), Dec("170141183460469231000")), kErr);
  EXPECT_EQ(Multiply(Dec("170141183460469231000"), Int("2")), kErr);
}

TEST(Arithmetic, TypeErrors) {
  EXPECT_EQ(Add(Str("abc"), Int("1")), kErr);
  EXPECT_EQ(Add(Int("abc"), Int("1")), kErr);  // ill-typed literal
  EXPECT_EQ(Add(Iri("http://x/"), Int("1")), kErr);
  EXPECT_EQ(Add(Int("1"), kErr), kErr);
  EXPECT_EQ(Add(Bool(true), Int("1")), kErr);
  EXPECT_EQ(UnaryMinus(Str("1")), kErr);
  EXPECT_EQ(Add(Int("9223372036854775807"), Dec("1.5")), Dec("9223372036854775808.5"));
  EXPECT_EQ(UnaryPlus(Lang("1", "en")), kErr);
}

TEST(Arithmetic, Unary) {
  EXPECT_EQ(UnaryMinus(Int("3")), Int("-3"));
  EXPECT_EQ(UnaryMinus(Dec("-1.50")), Dec("1.5"));
  EXPECT_EQ(UnaryMinus(Dbl("2")), Dbl("-2.0E0"));
  EXPECT_EQ(UnaryPlus(Typed("07", "int")), Int("7"));
}

// Issue 12 (11b): integers beyond 64 bits compare, sort and compute exactly; + - * past
// 64 bits promote instead of failing.
TEST(Arithmetic, IntegersBeyond64Bits) {
  const ExprResult big = Int("12345678901234567890123");
  EXPECT_EQ(Greater(big, Int("10")), Bool(true));
  EXPECT_EQ(Less(Int("-12345678901234567890123"), Int("-9223372036854775808")), Bool(true));
  EXPECT_EQ(Equal(Int("0012345678901234567890123"), big), Bool(true));
  EXPECT_EQ(Greater(big, Dec("99999999999999999999.5")), Bool(true));
  EXPECT_EQ(Less(big, Dbl("1.3E22")), Bool(true));
  EXPECT_LT(OrderCompare(Int("10"), big), 0);
  EXPECT_LT(OrderCompare(Int("99999999999999999999"), big), 0);
  EXPECT_EQ(Add(Int("9223372036854775807"), Int("1")), Int("9223372036854775808"));
  EXPECT_EQ(Subtract(Int("-9223372036854775808"), Int("1")), Int("-9223372036854775809"));
  EXPECT_EQ(Multiply(Int("9223372036854775807"), Int("2")), Int("18446744073709551614"));
  EXPECT_EQ(Multiply(big, big), Int("152415787532388367504942236884722755800955129"));
  EXPECT_EQ(Subtract(big, big), Int("0"));
  EXPECT_EQ(UnaryMinus(Int("-9223372036854775808")), Int("9223372036854775808"));
  EXPECT_EQ(UnaryMinus(big), Int("-12345678901234567890123"));
  EXPECT_EQ(Add(big, Dbl("1")), Dbl("1.2345678901234568E22"));
  EXPECT_EQ(Divide(Int("100000000000000000000"), Int("8")), Dec("12500000000000000000.0"));
  Context ctx;
  EXPECT_EQ(Call("ABS", std::vector<ExprResult>{Int("-12345678901234567890123")}, ctx), big);
}

TEST(Comparison, Numbers) {
  EXPECT_EQ(Equal(Int("1"), Dec("1.0")), Bool(true));
  EXPECT_EQ(Equal(Int("1"), Dbl("1.0E0")), Bool(true));
  EXPECT_EQ(Equal(Typed("01", "integer"), Int("1")), Bool(true));
  EXPECT_EQ(Less(Int("1"), Dec("1.5")), Bool(true));
  EXPECT_EQ(Greater(Flt("2.5"), Int("2")), Bool(true));
  EXPECT_EQ(LessEqual(Int("2"), Dbl("2")), Bool(true));
  EXPECT_EQ(GreaterEqual(Int("1"), Dbl("2")), Bool(false));
  EXPECT_EQ(NotEqual(Int("1"), Int("2")), Bool(true));
  EXPECT_EQ(Equal(Dbl("NaN"), Dbl("NaN")), Bool(false));
  EXPECT_EQ(NotEqual(Dbl("NaN"), Dbl("NaN")), Bool(true));
  EXPECT_EQ(Less(Dbl("NaN"), Int("1")), Bool(false));
  EXPECT_EQ(Less(Dbl("-INF"), Int("1")), Bool(true));
}

TEST(Comparison, StringsBooleansDates) {
  EXPECT_EQ(Equal(Str("abc"), Typed("abc", "string")), Bool(true));
  EXPECT_EQ(Less(Str("abc"), Str("abd")), Bool(true));
  EXPECT_EQ(Less(Str("Z"), Str("a")), Bool(true));  // code point order
  EXPECT_EQ(Less(Str("\xc3\xa9"), Str("\xf0\x9f\x98\x80")), Bool(true));
  EXPECT_EQ(Less(Bool(false), Bool(true)), Bool(true));
  EXPECT_EQ(Equal(Typed("1", "boolean"), Bool(true)), Bool(true));
  EXPECT_EQ(Equal(DateTimeLit("2002-10-10T12:00:00-05:00"), DateTimeLit("2002-10-10T17:00:00Z")),
            Bool(true));
  EXPECT_EQ(Less(DateTimeLit("2002-10-10T12:00:00Z"), DateTimeLit("2002-10-10T17:00:00Z")),
            Bool(true));
  EXPECT_EQ(Less(Typed("2002-10-10", "date"), Typed("2002-10-11", "date")), Bool(true));
  // With and without a timezone: determinate only beyond 14 hours (XPath).
  EXPECT_EQ(Equal(Typed("2006-08-23Z", "date"), Typed("2006-08-23", "date")), kErr);
  EXPECT_EQ(NotEqual(Typed("2006-08-23+00:00", "date"), Typed("2006-08-23", "date")), kErr);
  EXPECT_EQ(NotEqual(Typed("2001-01-01Z", "date"), Typed("2006-08-23", "date")), Bool(true));
  EXPECT_EQ(Greater(Typed("2006-08-23Z", "date"), Typed("2006-08-22", "date")), Bool(true));
  EXPECT_EQ(Less(DateTimeLit("2006-08-23T09:00:00"), DateTimeLit("2006-08-23T10:00:00Z")), kErr);
  // date vs dateTime: different value spaces, unequal but not ordered.
  EXPECT_EQ(NotEqual(DateTimeLit("2006-08-23T09:00:00+01:00"), Typed("2006-08-23", "date")),
            Bool(true));
  // Not comparable with < : error.
  EXPECT_EQ(Less(Str("1"), Int("2")), kErr);
  EXPECT_EQ(Less(Lang("a", "en"), Lang("b", "en")), kErr);
  EXPECT_EQ(Less(Iri("http://a/"), Iri("http://b/")), kErr);
  EXPECT_EQ(Less(Bool(true), Int("1")), kErr);
  EXPECT_EQ(Less(Typed("2002-10-10", "date"), DateTimeLit("2002-10-10T00:00:00Z")), kErr);
}

TEST(Comparison, RdfTermEqual) {
  EXPECT_EQ(Equal(Iri("http://a/"), Iri("http://a/")), Bool(true));
  EXPECT_EQ(Equal(Iri("http://a/"), Iri("http://b/")), Bool(false));
  EXPECT_EQ(Equal(Blank("a"), Blank("a")), Bool(true));
  EXPECT_EQ(Equal(Blank("a"), Iri("http://a/")), Bool(false));
  EXPECT_EQ(Equal(Iri("http://a/"), Str("http://a/")), Bool(false));
  EXPECT_EQ(Equal(Lang("xyz", "en"), Lang("xyz", "EN")), Bool(true));
  EXPECT_EQ(Equal(Lang("xyz", "en"), Lang("abc", "en")), Bool(false));
  EXPECT_EQ(Equal(Lang("xyz", "en"), Str("xyz")), Bool(false));
  EXPECT_EQ(NotEqual(Lang("xyz", "en"), Typed("xyz", "integer")), Bool(true));
  // Unknown datatypes: identical -> true, otherwise an error.
  ExprResult u1 = rdf::Term::Literal("xyz", "http://example/unknown");
  ExprResult u2 = rdf::Term::Literal("abc", "http://example/unknown");
  EXPECT_EQ(Equal(u1, u1), Bool(true));
  EXPECT_EQ(Equal(u1, u2), kErr);
  EXPECT_EQ(NotEqual(u1, Str("xyz")), kErr);
  EXPECT_EQ(NotEqual(u1, Iri("http://example/xyz")), Bool(true));
  // Ill-typed literals behave like unknown datatypes.
  EXPECT_EQ(Equal(Int("xyz"), Int("xyz")), Bool(true));
  EXPECT_EQ(NotEqual(Int("xyz"), Str("xyz")), kErr);
  // Known, valid, but different value spaces: unequal.
  EXPECT_EQ(Equal(Str("1"), Int("1")), Bool(false));
  EXPECT_EQ(Equal(Bool(true), Int("1")), Bool(false));
  EXPECT_EQ(Equal(kErr, Int("1")), kErr);
}

TEST(Comparison, SameTerm) {
  EXPECT_EQ(SameTerm(Int("1"), Int("1")), Bool(true));
  EXPECT_EQ(SameTerm(Int("1"), Typed("01", "integer")), Bool(false));
  EXPECT_EQ(SameTerm(Int("1"), Dec("1.0")), Bool(false));
  EXPECT_EQ(SameTerm(Str("a"), Typed("a", "string")), Bool(true));
  EXPECT_EQ(SameTerm(Str("a"), Lang("a", "en")), Bool(false));
  EXPECT_EQ(SameTerm(Blank("a"), Blank("a")), Bool(true));
  EXPECT_EQ(SameTerm(kErr, Blank("a")), kErr);
}

TEST(Comparison, InAndNotIn) {
  std::vector<ExprResult> list = {Int("1"), Str("a"), Dec("2.0")};
  EXPECT_EQ(In(Int("2"), list), Bool(true));
  EXPECT_EQ(In(Int("3"), list), Bool(false));
  EXPECT_EQ(NotIn(Int("3"), list), Bool(true));
  EXPECT_EQ(NotIn(Str("a"), list), Bool(false));
  EXPECT_EQ(In(Int("1"), {}), Bool(false));
  EXPECT_EQ(NotIn(Int("1"), {}), Bool(true));
  // An error in the list: true wins, otherwise error.
  std::vector<ExprResult> with_error = {kErr, Int("1")};
  EXPECT_EQ(In(Int("1"), with_error), Bool(true));
  EXPECT_EQ(In(Int("2"), with_error), kErr);
  EXPECT_EQ(NotIn(Int("2"), with_error), kErr);
  EXPECT_EQ(NotIn(Int("1"), with_error), Bool(false));
  EXPECT_EQ(In(kErr, list), kErr);
  EXPECT_EQ(In(kErr, {}), Bool(false));
  EXPECT_EQ(NotIn(kErr, {}), Bool(true));
}

TEST(Ordering, MixedTerms) {
  std::vector<ExprResult> terms = {Lang("b", "en"),
                                   Str("b"),
                                   Int("10"),
                                   Dbl("2.5"),
                                   Blank("z"),
                                   kErr,
                                   Iri("http://b/"),
                                   Str("a"),
                                   Blank("a"),
                                   Iri("http://a/"),
                                   Dec("1.0"),
                                   Bool(true),
                                   Dbl("NaN"),
                                   DateTimeLit("2002-10-10T17:00:00Z"),
                                   rdf::Term::Literal("u", "http://example/dt"),
                                   Typed("2002-10-10", "date"),
                                   Int("1")};
  std::sort(terms.begin(), terms.end(), OrderLess());
  std::vector<std::string> shown;
  for (const auto& t : terms) shown.push_back(Show(t));
  std::vector<std::string> expected = {
      "error",
      "_:a",
      "_:z",
      "<http://a/>",
      "<http://b/>",
      "\"NaN\"^^<http://www.w3.org/2001/XMLSchema#double>",
      "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>",
      "\"1.0\"^^<http://www.w3.org/2001/XMLSchema#decimal>",
      "\"2.5\"^^<http://www.w3.org/2001/XMLSchema#double>",
      "\"10\"^^<http://www.w3.org/2001/XMLSchema#integer>",
      "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>",
      "\"2002-10-10T17:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime>",
      "\"2002-10-10\"^^<http://www.w3.org/2001/XMLSchema#date>",
      "\"a\"",
      "\"b\"",
      "\"b\"@en",
      "\"u\"^^<http://example/dt>",
  };
  EXPECT_EQ(shown, expected);
}

TEST(Ordering, TotalAndConsistent) {
  EXPECT_EQ(OrderCompare(kErr, kErr), 0);
  EXPECT_EQ(OrderCompare(Int("1"), Int("1")), 0);
  EXPECT_NE(OrderCompare(Int("1"), Typed("01", "integer")), 0);
  EXPECT_LT(OrderCompare(Int("2"), Int("10")), 0);
  EXPECT_GT(OrderCompare(Str("b"), Str("a")), 0);
  EXPECT_LT(OrderCompare(Lang("a", "de"), Lang("a", "en")), 0);
  EXPECT_LT(
      OrderCompare(DateTimeLit("2002-10-10T12:00:00-06:00"), DateTimeLit("2002-10-10T19:00:00Z")),
      0);
}

TEST(Call, OperatorsByName) {
  Fn f;
  EXPECT_EQ(f("+", {Int("1"), Int("2")}), Int("3"));
  EXPECT_EQ(f("-", {Int("1")}), Int("-1"));
  EXPECT_EQ(f("NEG", {Int("1")}), Int("-1"));
  EXPECT_EQ(f("POS", {Dec("1.50")}), Dec("1.5"));
  EXPECT_EQ(f("*", {Int("2"), Int("3")}), Int("6"));
  EXPECT_EQ(f("/", {Int("3"), Int("2")}), Dec("1.5"));
  EXPECT_EQ(f("=", {Int("1"), Dec("1")}), Bool(true));
  EXPECT_EQ(f("!=", {Int("1"), Dec("1")}), Bool(false));
  EXPECT_EQ(f("<", {Int("1"), Dec("2")}), Bool(true));
  EXPECT_EQ(f(">=", {Int("1"), Dec("2")}), Bool(false));
  EXPECT_EQ(f("!", {Bool(false)}), Bool(true));
  EXPECT_EQ(f("||", {kErr, Bool(true)}), Bool(true));
  EXPECT_EQ(f("&&", {kErr, Bool(false)}), Bool(false));
  EXPECT_EQ(f("sameTerm", {Int("1"), Int("1")}), Bool(true));
  EXPECT_EQ(f("IN", {Int("1"), Int("2"), Int("1")}), Bool(true));
  EXPECT_EQ(f("NOT IN", {Int("1"), Int("2")}), Bool(true));
  EXPECT_EQ(f("*", {Int("2")}), kErr);  // arity
  EXPECT_EQ(f("NO_SUCH_FUNCTION", {Int("2")}), kErr);
  EXPECT_EQ(f("http://example/fn", {Int("2")}), kErr);
}

TEST(Call, EagerLazyForms) {
  Fn f;
  EXPECT_EQ(f("IF", {Bool(true), Int("1"), kErr}), Int("1"));
  EXPECT_EQ(f("IF", {Bool(false), Int("1"), Int("2")}), Int("2"));
  EXPECT_EQ(f("IF", {kErr, Int("1"), Int("2")}), kErr);
  EXPECT_EQ(f("IF", {Iri("http://x/"), Int("1"), Int("2")}), kErr);
  EXPECT_EQ(f("COALESCE", {kErr, kErr, Int("3")}), Int("3"));
  EXPECT_EQ(f("COALESCE", {kErr}), kErr);
  EXPECT_EQ(f("COALESCE", {}), kErr);
  EXPECT_EQ(f("BOUND", {kErr}), Bool(false));
  EXPECT_EQ(f("BOUND", {Int("1")}), Bool(true));
  int evaluated = 0;
  ExprResult r = If(
      Bool(true), [&] { return Int("1"); },
      [&] {
        ++evaluated;
        return Int("2");
      });
  EXPECT_EQ(r, Int("1"));
  EXPECT_EQ(evaluated, 0);
  r = Coalesce(3, [&](size_t i) {
    ++evaluated;
    return i == 1 ? Int("7") : kErr;
  });
  EXPECT_EQ(r, Int("7"));
  EXPECT_EQ(evaluated, 2);
}

TEST(Call, ResolvedFunctions) {
  Context ctx;
  auto strlen_ref = ResolveFunction("strlen", 1);
  ASSERT_TRUE(strlen_ref);
  EXPECT_EQ(strlen_ref->name, "STRLEN");
  std::vector<ExprResult> args = {Str("abc")};
  EXPECT_EQ(Call(*strlen_ref, args, ctx), Int("3"));
  args = {Str("abc"), Str("d")};
  EXPECT_EQ(Call(*strlen_ref, args, ctx), kErr);
  auto cast = ResolveFunction(XsdIri("integer"), 1);
  ASSERT_TRUE(cast);
  EXPECT_TRUE(cast->is_cast);
  args = {Str("12")};
  EXPECT_EQ(Call(*cast, args, ctx), Int("12"));
  EXPECT_FALSE(ResolveFunction("STRLEN", 0));
  EXPECT_FALSE(ResolveFunction("http://example/f", 1));
}

TEST(Call, KnownFunctions) {
  EXPECT_TRUE(IsKnownFunction("STRLEN", 1));
  EXPECT_TRUE(IsKnownFunction("strlen", 1));
  EXPECT_FALSE(IsKnownFunction("STRLEN", 2));
  EXPECT_TRUE(IsKnownFunction("CONCAT", 0));
  EXPECT_TRUE(IsKnownFunction("CONCAT", 5));
  EXPECT_TRUE(IsKnownFunction("SUBSTR", 3));
  EXPECT_FALSE(IsKnownFunction("SUBSTR", 4));
  EXPECT_TRUE(IsKnownFunction("http://www.w3.org/2001/XMLSchema#integer", 1));
  EXPECT_TRUE(IsKnownFunction("http://www.w3.org/2001/XMLSchema#int", 1));
  EXPECT_FALSE(IsKnownFunction("http://www.w3.org/2001/XMLSchema#integer", 2));
  EXPECT_FALSE(IsKnownFunction("http://www.w3.org/2001/XMLSchema#gYear", 1));
  EXPECT_FALSE(IsKnownFunction("FOO", 1));
}

}  // namespace
}  // namespace hamlet::sparql::expr
