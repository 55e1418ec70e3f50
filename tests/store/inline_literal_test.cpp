// Literals kept in their ids: exact round trips, one id per literal whichever way it reaches
// the store, and everything that does not round-trip left to the dictionary.
#include "store/inline_literal.h"

#include <gtest/gtest.h>

#include <set>

#include "rdf/vocab.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace hamlet::store {
namespace {

const std::string kInt(rdf::vocab::kXsdInteger), kDec(rdf::vocab::kXsdDecimal),
    kDate(rdf::vocab::kXsdDate), kBool(rdf::vocab::kXsdBoolean);

TEST(InlineLiteral, CanonicalFormsRoundTripExactly) {
  const std::vector<std::pair<std::string, std::string>> cases = {{"0", kInt},
                                                                  {"7", kInt},
                                                                  {"-7", kInt},
                                                                  {"18014398509481983", kInt},
                                                                  {"-18014398509481983", kInt},
                                                                  {"0.5", kDec},
                                                                  {"-0.0", kDec},
                                                                  {"4000000.00", kDec},
                                                                  {"123456789.123456", kDec},
                                                                  {"0.00000000000001", kDec},
                                                                  {"2023-01-01", kDate},
                                                                  {"0001-12-31", kDate},
                                                                  {"9999-02-29", kDate},
                                                                  {"true", kBool},
                                                                  {"false", kBool}};
  std::set<TermId> ids;
  for (const auto& [lex, dt] : cases) {
    SCOPED_TRACE(lex + "^^" + dt);
    TermId id = InlineLiteralId(dt, lex);
    ASSERT_NE(id, kNoTerm);
    EXPECT_TRUE(IsInline(id));
    EXPECT_EQ(KindOf(id), rdf::TermKind::kLiteral);
    rdf::Term back = DecodeInlineLiteral(id);
    EXPECT_EQ(back.value(), lex);
    EXPECT_EQ(back.datatype(), dt);
    EXPECT_TRUE(ids.insert(id).second) << "two literals share an id";
  }
}

TEST(InlineLiteral, OtherFormsStayInTheDictionary) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"01", kInt},
      {"+1", kInt},
      {"-0", kInt},
      {"", kInt},
      {"1.0", kInt},
      {"18014398509481984", kInt},
      {"99999999999999999999", kInt},
      {"1", kDec},
      {".5", kDec},
      {"5.", kDec},
      {"00.5", kDec},
      {"+0.5", kDec},
      {"1234567890.1234567", kDec},
      {"1e3", kDec},
      {"2023-1-01", kDate},
      {"2023-13-01", kDate},
      {"2023-01-00", kDate},
      {"2023-01-01Z", kDate},
      {"-2023-01-01", kDate},
      {"1", kBool},
      {"TRUE", kBool},
      {"5", "http://www.w3.org/2001/XMLSchema#int"},
      {"5", "http://example.org/dt"}};
  for (const auto& [lex, dt] : cases) {
    EXPECT_EQ(InlineLiteralId(dt, lex), kNoTerm) << lex << "^^" << dt;
  }
  EXPECT_EQ(InlineTermId(rdf::Term::LangLiteral("5", "en").view()), kNoTerm);
  EXPECT_EQ(InlineTermId(rdf::Term::Iri("http://ex.org/5").view()), kNoTerm);
}

TEST(InlineLiteral, IntegerIdsFollowNumericOrder) {
  EXPECT_LT(InlineLiteralId(kInt, "-5"), InlineLiteralId(kInt, "0"));
  EXPECT_LT(InlineLiteralId(kInt, "0"), InlineLiteralId(kInt, "12"));
  EXPECT_LT(InlineLiteralId(kInt, "12"), InlineLiteralId(kInt, "100"));
}

TEST(InlineLiteral, StoreLoadsLooksUpAndDecodesThemWithoutTheDictionary) {
  testing::TempDir tmp;
  auto store = Store::Open(tmp.Sub("store"));
  ASSERT_TRUE(store.ok()) << store.status().message();
  std::string doc = "<http://ex.org/a> <http://ex.org/p> \"42\"^^<" + kInt +
                    "> .\n"
                    "<http://ex.org/a> <http://ex.org/p> \"042\"^^<" +
                    kInt +
                    "> .\n"
                    "<http://ex.org/a> <http://ex.org/d> \"2020-02-29\"^^<" +
                    kDate +
                    "> .\n"
                    "<http://ex.org/a> <http://ex.org/p> \"42\"^^<" +
                    kInt + "> .\n";
  LoadSource src;
  src.path = tmp.Write("in.nt", doc);
  src.syntax = io::Syntax::kNTriples;
  auto r = (*store)->Load({src});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->quads_added, 3u) << "the repeated quad with an inline object counts once";
  auto snap = (*store)->GetSnapshot();
  auto id = snap->Lookup(rdf::Term::Literal("42", kInt).view());
  ASSERT_TRUE(id.ok());
  EXPECT_TRUE(IsInline(*id));
  auto padded = snap->Lookup(rdf::Term::Literal("042", kInt).view());
  ASSERT_TRUE(padded.ok());
  EXPECT_FALSE(IsInline(*padded));
  EXPECT_NE(*padded, kNoTerm) << "a non-canonical form is in the dictionary";
  QuadPattern p;
  p.scope = GraphScope::kDefault;
  p.o = *id;
  auto quads = ReadQuads(*snap, p);
  ASSERT_TRUE(quads.ok());
  ASSERT_EQ(quads->size(), 1u);
  EXPECT_EQ((*quads)[0].object, rdf::Term::Literal("42", kInt));
  auto stats = snap->GetStatistics();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->quads, 3u);
}

}  // namespace
}  // namespace hamlet::store
