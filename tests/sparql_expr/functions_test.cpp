// Builtin functions through Call(): terms, strings, regex, numbers, dates, hashes, ids.
#include <set>

#include "expr_test_util.h"

namespace hamlet::sparql::expr {
namespace {

using namespace testing;  // NOLINT

TEST(TermFunctions, StrLangDatatype) {
  Fn f;
  EXPECT_EQ(f("STR", {Iri("http://x/")}), Str("http://x/"));
  EXPECT_EQ(f("STR", {Lang("chat", "fr")}), Str("chat"));
  EXPECT_EQ(f("STR", {Typed("01", "integer")}), Str("01"));
  EXPECT_EQ(f("STR", {Blank("b")}), kErr);
  EXPECT_EQ(f("STR", {kErr}), kErr);
  EXPECT_EQ(f("LANG", {Lang("chat", "fr")}), Str("fr"));
  EXPECT_EQ(f("LANG", {Str("chat")}), Str(""));
  EXPECT_EQ(f("LANG", {Iri("http://x/")}), kErr);
  EXPECT_EQ(f("DATATYPE", {Str("a")}), Iri(XsdIri("string")));
  EXPECT_EQ(f("DATATYPE", {Int("1")}), Iri(XsdIri("integer")));
  EXPECT_EQ(f("DATATYPE", {Lang("a", "en")}), Iri(std::string(rdf::vocab::kRdfLangString)));
  EXPECT_EQ(f("DATATYPE", {Blank("b")}), kErr);
}

TEST(TermFunctions, LangMatches) {
  Fn f;
  EXPECT_EQ(f("LANGMATCHES", {Str("en-US"), Str("en")}), Bool(true));
  EXPECT_EQ(f("LANGMATCHES", {Str("EN"), Str("en")}), Bool(true));
  EXPECT_EQ(f("LANGMATCHES", {Str("english"), Str("en")}), Bool(false));
  EXPECT_EQ(f("LANGMATCHES", {Str("fr"), Str("*")}), Bool(true));
  EXPECT_EQ(f("LANGMATCHES", {Str(""), Str("*")}), Bool(false));
  EXPECT_EQ(f("LANGMATCHES", {Int("1"), Str("*")}), kErr);
}

TEST(TermFunctions, IsTests) {
  Fn f;
  EXPECT_EQ(f("isIRI", {Iri("http://x/")}), Bool(true));
  EXPECT_EQ(f("isURI", {Str("http://x/")}), Bool(false));
  EXPECT_EQ(f("isBLANK", {Blank("b")}), Bool(true));
  EXPECT_EQ(f("isLiteral", {Lang("a", "en")}), Bool(true));
  EXPECT_EQ(f("isLiteral", {Iri("http://x/")}), Bool(false));
  EXPECT_EQ(f("isNumeric", {Int("12")}), Bool(true));
  EXPECT_EQ(f("isNumeric", {Dbl("1e3")}), Bool(true));
  EXPECT_EQ(f("isNumeric", {Str("12")}), Bool(false));
  EXPECT_EQ(f("isNumeric", {Typed("1200", "byte")}), Bool(false));  // out of range
  EXPECT_EQ(f("isNumeric", {Int("abc")}), Bool(false));
  EXPECT_EQ(f("isIRI", {kErr}), kErr);
}

TEST(TermFunctions, IriBnodeStrdtStrlang) {
  Fn f;
  f.ctx.base_iri = "http://example.org/base/";
  EXPECT_EQ(f("IRI", {Str("http://a/b")}), Iri("http://a/b"));
  EXPECT_EQ(f("URI", {Str("rel")}), Iri("http://example.org/base/rel"));
  EXPECT_EQ(f("IRI", {Iri("http://a/")}), Iri("http://a/"));
  EXPECT_EQ(f("IRI", {Int("1")}), kErr);
  EXPECT_EQ(f("IRI", {Lang("http://a/", "en")}), kErr);
  EXPECT_EQ(f("IRI", {Str("http://a b/")}), kErr);

  ExprResult b1 = f("BNODE", {}), b2 = f("BNODE", {});
  ASSERT_TRUE(b1 && b2);
  EXPECT_TRUE(b1->is_blank());
  EXPECT_NE(b1, b2);
  ExprResult x1 = f("BNODE", {Str("x")}), x2 = f("BNODE", {Str("x")}), y = f("BNODE", {Str("y")});
  EXPECT_EQ(x1, x2);  // same string, same solution
  EXPECT_NE(x1, y);
  f.ctx.NextSolution();
  EXPECT_NE(f("BNODE", {Str("x")}), x1);  // fresh per solution
  EXPECT_EQ(f("BNODE", {Int("1")}), kErr);
  f.ctx.bnode_prefix = "q7_";
  ExprResult p = f("BNODE", {});
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value().rfind("q7_", 0), 0u);

  EXPECT_EQ(f("STRDT", {Str("123"), Iri(XsdIri("integer"))}), Int("123"));
  EXPECT_EQ(f("STRDT", {Str("x"), Str("http://dt/")}), kErr);
  EXPECT_EQ(f("STRDT", {Lang("x", "en"), Iri(XsdIri("string"))}), kErr);
  EXPECT_EQ(f("STRLANG", {Str("chat"), Str("fr")}), Lang("chat", "fr"));
  EXPECT_EQ(f("STRLANG", {Typed("chat", "string"), Str("en-GB")}), Lang("chat", "en-GB"));
  EXPECT_EQ(f("STRLANG", {Lang("chat", "fr"), Str("en")}), kErr);
  EXPECT_EQ(f("STRLANG", {Str("chat"), Str("")}), kErr);
  EXPECT_EQ(f("STRLANG", {Str("chat"), Str("not a tag")}), kErr);
}

TEST(StringFunctions, StrlenCountsCharacters) {
  Fn f;
  EXPECT_EQ(f("STRLEN", {Str("chat")}), Int("4"));
  EXPECT_EQ(f("STRLEN", {Lang("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "ja")}), Int("3"));
  EXPECT_EQ(f("STRLEN", {Str("\xf0\x9f\x98\x80x")}), Int("2"));  // non-BMP
  EXPECT_EQ(f("STRLEN", {Int("1")}), kErr);
  EXPECT_EQ(f("STRLEN", {Iri("http://x/")}), kErr);
}

TEST(StringFunctions, Substr) {
  Fn f;
  EXPECT_EQ(f("SUBSTR", {Str("foobar"), Int("4")}), Str("bar"));
  EXPECT_EQ(f("SUBSTR", {Str("foobar"), Int("4"), Int("1")}), Str("b"));
  EXPECT_EQ(f("SUBSTR", {Lang("foobar", "en"), Int("4"), Int("2")}), Lang("ba", "en"));
  EXPECT_EQ(f("SUBSTR", {Typed("foobar", "string"), Int("0"), Int("3")}), Str("fo"));
  EXPECT_EQ(f("SUBSTR", {Str("12345"), Dec("1.5"), Dec("2.6")}), Str("234"));
  EXPECT_EQ(f("SUBSTR", {Str("12345"), Int("-3"), Int("5")}), Str("1"));
  EXPECT_EQ(f("SUBSTR", {Str("12345"), Dbl("NaN"), Int("3")}), Str(""));
  EXPECT_EQ(f("SUBSTR", {Str("\xf0\x9f\x98\x80"
                             "ab"),
                         Int("2")}),
            Str("ab"));
  EXPECT_EQ(f("SUBSTR", {Int("12345"), Int("2")}), kErr);
  EXPECT_EQ(f("SUBSTR", {Str("12345"), Str("2")}), kErr);
}

TEST(StringFunctions, CaseAndEncode) {
  Fn f;
  EXPECT_EQ(f("UCASE", {Str("foo")}), Str("FOO"));
  EXPECT_EQ(f("UCASE", {Lang("foo", "en")}), Lang("FOO", "en"));
  EXPECT_EQ(f("LCASE", {Str("BAR")}), Str("bar"));
  EXPECT_EQ(f("UCASE", {Str("\xc3\xa9t\xc3\xa9")}), Str("\xc3\x89T\xc3\x89"));  // été -> ÉTÉ
  EXPECT_EQ(f("LCASE", {Str("\xce\xa3")}), Str("\xcf\x83"));                    // Σ -> σ
  EXPECT_EQ(f("UCASE", {Int("1")}), kErr);
  // Issue 12 (11c): Unicode's full case mappings, not the C library's one-to-one ones.
  EXPECT_EQ(f("UCASE", {Str("stra\xc3\x9f"
                            "e")}),
            Str("STRASSE"));                                              // straße
  EXPECT_EQ(f("UCASE", {Lang("\xef\xac\x81", "en")}), Lang("FI", "en"));  // ﬁ ligature
  EXPECT_EQ(f("LCASE", {Str("\xc4\xb0")}), Str("i\xcc\x87"));             // İ -> i + dot
  EXPECT_EQ(f("LCASE", {Str("\xe1\xba\x9e")}), Str("\xc3\x9f"));          // ẞ -> ß
  EXPECT_EQ(f("ENCODE_FOR_URI", {Str("Los Angeles")}), Str("Los%20Angeles"));
  EXPECT_EQ(f("ENCODE_FOR_URI", {Lang("Los Angeles", "en")}), Str("Los%20Angeles"));
  EXPECT_EQ(f("ENCODE_FOR_URI", {Str("~a-b_c.d/\xc3\xa9")}), Str("~a-b_c.d%2F%C3%A9"));
  EXPECT_EQ(f("ENCODE_FOR_URI", {Iri("http://x/")}), kErr);
}

TEST(StringFunctions, Concat) {
  Fn f;
  EXPECT_EQ(f("CONCAT", {Str("foo"), Str("bar")}), Str("foobar"));
  EXPECT_EQ(f("CONCAT", {Lang("foo", "en"), Lang("bar", "en")}), Lang("foobar", "en"));
  EXPECT_EQ(f("CONCAT", {Lang("foo", "en"), Str("bar")}), Str("foobar"));
  EXPECT_EQ(f("CONCAT", {Lang("foo", "en"), Lang("bar", "fr")}), Str("foobar"));
  EXPECT_EQ(f("CONCAT", {Typed("foo", "string"), Str("bar")}), Str("foobar"));
  EXPECT_EQ(f("CONCAT", {}), Str(""));
  EXPECT_EQ(f("CONCAT", {Lang("x", "en")}), Lang("x", "en"));
  EXPECT_EQ(f("CONCAT", {Str("a"), Int("1")}), kErr);
  EXPECT_EQ(f("CONCAT", {Str("a"), kErr}), kErr);
}

TEST(StringFunctions, StartsEndsContains) {
  Fn f;
  EXPECT_EQ(f("STRSTARTS", {Str("foobar"), Str("foo")}), Bool(true));
  EXPECT_EQ(f("STRSTARTS", {Str("foobar"), Str("bar")}), Bool(false));
  EXPECT_EQ(f("STRSTARTS", {Str("fo"), Str("foo")}), Bool(false));
  EXPECT_EQ(f("STRENDS", {Str("foobar"), Str("bar")}), Bool(true));
  EXPECT_EQ(f("STRENDS", {Str("ar"), Str("bar")}), Bool(false));
  EXPECT_EQ(f("CONTAINS", {Str("foobar"), Str("oba")}), Bool(true));
  EXPECT_EQ(f("CONTAINS", {Str("foobar"), Str("")}), Bool(true));
  EXPECT_EQ(f("CONTAINS", {Lang("foobar", "en"), Str("bar")}), Bool(true));
  EXPECT_EQ(f("CONTAINS", {Lang("foobar", "en"), Lang("bar", "en")}), Bool(true));
  // Incompatible arguments.
  EXPECT_EQ(f("CONTAINS", {Lang("foobar", "en"), Lang("bar", "fr")}), kErr);
  EXPECT_EQ(f("CONTAINS", {Str("foobar"), Lang("bar", "en")}), kErr);
  EXPECT_EQ(f("STRSTARTS", {Int("123"), Str("1")}), kErr);
  EXPECT_EQ(f("STRENDS", {Str("123"), Int("3")}), kErr);
}

TEST(StringFunctions, StrBeforeAfter) {
  Fn f;
  EXPECT_EQ(f("STRBEFORE", {Str("abc"), Str("b")}), Str("a"));
  EXPECT_EQ(f("STRBEFORE", {Lang("abc", "en"), Str("bc")}), Lang("a", "en"));
  EXPECT_EQ(f("STRBEFORE", {Lang("abc", "en"), Str("")}), Lang("", "en"));
  EXPECT_EQ(f("STRBEFORE", {Lang("abc", "en"), Lang("b", "en")}), Lang("a", "en"));
  EXPECT_EQ(f("STRBEFORE", {Lang("abc", "en"), Str("z")}), Str(""));  // no match: simple ""
  EXPECT_EQ(f("STRBEFORE", {Typed("abc", "string"), Typed("c", "string")}), Str("ab"));
  EXPECT_EQ(f("STRBEFORE", {Lang("abc", "en"), Lang("b", "cy")}), kErr);
  EXPECT_EQ(f("STRBEFORE", {Str("abc"), Lang("b", "en")}), kErr);
  EXPECT_EQ(f("STRBEFORE", {Int("7"), Str("b")}), kErr);
  EXPECT_EQ(f("STRAFTER", {Str("abc"), Str("b")}), Str("c"));
  EXPECT_EQ(f("STRAFTER", {Lang("abc", "en"), Str("ab")}), Lang("c", "en"));
  EXPECT_EQ(f("STRAFTER", {Lang("abc", "en"), Str("")}), Lang("abc", "en"));
  EXPECT_EQ(f("STRAFTER", {Str("abc"), Str("xyz")}), Str(""));
  EXPECT_EQ(f("STRAFTER", {Str("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"), Str("\xe6\x9c\xac")}),
            Str("\xe8\xaa\x9e"));
}

TEST(Regex, MatchesWithFlags) {
  Fn f;
  EXPECT_EQ(f("REGEX", {Str("Alice"), Str("^ali")}), Bool(false));
  EXPECT_EQ(f("REGEX", {Str("Alice"), Str("^ali"), Str("i")}), Bool(true));
  EXPECT_EQ(f("REGEX", {Str("abc"), Str("b")}), Bool(true));  // unanchored
  EXPECT_EQ(f("REGEX", {Lang("abc", "en"), Str("^a.c$")}), Bool(true));
  EXPECT_EQ(f("REGEX", {Str("a\nb"), Str("a.b")}), Bool(false));
  EXPECT_EQ(f("REGEX", {Str("a\nb"), Str("a.b"), Str("s")}), Bool(true));
  EXPECT_EQ(f("REGEX", {Str("x\nb"), Str("^b$")}), Bool(false));
  EXPECT_EQ(f("REGEX", {Str("x\nb"), Str("^b$"), Str("m")}), Bool(true));
  EXPECT_EQ(f("REGEX", {Str("abc"), Str("a b c"), Str("x")}), Bool(true));
  EXPECT_EQ(f("REGEX", {Str("a.c"), Str("."), Str("q")}), Bool(true));
  EXPECT_EQ(f("REGEX", {Str("abc"), Str("."), Str("q")}), Bool(false));
  EXPECT_EQ(f("REGEX", {Str("\xc3\xa9t\xc3\xa9"), Str("^.{3}$")}), Bool(true));  // characters
  EXPECT_EQ(f("REGEX", {Str("\xc3\x89T\xc3\x89"), Str("\xc3\xa9t\xc3\xa9"), Str("i")}), Bool(true));
  EXPECT_EQ(f("REGEX", {Str("\xc3\x89"), Str("^\\p{Lu}$")}), Bool(true));
  EXPECT_EQ(f("REGEX", {Str("\xc3\xa9"), Str("^\\p{Lu}$")}), Bool(false));
  EXPECT_EQ(f("REGEX", {Str("\xc3\xa9"), Str("^[\\p{Ll}\\d]$")}), Bool(true));
  EXPECT_EQ(f("REGEX", {Str("a1"), Str("\\P{L}")}), Bool(true));
  EXPECT_EQ(f("REGEX", {Str("a\\p"), Str("\\\\p")}), Bool(true));  // escaped backslash
  EXPECT_EQ(f("REGEX", {Str("abc"), Str("[")}), kErr);             // bad pattern
  EXPECT_EQ(f("REGEX", {Str("abc"), Str("a"), Str("k")}), kErr);   // bad flag
  EXPECT_EQ(f("REGEX", {Int("1"), Str("1")}), kErr);
  EXPECT_EQ(f("REGEX", {Str("abc"), Lang("a", "en")}), kErr);
  EXPECT_EQ(f("REGEX", {Iri("http://x/"), Str("x")}), kErr);
}

// The sparql10/regex W3C tests on their data.
TEST(Regex, W3cQuantifierData) {
  Fn f;
  const std::vector<std::string> data = {"ac",      "abc", "abbc", "abbbc",        "a\nc",
                                         "a\nb\nc", "a.c", "ABC",  "a?+*.{}()[]c", "b"};
  auto matching = [&](const std::string& pattern, const std::string& flags) {
    std::vector<std::string> out;
    for (const auto& d : data) {
      std::vector<ExprResult> args = {Str(d), Str(pattern)};
      if (!flags.empty()) args.push_back(Str(flags));
      ExprResult r = f("REGEX", args);
      EXPECT_TRUE(r) << d << " ~ " << pattern;
      if (r == Bool(true)) out.push_back(d);
    }
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(matching(" a\n\tc ", "x"), V({"ac"}));
  EXPECT_EQ(matching(" a\n\r\t[\\n]c ", "x"), V({"a\nc"}));
  EXPECT_EQ(matching("^b$", ""), V({"b"}));
  EXPECT_EQ(matching("^b$", "m"), V({"a\nb\nc", "b"}));
  EXPECT_EQ(matching("a?+*.{}()[]c", "q"), V({"a?+*.{}()[]c"}));
  EXPECT_EQ(matching("a?+*.{}()[]C", "iq"), V({"a?+*.{}()[]c"}));
  EXPECT_EQ(matching("a.c", ""), V({"abc", "a.c"}));
  EXPECT_EQ(matching("a.c", "s"), V({"abc", "a\nc", "a.c"}));
  EXPECT_EQ(matching("ab{2}c", ""), V({"abbc"}));
  EXPECT_EQ(matching("ab{1,2}c", ""), V({"abc", "abbc"}));
  EXPECT_EQ(matching("a[^b]c", ""), V({"a\nc", "a.c"}));
  EXPECT_EQ(matching("abc", "i"), V({"abc", "ABC"}));
}

// Issue 12 (11a): XPath regex syntax on PCRE2, Unicode-aware.
TEST(Regex, XPathSyntaxOnPcre2) {
  Fn f;
  auto re = [&](const std::string& text, const std::string& pattern,
                const std::string& flags = "") {
    std::vector<ExprResult> args = {Str(text), Str(pattern)};
    if (!flags.empty()) args.push_back(Str(flags));
    return f("REGEX", args);
  };
  // (a+)+$ on 15 characters: answered (Boost.Regex gave up with "too complex").
  EXPECT_EQ(re("aaaaaaaaaaaaaab", "(a+)+$"), Bool(false));
  EXPECT_TRUE(f.ctx.fatal().ok());
  // Block escapes and categories.
  EXPECT_EQ(re("abc", "^\\p{IsBasicLatin}+$"), Bool(true));
  EXPECT_EQ(re("ab\xc3\xa9", "^\\p{IsBasicLatin}+$"), Bool(false));
  EXPECT_EQ(re("\xc3\xa9", "^\\P{IsBasicLatin}$"), Bool(true));
  EXPECT_EQ(re("\xc3\xa9", "^[a\\P{IsBasicLatin}]$"), Bool(true));
  EXPECT_EQ(re("\xce\xb1", "^\\p{IsGreek}$"), Bool(true));  // XSD's old block name
  EXPECT_EQ(re("\xe2\x82\xac", "^\\p{Sc}$"), Bool(true));   // euro sign
  EXPECT_EQ(re("$", "^\\p{Sc}$"), Bool(true));
  EXPECT_EQ(re("a", "\\p{IsNoSuchBlock}"), kErr);
  // \d is \p{Nd}: Arabic-Indic digits; \s is only space, tab, CR, LF.
  EXPECT_EQ(re("\xd9\xa3", "^\\d$"), Bool(true));
  EXPECT_EQ(re("\xc2\xa0", "\\s"), Bool(false));  // no-break space
  EXPECT_EQ(re("\xc2\xa0", "\\S"), Bool(true));
  // \w excludes punctuation, separators and controls; \i / \c are XML name characters.
  EXPECT_EQ(re("_", "\\w"), Bool(false));
  EXPECT_EQ(re("+", "\\w"), Bool(true));  // a symbol (Sm)
  EXPECT_EQ(re("x1", "^\\i\\c$"), Bool(true));
  EXPECT_EQ(re("1x", "^\\i\\c$"), Bool(false));
  // Class subtraction.
  EXPECT_EQ(re("b", "^[a-z-[aeiou]]$"), Bool(true));
  EXPECT_EQ(re("e", "^[a-z-[aeiou]]$"), Bool(false));
  // $ without m matches only at the very end; "." excludes CR too.
  EXPECT_EQ(re("ab\n", "b$"), Bool(false));
  EXPECT_EQ(re("a\rb", "a.b"), Bool(false));
  // i: Unicode case folding.
  EXPECT_EQ(re("\xce\xa3", "\xcf\x83", "i"), Bool(true));  // Σ ~ σ
  // x keeps white space inside classes, q quotes everything.
  EXPECT_EQ(re("a c", "a[ ]c", "x"), Bool(true));
  EXPECT_EQ(re("(a+)+$", "(a+)+$", "q"), Bool(true));
  // Back-references to closed groups only.
  EXPECT_EQ(re("abab", "^(ab)\\1$"), Bool(true));
  EXPECT_EQ(re("aa", "(a\\1)"), kErr);
  // Not XPath syntax.
  EXPECT_EQ(re("ab", "a(?=b)"), kErr);
  EXPECT_EQ(re("a{", "a{"), kErr);
  EXPECT_EQ(re("a", "\\b"), kErr);
  EXPECT_EQ(re("a", "[]"), kErr);
}

// A backtracking limit is a fatal error of the query (Context::fatal), not a false FILTER.
TEST(Regex, MatchLimitIsFatal) {
  Fn f;
  std::string text(40, 'a');
  text += 'b';
  EXPECT_EQ(f("REGEX", {Str(text), Str("(a+)+$")}), kErr);
  EXPECT_EQ(f.ctx.fatal().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(f.ctx.fatal().message().find("41-character"), std::string::npos)
      << f.ctx.fatal().message();
  Fn g;
  EXPECT_EQ(g("REPLACE", {Str(text), Str("(a+)+$"), Str("x")}), kErr);
  EXPECT_EQ(g.ctx.fatal().code(), Status::Code::kResourceExhausted);
}

TEST(Regex, Replace) {
  Fn f;
  EXPECT_EQ(f("REPLACE", {Str("abcd"), Str("b"), Str("Z")}), Str("aZcd"));
  EXPECT_EQ(f("REPLACE", {Str("abab"), Str("B"), Str("Z"), Str("i")}), Str("aZaZ"));
  EXPECT_EQ(f("REPLACE", {Lang("abcd", "en"), Str("b"), Str("Z")}), Lang("aZcd", "en"));
  EXPECT_EQ(f("REPLACE", {Str("abracadabra"), Str("a(.)"), Str("a$1$1")}), Str("abbraccaddabbra"));
  EXPECT_EQ(f("REPLACE", {Str("darted"), Str("^(.*?)d(.*)$"), Str("$1c$2")}), Str("carted"));
  EXPECT_EQ(f("REPLACE", {Str("abc"), Str("(ab)|(a)"), Str("[1=$1][2=$2]")}), Str("[1=ab][2=]c"));
  EXPECT_EQ(f("REPLACE", {Str("a.b"), Str("."), Str("$"), Str("q")}), Str("a$b"));
  EXPECT_EQ(f("REPLACE", {Str("ab"), Str("b"), Str("\\$")}), Str("a$"));
  EXPECT_EQ(f("REPLACE", {Str("ab"), Str("b"), Str("$x")}), kErr);  // bad replacement
  EXPECT_EQ(f("REPLACE", {Str("ab"), Str("x*"), Str("y")}), kErr);  // matches ""
  EXPECT_EQ(f("REPLACE", {Str("\xc3\xa9t\xc3\xa9"), Str("t"), Str("T")}), Str("\xc3\xa9T\xc3\xa9"));
  EXPECT_EQ(f("REPLACE", {Int("1"), Str("1"), Str("2")}), kErr);
}

TEST(NumericFunctions, AbsCeilFloorRound) {
  Fn f;
  EXPECT_EQ(f("ABS", {Int("-1")}), Int("1"));
  EXPECT_EQ(f("ABS", {Dec("-1.5")}), Dec("1.5"));
  EXPECT_EQ(f("ABS", {Dbl("-2")}), Dbl("2.0E0"));
  EXPECT_EQ(f("CEIL", {Dec("1.1")}), Dec("2"));
  EXPECT_EQ(f("CEIL", {Dec("-1.6")}), Dec("-1"));
  EXPECT_EQ(f("CEIL", {Int("-2")}), Int("-2"));
  EXPECT_EQ(f("FLOOR", {Dec("-1.6")}), Dec("-2"));
  EXPECT_EQ(f("FLOOR", {Dec("2.5")}), Dec("2"));
  EXPECT_EQ(f("FLOOR", {Dbl("2.5")}), Dbl("2.0E0"));
  EXPECT_EQ(f("ROUND", {Dec("2.5")}), Dec("3"));
  EXPECT_EQ(f("ROUND", {Dec("-2.5")}), Dec("-2"));
  EXPECT_EQ(f("ROUND", {Dec("-1.6")}), Dec("-2"));
  EXPECT_EQ(f("ROUND", {Dec("1.1")}), Dec("1"));
  EXPECT_EQ(f("ROUND", {Dbl("2.4999")}), Dbl("2.0E0"));
  EXPECT_EQ(f("ROUND", {Flt("-2.5")}), Flt("-2.0E0"));
  EXPECT_EQ(f("ABS", {Str("-1")}), kErr);
  EXPECT_EQ(f("ROUND", {Iri("http://x/")}), kErr);
}

TEST(NumericFunctions, RandUuid) {
  Fn f;
  ExprResult r = f("RAND", {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->datatype(), XsdIri("double"));
  double d = std::stod(r->value());
  EXPECT_GE(d, 0.0);
  EXPECT_LT(d, 1.0);
  ExprResult u = f("UUID", {}), u2 = f("UUID", {});
  ASSERT_TRUE(u && u2);
  EXPECT_TRUE(u->is_iri());
  EXPECT_NE(u, u2);
  EXPECT_EQ(f("REGEX", {Str(u->value()),
                        Str("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                            "[0-9a-f]{12}$")}),
            Bool(true));
  ExprResult s = f("STRUUID", {});
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->is_literal());
  EXPECT_EQ(s->value().size(), 36u);
  EXPECT_EQ(f("RAND", {Int("1")}), kErr);
}

TEST(DateFunctions, Components) {
  Fn f;
  ExprResult dt = DateTimeLit("2011-01-10T14:45:13.815-05:00");
  EXPECT_EQ(f("YEAR", {dt}), Int("2011"));
  EXPECT_EQ(f("MONTH", {dt}), Int("1"));
  EXPECT_EQ(f("DAY", {dt}), Int("10"));
  EXPECT_EQ(f("HOURS", {dt}), Int("14"));
  EXPECT_EQ(f("MINUTES", {dt}), Int("45"));
  EXPECT_EQ(f("SECONDS", {dt}), Dec("13.815"));
  EXPECT_EQ(f("SECONDS", {DateTimeLit("2010-06-21T11:28:01Z")}), Dec("1"));
  EXPECT_EQ(f("TIMEZONE", {dt}), Typed("-PT5H", "dayTimeDuration"));
  EXPECT_EQ(f("TIMEZONE", {DateTimeLit("2010-06-21T11:28:01Z")}), Typed("PT0S", "dayTimeDuration"));
  EXPECT_EQ(f("TIMEZONE", {DateTimeLit("2010-06-21T11:28:01+05:30")}),
            Typed("PT5H30M", "dayTimeDuration"));
  EXPECT_EQ(f("TIMEZONE", {DateTimeLit("2010-06-21T11:28:01")}), kErr);
  EXPECT_EQ(f("TZ", {dt}), Str("-05:00"));
  EXPECT_EQ(f("TZ", {DateTimeLit("2010-06-21T11:28:01Z")}), Str("Z"));
  EXPECT_EQ(f("TZ", {DateTimeLit("2010-06-21T11:28:01")}), Str(""));
  EXPECT_EQ(f("YEAR", {Typed("2010-06-21", "date")}), Int("2010"));
  EXPECT_EQ(f("HOURS", {Typed("2010-06-21", "date")}), kErr);
  EXPECT_EQ(f("YEAR", {Str("2010-06-21T11:28:01Z")}), kErr);
  EXPECT_EQ(f("YEAR", {DateTimeLit("not a date")}), kErr);
}

TEST(DateFunctions, NowIsConstantPerContext) {
  Fn f;
  ExprResult a = f("NOW", {}), b = f("NOW", {});
  ASSERT_TRUE(a);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a->datatype(), XsdIri("dateTime"));
  EXPECT_TRUE(f("YEAR", {a}).has_value());
  // Canonical form: no trailing zeros in the fraction.
  EXPECT_EQ(f("STR", {a}), f("STR", {f("http://www.w3.org/2001/XMLSchema#dateTime", {a})}));
  f.ctx.set_now(*DateTimeLit("2020-01-02T03:04:05Z"));
  EXPECT_EQ(f("NOW", {}), DateTimeLit("2020-01-02T03:04:05Z"));
}

TEST(HashFunctions, KnownDigests) {
  Fn f;
  EXPECT_EQ(f("MD5", {Str("abc")}), Str("900150983cd24fb0d6963f7d28e17f72"));
  EXPECT_EQ(f("SHA1", {Str("abc")}), Str("a9993e364706816aba3e25717850c26c9cd0d89d"));
  EXPECT_EQ(f("SHA256", {Typed("abc", "string")}),
            Str("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  EXPECT_EQ(f("SHA384", {Str("abc")}),
            Str("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358"
                "baeca134c825a7"));
  EXPECT_EQ(f("SHA512", {Str("abc")}),
            Str("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a8"
                "36ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"));
  EXPECT_EQ(f("MD5", {Str("\xc3\xa9")}), Str("66ddcd97cfdeabb2f6fb8a999b4bc76f"));  // UTF-8
  EXPECT_EQ(f("MD5", {Lang("abc", "en")}), kErr);
  EXPECT_EQ(f("SHA1", {Int("1")}), kErr);
}

}  // namespace
}  // namespace hamlet::sparql::expr
