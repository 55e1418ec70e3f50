// Parser -> AST: terms, literal forms, escapes, BASE/PREFIX resolution, syntax sugar.
#include <gtest/gtest.h>

#include <string>

#include "sparql/syntax/parser.h"

namespace {

namespace ast = hamlet::sparql::ast;
using hamlet::sparql::syntax::ParseOptions;
using hamlet::sparql::syntax::ParseQuery;
using hamlet::sparql::syntax::ParseUpdate;

ast::Query Parse(const std::string& text, const std::string& base = "") {
  ParseOptions o;
  o.base_iri = base;
  auto r = ParseQuery(text, o);
  EXPECT_TRUE(r.ok()) << (r.error ? r.error->ToString() : "");
  return r.ok() ? *r.value : ast::Query{};
}

// The triples of the first element of the WHERE clause.
std::vector<ast::TriplePattern> Triples(const ast::Query& q) {
  if (!q.where || q.where->elements.empty()) return {};
  return q.where->elements[0].triples;
}

TEST(SparqlParser, NumbersKeepTheirLexicalForm) {
  auto t =
      Triples(Parse("SELECT * { ?s ?p 1, 1.0, 1e0, -5, +0.5, \"01\"^^<http://www.w3.org/"
                    "2001/XMLSchema#integer>, TRUE }"));
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t[0].object, ast::Term::Literal("1", ast::kXsdInteger));
  EXPECT_EQ(t[1].object, ast::Term::Literal("1.0", ast::kXsdDecimal));
  EXPECT_EQ(t[2].object, ast::Term::Literal("1e0", ast::kXsdDouble));
  EXPECT_EQ(t[3].object, ast::Term::Literal("-5", ast::kXsdInteger));
  EXPECT_EQ(t[4].object, ast::Term::Literal("+0.5", ast::kXsdDecimal));
  EXPECT_EQ(t[5].object, ast::Term::Literal("01", ast::kXsdInteger));
  EXPECT_EQ(t[6].object, ast::Term::Literal("true", ast::kXsdBoolean));
}

TEST(SparqlParser, StringFormsAndEscapes) {
  auto t = Triples(
      Parse("SELECT * { ?s ?p 'a\\tb', \"c\\\"d\", '''e\n'f''', \"\"\"g\"h\"\"\", \"x\"@en-GB, "
            "\"\\u00e9\\U0001F600\" }"));
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].object.value, "a\tb");
  EXPECT_EQ(t[0].object.datatype, ast::kXsdString);
  EXPECT_EQ(t[1].object.value, "c\"d");
  EXPECT_EQ(t[2].object.value, "e\n'f");
  EXPECT_EQ(t[3].object.value, "g\"h");
  EXPECT_EQ(t[4].object, ast::Term::Literal("x", ast::kRdfLangString, "en-GB"));
  EXPECT_EQ(t[5].object.value, "\xC3\xA9\xF0\x9F\x98\x80");
}

TEST(SparqlParser, BaseAndPrefixResolution) {
  auto q = Parse(
      "BASE <http://example.org/dir/>\n"
      "PREFIX : <sub/>\n"
      "PREFIX ex: <http://ex.com/ns#>\n"
      "SELECT * { <a> :b ex:c\\-d . <../up> ex: <#frag> }",
      "http://ignored.example/");
  auto t = Triples(q);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].subject.value, "http://example.org/dir/a");
  EXPECT_EQ(t[0].predicate.value, "http://example.org/dir/sub/b");
  EXPECT_EQ(t[0].object.value, "http://ex.com/ns#c-d");
  EXPECT_EQ(t[1].subject.value, "http://example.org/up");
  EXPECT_EQ(t[1].predicate.value, "http://ex.com/ns#");
  EXPECT_EQ(t[1].object.value, "http://example.org/dir/#frag");
  ASSERT_EQ(q.prologue.prefixes.size(), 2u);
  EXPECT_EQ(q.prologue.base, "http://example.org/dir/");
}

TEST(SparqlParser, CollectionsAndBlankNodePropertyLists) {
  auto t = Triples(Parse("PREFIX : <http://e/>\nSELECT * { ?s :p (1 [ :q 2 ]) }"));
  ASSERT_EQ(t.size(), 6u);
  // [ :q 2 ] first, then the two list cells, then the triple using the list.
  EXPECT_TRUE(t[0].subject.is_blank() && t[0].subject.anonymous);
  EXPECT_EQ(t[0].predicate.value, "http://e/q");
  EXPECT_EQ(t[1].predicate.value, ast::kRdfFirst);
  EXPECT_EQ(t[2].predicate.value, ast::kRdfRest);
  EXPECT_EQ(t[3].object, t[0].subject);
  EXPECT_EQ(t[4].object.value, ast::kRdfNil);
  EXPECT_EQ(t[5].subject, ast::Term::Variable("s"));
  EXPECT_EQ(t[5].object, t[1].subject);
}

TEST(SparqlParser, PropertyPathsAreKept) {
  auto t = Triples(Parse("PREFIX : <http://e/>\nSELECT * { ?s :a/^:b|!(:c|^a)* ?o ; a ?t }"));
  ASSERT_EQ(t.size(), 2u);
  ASSERT_TRUE(t[0].path.has_value());
  EXPECT_EQ(t[0].path->kind, ast::Path::Kind::kAlternative);
  EXPECT_EQ(t[0].path->args[0].kind, ast::Path::Kind::kSequence);
  EXPECT_EQ(t[0].path->args[1].kind, ast::Path::Kind::kZeroOrMore);
  EXPECT_EQ(t[0].path->args[1].args[0].negated.size(), 2u);
  EXPECT_TRUE(t[0].path->args[1].args[0].negated[1].inverse);
  EXPECT_FALSE(t[1].path.has_value());
  EXPECT_EQ(t[1].predicate.value, ast::kRdfType);
}

TEST(SparqlParser, KeywordsAreCaseInsensitive) {
  auto q = Parse(
      "select distinct ?x where { ?x ?p ?o filter(isiri(?x)) } order by desc(?x) "
      "limit 3");
  EXPECT_TRUE(q.distinct);
  EXPECT_EQ(q.modifiers.limit, 3u);
  ASSERT_EQ(q.modifiers.order_by.size(), 1u);
  EXPECT_TRUE(q.modifiers.order_by[0].descending);
  EXPECT_EQ(q.where->elements[1].expr.op, "ISIRI");
}

TEST(SparqlParser, SubSelectValuesAndServices) {
  auto q = Parse(
      "SELECT * { { SELECT ?x { ?x ?p ?o } LIMIT 1 } SERVICE SILENT <http://s/> { ?x ?q ?r } "
      "VALUES ?x { <http://a/> UNDEF } } VALUES (?y) { (1) }");
  ASSERT_EQ(q.where->elements.size(), 3u);
  EXPECT_EQ(q.where->elements[0].kind, ast::GraphPatternElement::Kind::kGroup);
  EXPECT_EQ(q.where->elements[0].patterns[0].elements[0].kind,
            ast::GraphPatternElement::Kind::kSubSelect);
  EXPECT_TRUE(q.where->elements[1].silent);
  EXPECT_EQ(q.where->elements[2].data.rows.size(), 2u);
  EXPECT_FALSE(q.where->elements[2].data.rows[1][0].has_value());
  ASSERT_TRUE(q.values.has_value());
  EXPECT_EQ(q.values->variables[0].value, "y");
}

TEST(SparqlParser, ConstructWhereAndDescribe) {
  auto c = Parse("CONSTRUCT WHERE { ?s ?p ?o }");
  EXPECT_TRUE(c.construct_where);
  EXPECT_EQ(c.construct_template.size(), 1u);
  auto d = Parse("DESCRIBE ?x <http://e/y>");
  EXPECT_EQ(d.form, ast::Query::Form::kDescribe);
  EXPECT_EQ(d.describe.size(), 2u);
  EXPECT_FALSE(d.where.has_value());
}

TEST(SparqlParser, UpdateOperations) {
  auto r = ParseUpdate(
      "PREFIX : <http://e/>\n"
      "INSERT DATA { :a :b 1 . GRAPH :g { :c :d 2 } } ;\n"
      "WITH :g DELETE { ?s :p ?o } INSERT { ?s :q ?o } USING :h WHERE { ?s :p ?o } ;\n"
      "LOAD SILENT <http://doc/> INTO GRAPH :g ;\n"
      "MOVE DEFAULT TO :g ; CLEAR NAMED ;");
  ASSERT_TRUE(r.ok()) << r.error->ToString();
  const auto& ops = r.value->operations;
  ASSERT_EQ(ops.size(), 5u);
  EXPECT_EQ(ops[0].kind, ast::UpdateOperation::Kind::kInsertData);
  EXPECT_EQ(ops[0].insert_quads.size(), 2u);
  EXPECT_EQ(ops[0].insert_quads[1].graph->value, "http://e/g");
  EXPECT_EQ(ops[1].kind, ast::UpdateOperation::Kind::kModify);
  EXPECT_EQ(ops[1].with->value, "http://e/g");
  EXPECT_EQ(ops[1].using_clauses.size(), 1u);
  EXPECT_TRUE(ops[2].silent);
  EXPECT_EQ(ops[3].target.kind, ast::GraphTarget::Kind::kDefault);
  EXPECT_EQ(ops[4].target.kind, ast::GraphTarget::Kind::kNamed);
}

TEST(SparqlParser, EmptyUpdateIsValid) {
  EXPECT_TRUE(ParseUpdate("").ok());
  EXPECT_TRUE(ParseUpdate("PREFIX : <http://e/>").ok());
}

}  // namespace
